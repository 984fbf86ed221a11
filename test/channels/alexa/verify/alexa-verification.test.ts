/**
 * Amazon's rules for self-hosted skills, one by one, against a test CA whose chains look like
 * Amazon's (leaf with SAN echo-api.amazon.com, an intermediate, a trusted root). Certificates are
 * served by a counting fake downloader; the real downloader is tested with nock elsewhere.
 */
import { CertCache, verifyAlexaRequest, type AlexaVerificationOptions } from '../../../../src/channels/alexa/verify';
import { alexaBody, CERT_URL, signedHeaders, SKILL_ID, reasonFor } from '../../../support/alexa-signing';
import { createTestPki, PKI_NOW, type TestCert, type TestPki } from '../../../support/test-ca';

let pki: TestPki;
beforeAll(() => {
  pki = createTestPki();
});

const seconds = (count: number): Date => new Date(PKI_NOW.getTime() + count * 1000);

interface Setup {
  cert?: TestCert;
  chainPem?: string;
  now?: Date;
  options?: Partial<AlexaVerificationOptions>;
}

/** Options whose downloader serves one chain and counts its calls. */
function setup({ cert = pki.leaf, chainPem, now = PKI_NOW, options = {} }: Setup = {}) {
  const downloads: string[] = [];
  const verification: AlexaVerificationOptions = {
    skillIds: [SKILL_ID],
    now: () => now,
    trustedRoots: pki.trustedRoots,
    certCache: new CertCache(),
    fetchCert: async (url) => {
      downloads.push(url);
      return chainPem ?? pki.chain(cert);
    },
    ...options,
  };
  return { downloads, verification };
}


function signed(body: Buffer, key = pki.leaf.privateKey, certUrl = CERT_URL) {
  return { body, headers: signedHeaders(body, key, certUrl) };
}

describe('a request signed by the Alexa certificate', () => {
  it('passes and reports the skill id', async () => {
    const { verification, downloads } = setup();
    const { body, headers } = signed(alexaBody({ timestamp: PKI_NOW }));
    await expect(verifyAlexaRequest(body, headers, verification)).resolves.toEqual({ skillId: SKILL_ID });
    expect(downloads).toEqual([CERT_URL]);
  });

  it('passes with the root included at the end of the chain, as some servers send it', async () => {
    const { verification } = setup({ chainPem: pki.leaf.pem + pki.intermediate.pem + pki.root.pem });
    const { body, headers } = signed(alexaBody({ timestamp: PKI_NOW }));
    expect(await reasonFor(verifyAlexaRequest(body, headers, verification))).toBe('passed');
  });

  it('fails with the default trust store, which does not hold the test root', async () => {
    const { verification } = setup({ options: { trustedRoots: undefined } });
    const { body, headers } = signed(alexaBody({ timestamp: PKI_NOW }));
    expect(await reasonFor(verifyAlexaRequest(body, headers, verification))).toBe('cert-untrusted');
  });
});

describe('headers', () => {
  it.each([
    ['SignatureCertChainUrl', 'signaturecertchainurl'],
    ['Signature-256', 'signature-256'],
  ])('refuses a request without %s and downloads nothing', async (_name, header) => {
    const { verification, downloads } = setup();
    const { body, headers } = signed(alexaBody({ timestamp: PKI_NOW }));
    delete headers[header];
    expect(await reasonFor(verifyAlexaRequest(body, headers, verification))).toBe('missing-header');
    expect(downloads).toEqual([]);
  });

  it('does not accept the legacy SHA-1 Signature header instead of Signature-256', async () => {
    const { verification } = setup();
    const { body, headers } = signed(alexaBody({ timestamp: PKI_NOW }));
    const { 'signature-256': signature, ...rest } = headers;
    expect(await reasonFor(verifyAlexaRequest(body, { ...rest, signature }, verification))).toBe('missing-header');
  });
});

