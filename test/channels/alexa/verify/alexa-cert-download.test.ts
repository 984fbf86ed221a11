/**
 * The real certificate downloader (Node's fetch), with Amazon's S3 played by nock: caching,
 * the size cap, the timeout, and that a bad URL never reaches the network.
 */
import { Readable } from 'node:stream';
import nock from 'nock';
import { CertCache, verifyAlexaRequest, type AlexaVerificationOptions } from '../../../../src/channels/alexa/verify';
import { alexaBody, signedHeaders, SKILL_ID, reasonFor } from '../../../support/alexa-signing';
import { createTestPki, PKI_NOW, type TestPki } from '../../../support/test-ca';

const S3 = 'https://s3.amazonaws.com';
const PATH = '/echo.api/echo-api-cert-12.pem';

let pki: TestPki;
let unmatched: string[];
const recordUnmatched = (req: { method?: string; host?: string; path?: string }): void => {
  unmatched.push(`${req.method} ${req.host}${req.path}`);
};

beforeAll(() => {
  pki = createTestPki();
  nock.disableNetConnect();
  nock.emitter.on('no match', recordUnmatched);
});
afterAll(() => {
  nock.emitter.removeListener('no match', recordUnmatched);
  nock.enableNetConnect();
});
beforeEach(() => {
  unmatched = [];
});
afterEach(() => {
  nock.cleanAll();
});

function options(extra: Partial<AlexaVerificationOptions> = {}): AlexaVerificationOptions {
  return { skillIds: [SKILL_ID], now: () => PKI_NOW, trustedRoots: pki.trustedRoots, certCache: new CertCache(), ...extra };
}

function request(certUrl = `${S3}${PATH}`) {
  const body = alexaBody({ timestamp: PKI_NOW });
  return { body, headers: signedHeaders(body, pki.leaf.privateKey, certUrl) };
}


it('downloads the chain once and serves later requests from the cache', async () => {
  const scope = nock(S3).get(PATH).once().reply(200, pki.chain(pki.leaf), { 'content-type': 'application/x-pem-file' });
  const verification = options();
  const first = request();
  expect(await reasonFor(verifyAlexaRequest(first.body, first.headers, verification))).toBe('passed');
  expect(scope.isDone()).toBe(true);
  // The interceptor is used up: a second download would find no match and fail the request.
  const second = request();
  expect(await reasonFor(verifyAlexaRequest(second.body, second.headers, verification))).toBe('passed');
  expect(unmatched).toEqual([]);
});

it('downloads the URL as normalised (port 443 and host case dropped)', async () => {
  const scope = nock(S3).get(PATH).reply(200, pki.chain(pki.leaf));
  const { body, headers } = request(`https://S3.AmazonAWS.com:443${PATH}`);
  expect(await reasonFor(verifyAlexaRequest(body, headers, options()))).toBe('passed');
  expect(scope.isDone()).toBe(true);
});

it.each([
  ['http', `http://s3.amazonaws.com${PATH}`],
  ['a path climbing out of /echo.api/', 'https://s3.amazonaws.com/echo.api/../evil.pem'],
  ['port 563', `https://s3.amazonaws.com:563${PATH}`],
  ['a wrong host', `https://evil.example${PATH}`],
])('with %s nothing is downloaded at all', async (_what, certUrl) => {
  // Interceptors for every place the URL could lead; none may be touched.
  const scopes = [nock(S3), nock('http://s3.amazonaws.com'), nock('https://s3.amazonaws.com:563'), nock('https://evil.example')]
    .map((scope) => scope.get(() => true).reply(200, pki.chain(pki.leaf)));
  const { body, headers } = request(certUrl);
  expect(await reasonFor(verifyAlexaRequest(body, headers, options()))).toBe('cert-url');
  expect(scopes.map((scope) => scope.isDone())).toEqual([false, false, false, false]);
  expect(unmatched).toEqual([]);
});

describe('the size cap', () => {
  const cap = 8 * 1024;

  it('accepts a chain of exactly the cap', async () => {
    const scope = nock(S3).get(PATH).reply(200, pki.chain(pki.leaf).padEnd(cap, '\n'));
    const { body, headers } = request();
    expect(await reasonFor(verifyAlexaRequest(body, headers, options({ download: { maxBytes: cap } })))).toBe('passed');
    expect(scope.isDone()).toBe(true);
  });

  it('refuses one byte over the cap', async () => {
    const scope = nock(S3).get(PATH).reply(200, pki.chain(pki.leaf).padEnd(cap + 1, '\n'));
    const { body, headers } = request();
    expect(await reasonFor(verifyAlexaRequest(body, headers, options({ download: { maxBytes: cap } })))).toBe('cert-download');
    expect(scope.isDone()).toBe(true);
  });

  it('refuses an oversized answer that declares no length (the cap counts what arrives)', async () => {
    const chunks = [pki.chain(pki.leaf), ...Array.from({ length: 20 }, () => 'x'.repeat(4096))];
    const scope = nock(S3).get(PATH).reply(200, () => Readable.from(chunks));
    const { body, headers } = request();
    expect(await reasonFor(verifyAlexaRequest(body, headers, options()))).toBe('cert-download');
    expect(scope.isDone()).toBe(true);
  });

  it('refuses a 65 KB answer by default (cap 64 KB)', async () => {
    const scope = nock(S3).get(PATH).reply(200, pki.chain(pki.leaf).padEnd(65 * 1024, '\n'));
    const { body, headers } = request();
    expect(await reasonFor(verifyAlexaRequest(body, headers, options()))).toBe('cert-download');
    expect(scope.isDone()).toBe(true);
  });
});

it('gives up on a download slower than the timeout', async () => {
  const scope = nock(S3).get(PATH).delay(600).reply(200, pki.chain(pki.leaf));
  const { body, headers } = request();
  expect(await reasonFor(verifyAlexaRequest(body, headers, options({ download: { timeoutMs: 50 } })))).toBe('cert-download');
  expect(scope.isDone()).toBe(true);
});

it('treats a non-200 answer as a failed download', async () => {
  const scope = nock(S3).get(PATH).reply(403, '<Error><Code>AccessDenied</Code></Error>');
  const { body, headers } = request();
  expect(await reasonFor(verifyAlexaRequest(body, headers, options()))).toBe('cert-download');
  expect(scope.isDone()).toBe(true);
});

it('does not follow a redirect away from the checked URL', async () => {
  const scope = nock(S3).get(PATH).reply(302, '', { location: 'https://evil.example/cert.pem' });
  const elsewhere = nock('https://evil.example').get('/cert.pem').reply(200, pki.chain(pki.leaf));
  const { body, headers } = request();
  expect(await reasonFor(verifyAlexaRequest(body, headers, options()))).toBe('cert-download');
  expect(scope.isDone()).toBe(true);
  expect(elsewhere.isDone()).toBe(false);
});
