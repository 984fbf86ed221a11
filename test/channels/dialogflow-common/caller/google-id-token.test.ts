/**
 * Dialogflow CX ID tokens: signed here with a test key that nock serves as Google's JWKS, so
 * jose's real fetch-and-cache path is what is tested.
 */
import nock from 'nock';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import {
  createGoogleJwks, DialogflowCallerError, verifyGoogleIdToken, type GoogleIdTokenOptions,
} from '../../../../src/channels/dialogflow-common/caller';

const GOOGLE = 'https://www.googleapis.com';
const CERTS_PATH = '/oauth2/v3/certs';
const NOW = new Date('2030-06-01T12:00:00Z');
const AUDIENCE = 'https://voice.demo-council.example/dialogflow/cx';
const AGENT = 'service-123456789@gcp-sa-dialogflow.iam.gserviceaccount.com';
const epoch = (date: Date, offsetSeconds = 0): number => Math.floor(date.getTime() / 1000) + offsetSeconds;

let googleKey: CryptoKey;
let otherKey: CryptoKey;
let jwks: { keys: JWK[] };

beforeAll(async () => {
  nock.disableNetConnect();
  const google = await generateKeyPair('RS256');
  googleKey = google.privateKey;
  otherKey = (await generateKeyPair('RS256')).privateKey;
  jwks = { keys: [{ ...(await exportJWK(google.publicKey)), kid: 'google-key-1', alg: 'RS256', use: 'sig' }] };
});
afterAll(() => nock.enableNetConnect());
afterEach(() => nock.cleanAll());

interface TokenSpec {
  iss?: string;
  aud?: string;
  email?: string;
  emailVerified?: unknown;
  exp?: number;
  key?: CryptoKey;
  kid?: string;
}

function token(spec: TokenSpec = {}): Promise<string> {
  const claims: Record<string, unknown> = { email: spec.email ?? AGENT, email_verified: 'emailVerified' in spec ? spec.emailVerified : true };
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: spec.kid ?? 'google-key-1', typ: 'JWT' })
    .setIssuer(spec.iss ?? 'https://accounts.google.com')
    .setAudience(spec.aud ?? AUDIENCE)
    .setSubject('104750238423486235')
    .setIssuedAt(epoch(NOW, -60))
    .setExpirationTime(spec.exp ?? epoch(NOW, 3540))
    .sign(spec.key ?? googleKey);
}

function serveJwks(times = 1): nock.Scope {
  return nock(GOOGLE).get(CERTS_PATH).times(times).reply(200, jwks, { 'content-type': 'application/json' });
}

function options(extra: Partial<GoogleIdTokenOptions> = {}): GoogleIdTokenOptions {
  return { audience: AUDIENCE, serviceAccountEmail: AGENT, jwks: createGoogleJwks(), now: () => NOW, ...extra };
}

async function reasonFor(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'passed';
  } catch (error) {
    if (error instanceof DialogflowCallerError) return error.reason;
    throw error;
  }
}

it('accepts a token from Google for our audience and our service agent', async () => {
  const scope = serveJwks();
  const payload = await verifyGoogleIdToken(`Bearer ${await token()}`, options());
  expect(payload.email).toBe(AGENT);
  expect(scope.isDone()).toBe(true);
});

it('accepts the issuer written without the scheme', async () => {
  const scope = serveJwks();
  expect(await reasonFor(verifyGoogleIdToken(`Bearer ${await token({ iss: 'accounts.google.com' })}`, options()))).toBe('passed');
  expect(scope.isDone()).toBe(true);
});

it('fetches Google\'s keys once and reuses them', async () => {
  const scope = serveJwks(1);
  const verification = options();
  for (let i = 0; i < 3; i += 1) {
    expect(await reasonFor(verifyGoogleIdToken(`Bearer ${await token()}`, verification))).toBe('passed');
  }
  expect(scope.isDone()).toBe(true);
});

it('uses Google\'s certs URL by default', async () => {
  const scope = serveJwks();
  const { jwks: _unused, ...withoutJwks } = options();
  expect(await reasonFor(verifyGoogleIdToken(`Bearer ${await token()}`, withoutJwks))).toBe('passed');
  expect(scope.isDone()).toBe(true);
});

it.each<[string, TokenSpec]>([
  ['another audience', { aud: 'https://someone-else.example/webhook' }],
  ['another issuer', { iss: 'https://evil.example' }],
  ['an expired token (past the 30 s leeway)', { exp: epoch(NOW, -31) }],
])('refuses %s as an invalid token', async (_what, spec) => {
  serveJwks();
  expect(await reasonFor(verifyGoogleIdToken(`Bearer ${await token(spec)}`, options()))).toBe('id-token');
});

it('refuses a token signed by a key Google does not publish, under Google\'s key id', async () => {
  serveJwks();
  expect(await reasonFor(verifyGoogleIdToken(`Bearer ${await token({ key: otherKey })}`, options()))).toBe('id-token');
});

it('accepts a token that expired within the clock leeway', async () => {
  serveJwks();
  expect(await reasonFor(verifyGoogleIdToken(`Bearer ${await token({ exp: epoch(NOW, -29) })}`, options()))).toBe('passed');
});

it.each<[string, TokenSpec]>([
  ['another Google account', { email: 'attacker@example-project.iam.gserviceaccount.com' }],
  ['an unverified email', { emailVerified: false }],
  ['no email_verified claim', { emailVerified: undefined }],
])('refuses a valid Google token for %s', async (_what, spec) => {
  serveJwks();
  expect(await reasonFor(verifyGoogleIdToken(`Bearer ${await token(spec)}`, options()))).toBe('service-account');
});

it('refuses an unsigned token (alg none) without trusting its claims', async () => {
  serveJwks();
  const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${part({ alg: 'none', typ: 'JWT' })}.${part({
    iss: 'https://accounts.google.com', aud: AUDIENCE, email: AGENT, email_verified: true, iat: epoch(NOW), exp: epoch(NOW, 3600),
  })}.`;
  expect(await reasonFor(verifyGoogleIdToken(`Bearer ${unsigned}`, options()))).toBe('id-token');
});

it.each([
  ['no Authorization header', undefined],
  ['a Basic header', 'Basic dXNlcjpwYXNz'],
  ['an empty Bearer', 'Bearer '],
])('refuses %s before fetching any keys', async (_what, header) => {
  const scope = serveJwks();
  expect(await reasonFor(verifyGoogleIdToken(header, options()))).toBe('missing-credentials');
  expect(scope.isDone()).toBe(false);
});