describe('the certificate URL', () => {
  it.each([
    ['http', 'http://s3.amazonaws.com/echo.api/echo-api-cert.pem'],
    ['a wrong host', 'https://notamazon.com/echo.api/echo-api-cert.pem'],
    ['a look-alike host', 'https://s3.amazonaws.com.evil.example/echo.api/echo-api-cert.pem'],
    ['a path climbing out of /echo.api/', 'https://s3.amazonaws.com/echo.api/../echo-api-cert.pem'],
    ['an encoded climb out of /echo.api/', 'https://s3.amazonaws.com/echo.api/%2e%2e/echo-api-cert.pem'],
    ['an upper-case path', 'https://s3.amazonaws.com/ECHO.API/echo-api-cert.pem'],
    ['a path outside /echo.api/', 'https://s3.amazonaws.com/invalid.path/echo-api-cert.pem'],
    ['port 563', 'https://s3.amazonaws.com:563/echo.api/echo-api-cert.pem'],
    ['credentials', 'https://user:pass@s3.amazonaws.com/echo.api/echo-api-cert.pem'],
    ['not a URL at all', 'echo.api/echo-api-cert.pem'],
  ])('refuses %s and downloads nothing', async (_what, certUrl) => {
    const { verification, downloads } = setup();
    const { body, headers } = signed(alexaBody({ timestamp: PKI_NOW }), pki.leaf.privateKey, certUrl);
    expect(await reasonFor(verifyAlexaRequest(body, headers, verification))).toBe('cert-url');
    expect(downloads).toEqual([]);
  });

  it.each([
    ['port 443 given', 'https://s3.amazonaws.com:443/echo.api/echo-api-cert.pem', 'https://s3.amazonaws.com/echo.api/echo-api-cert.pem'],
    ['upper-case scheme and host', 'HTTPS://S3.Amazonaws.COM/echo.api/echo-api-cert.pem', 'https://s3.amazonaws.com/echo.api/echo-api-cert.pem'],
    ['host case only', 'https://S3.Amazonaws.com/echo.api/cert', 'https://s3.amazonaws.com/echo.api/cert'],
    ['a harmless dot segment', 'https://s3.amazonaws.com/echo.api/../echo.api/echo-api-cert.pem', 'https://s3.amazonaws.com/echo.api/echo-api-cert.pem'],
  ])('accepts %s and downloads the normalised URL', async (_what, certUrl, normalised) => {
    const { verification, downloads } = setup();
    const { body, headers } = signed(alexaBody({ timestamp: PKI_NOW }), pki.leaf.privateKey, certUrl);
    expect(await reasonFor(verifyAlexaRequest(body, headers, verification))).toBe('passed');
    expect(downloads).toEqual([normalised]);
  });
});

describe('the certificate', () => {
  it('refuses a leaf without SAN echo-api.amazon.com', async () => {
    const { verification } = setup({ cert: pki.wrongSanLeaf });
    const { body, headers } = signed(alexaBody({ timestamp: PKI_NOW }));
    expect(await reasonFor(verifyAlexaRequest(body, headers, verification))).toBe('cert-san');
  });

  it('refuses an expired leaf', async () => {
    const { verification } = setup({ cert: pki.expiredLeaf });
    const { body, headers } = signed(alexaBody({ timestamp: PKI_NOW }));
    expect(await reasonFor(verifyAlexaRequest(body, headers, verification))).toBe('cert-out-of-date');
  });

  it('refuses a leaf that is not yet valid', async () => {
    const now = new Date(pki.leaf.x509.validFrom);
    const early = new Date(Date.parse(pki.leaf.x509.validFrom) - 60_000);
    const { verification } = setup({ now: early });
    const { body, headers } = signed(alexaBody({ timestamp: early }));
    expect(await reasonFor(verifyAlexaRequest(body, headers, verification))).toBe('cert-out-of-date');
    const inDate = setup({ now });
    const again = signed(alexaBody({ timestamp: now }));
    expect(await reasonFor(verifyAlexaRequest(again.body, again.headers, inDate.verification))).toBe('passed');
  });

  it('refuses a chain from a CA we do not trust, even with the trusted root name', async () => {
    const { verification } = setup({ cert: pki.untrustedLeaf });
    const { body, headers } = signed(alexaBody({ timestamp: PKI_NOW }));
    expect(await reasonFor(verifyAlexaRequest(body, headers, verification))).toBe('cert-untrusted');
  });

  it('refuses a leaf served without the intermediate that links it to the root', async () => {
    const { verification } = setup({ chainPem: pki.leaf.pem });
    const { body, headers } = signed(alexaBody({ timestamp: PKI_NOW }));
    expect(await reasonFor(verifyAlexaRequest(body, headers, verification))).toBe('cert-untrusted');
  });

  it('refuses a download that holds no certificate', async () => {
    const { verification } = setup({ chainPem: '<html>Access Denied</html>' });
    const { body, headers } = signed(alexaBody({ timestamp: PKI_NOW }));
    expect(await reasonFor(verifyAlexaRequest(body, headers, verification))).toBe('cert-invalid');
  });

  it('reports a failed download as such', async () => {
    const { verification } = setup({ options: { fetchCert: async () => { throw new Error('socket hang up'); } } });
    const { body, headers } = signed(alexaBody({ timestamp: PKI_NOW }));
    expect(await reasonFor(verifyAlexaRequest(body, headers, verification))).toBe('cert-download');
  });
});

describe('the signature', () => {
  it('refuses a tampered body', async () => {
    const { verification } = setup();
    const { body, headers } = signed(alexaBody({ timestamp: PKI_NOW }));
    const tampered = Buffer.from(body.toString('utf8').replace('LaunchRequest', 'SessionEndedRequest'));
    expect(await reasonFor(verifyAlexaRequest(tampered, headers, verification))).toBe('signature');
  });

  it('refuses the same JSON re-serialised with different spacing', async () => {
    const { verification } = setup();
    const { body, headers } = signed(alexaBody({ timestamp: PKI_NOW }));
    const respaced = Buffer.from(JSON.stringify(JSON.parse(body.toString('utf8')), null, 2));
    expect(await reasonFor(verifyAlexaRequest(respaced, headers, verification))).toBe('signature');
  });

  it('refuses a body signed by another key', async () => {
    const { verification } = setup();
    const { body, headers } = signed(alexaBody({ timestamp: PKI_NOW }), pki.root.privateKey);
    expect(await reasonFor(verifyAlexaRequest(body, headers, verification))).toBe('signature');
  });

  it('refuses a signature that is not base64 of anything sensible', async () => {
    const { verification } = setup();
    const { body, headers } = signed(alexaBody({ timestamp: PKI_NOW }));
    expect(await reasonFor(verifyAlexaRequest(body, { ...headers, 'signature-256': '!!not-base64!!' }, verification))).toBe('signature');
  });
});

describe('the timestamp', () => {
  it.each([
    [-149, 'passed'], [149, 'passed'], [-150, 'passed'], [150, 'passed'],
    [-151, 'timestamp'], [151, 'timestamp'],
  ] as const)('an ordinary request %i s from now: %s', async (offset, outcome) => {
    const { verification } = setup();
    const { body, headers } = signed(alexaBody({ timestamp: seconds(offset) }));
    expect(await reasonFor(verifyAlexaRequest(body, headers, verification))).toBe(outcome);
  });

  it.each([
    [-3599, 'passed'], [3599, 'passed'],
    [-3601, 'timestamp'], [3601, 'timestamp'],
  ] as const)('a skill event %i s from now: %s', async (offset, outcome) => {
    const { verification } = setup();
    const { body, headers } = signed(alexaBody({ timestamp: seconds(offset), type: 'AlexaSkillEvent.SkillPermissionAccepted' }));
    expect(await reasonFor(verifyAlexaRequest(body, headers, verification))).toBe(outcome);
  });

  it('refuses a request without a readable timestamp, and downloads nothing', async () => {
    const { verification, downloads } = setup();
    const body = Buffer.from(alexaBody({ timestamp: PKI_NOW }).toString('utf8').replace(/"timestamp":"[^"]+"/, '"timestamp":"yesterday"'));
    expect(await reasonFor(verifyAlexaRequest(body, signedHeaders(body, pki.leaf.privateKey), verification))).toBe('timestamp');
    expect(downloads).toEqual([]);
  });
});

describe('the skill id', () => {
  it('refuses another skill and downloads nothing', async () => {
    const { verification, downloads } = setup();
    const { body, headers } = signed(alexaBody({ timestamp: PKI_NOW, skillId: 'amzn1.ask.skill.someone-else' }));
    expect(await reasonFor(verifyAlexaRequest(body, headers, verification))).toBe('skill-id');
    expect(downloads).toEqual([]);
  });

  it('accepts any of several configured skills', async () => {
    const { verification } = setup({ options: { skillIds: ['amzn1.ask.skill.welsh', SKILL_ID] } });
    const { body, headers } = signed(alexaBody({ timestamp: PKI_NOW }));
    expect(await reasonFor(verifyAlexaRequest(body, headers, verification))).toBe('passed');
  });

  it('checks session.application too, so the two places cannot disagree', async () => {
    const { verification } = setup();
    const mixed = signed(alexaBody({ timestamp: PKI_NOW, sessionSkillId: 'amzn1.ask.skill.someone-else' }));
    expect(await reasonFor(verifyAlexaRequest(mixed.body, mixed.headers, verification))).toBe('skill-id');
    const same = signed(alexaBody({ timestamp: PKI_NOW, sessionSkillId: SKILL_ID }));
    expect(await reasonFor(verifyAlexaRequest(same.body, same.headers, verification))).toBe('passed');
  });

  it('refuses everything when no skill id is configured', async () => {
    const { verification } = setup({ options: { skillIds: [] } });
    const { body, headers } = signed(alexaBody({ timestamp: PKI_NOW }));
    expect(await reasonFor(verifyAlexaRequest(body, headers, verification))).toBe('skill-id');
  });

  it('refuses a body that is not JSON', async () => {
    const { verification } = setup();
    const body = Buffer.from('not json');
    expect(await reasonFor(verifyAlexaRequest(body, signedHeaders(body, pki.leaf.privateKey), verification))).toBe('body');
  });
});

describe('the certificate cache', () => {
  it('downloads a chain once and reuses it for later requests', async () => {
    const { verification, downloads } = setup();
    for (const offset of [0, 30, 60]) {
      const { body, headers } = signed(alexaBody({ timestamp: seconds(offset) }));
      expect(await reasonFor(verifyAlexaRequest(body, headers, { ...verification, now: () => seconds(offset) }))).toBe('passed');
    }
    expect(downloads).toHaveLength(1);
  });

  it('shares one download between concurrent requests', async () => {
    const { verification, downloads } = setup();
    const requests = [0, 1, 2].map(() => signed(alexaBody({ timestamp: PKI_NOW })));
    const outcomes = await Promise.all(requests.map(({ body, headers }) => reasonFor(verifyAlexaRequest(body, headers, verification))));
    expect(outcomes).toEqual(['passed', 'passed', 'passed']);
    expect(downloads).toHaveLength(1);
  });

  it('does not use a cached chain past its expiry: it downloads again, and the expired cert fails', async () => {
    const { verification, downloads } = setup({ cert: pki.shortLivedLeaf });
    const expiry = Date.parse(pki.shortLivedLeaf.x509.validTo);
    const before = new Date(expiry - 60_000);
    const after = new Date(expiry + 1_000);

    const first = signed(alexaBody({ timestamp: before }));
    expect(await reasonFor(verifyAlexaRequest(first.body, first.headers, { ...verification, now: () => before }))).toBe('passed');
    const second = signed(alexaBody({ timestamp: after }));
    expect(await reasonFor(verifyAlexaRequest(second.body, second.headers, { ...verification, now: () => after }))).toBe('cert-out-of-date');
    expect(downloads).toHaveLength(2);
  });

  it('picks up the rotated certificate once the cached one expires', async () => {
    let served = pki.shortLivedLeaf;
    const { verification, downloads } = setup({ options: { fetchCert: async (url) => { downloads.push(url); return pki.chain(served); } } });
    const expiry = Date.parse(pki.shortLivedLeaf.x509.validTo);
    const before = new Date(expiry - 60_000);
    const after = new Date(expiry + 1_000);

    const first = signed(alexaBody({ timestamp: before }));
    expect(await reasonFor(verifyAlexaRequest(first.body, first.headers, { ...verification, now: () => before }))).toBe('passed');
    served = pki.leaf;
    const second = signed(alexaBody({ timestamp: after }));
    expect(await reasonFor(verifyAlexaRequest(second.body, second.headers, { ...verification, now: () => after }))).toBe('passed');
    expect(downloads).toHaveLength(2);
  });

  it('does not cache a chain that failed its checks', async () => {
    const { verification, downloads } = setup({ cert: pki.wrongSanLeaf });
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const { body, headers } = signed(alexaBody({ timestamp: PKI_NOW }));
      expect(await reasonFor(verifyAlexaRequest(body, headers, verification))).toBe('cert-san');
    }
    expect(downloads).toHaveLength(2);
  });
});

it('AlexaVerificationError is the adapter\'s RequestVerificationError, so the plain endpoint answers 400 for it too', async () => {
  const { RequestVerificationError } = await import('../../../../src/channels/alexa/verify-request');
  const { verification } = setup();
  const { body } = signed(alexaBody({ timestamp: PKI_NOW }));
  await expect(verifyAlexaRequest(body, {}, verification)).rejects.toBeInstanceOf(RequestVerificationError);
});
