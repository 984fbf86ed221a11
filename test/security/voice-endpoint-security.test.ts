/**
 * The checks at the voice endpoints the server and the Dialogflow Lambda use: what a caller sees
 * (status and body), what the log gets, and that a refused request never reaches the adapter.
 */
import request from 'supertest';
import type { RequestListener } from 'node:http';
import type { Logger } from '../../src/core/logger';
import { CertCache, type AlexaVerificationOptions } from '../../src/channels/alexa/verify';
import { ALEXA_REFUSAL, createAlexaVoiceEndpoint } from '../../src/channels/alexa/alexa-endpoint';
import { createDialogflowVoiceEndpoint, DIALOGFLOW_REFUSAL } from '../../src/channels/dialogflow-common/dialogflow-endpoint';
import type { VoiceEndpoint } from '../../src/channels/shared/voice-endpoint';
import { createVoiceListener } from '../../src/server/voice-routes';
import { alexaBody, CERT_URL, signedHeaders, SKILL_ID } from '../support/alexa-signing';
import { createTestPki, PKI_NOW, type TestPki } from '../support/test-ca';

let pki: TestPki;
beforeAll(() => {
  pki = createTestPki();
});

function recordingLogger(): Logger & { lines: { level: string; obj: Record<string, unknown>; msg?: string }[] } {
  const lines: { level: string; obj: Record<string, unknown>; msg?: string }[] = [];
  const record = (level: string) => (obj: object, msg?: string) => {
    lines.push({ level, obj: obj as Record<string, unknown>, msg });
  };
  return { lines, info: record('info'), warn: record('warn'), error: record('error') };
}

function listener(path: string, endpoint: VoiceEndpoint): RequestListener {
  return createVoiceListener([{ kind: 'voice', path, endpoint }], (_req, res) => res.writeHead(404).end(), recordingLogger());
}

/** POSTs exactly these bytes (superagent would JSON-serialise a Buffer object, not send its bytes). */
function postAlexa(app: RequestListener, body: Buffer, headers: Record<string, string>): request.Test {
  return request(app).post('/alexa').set('content-type', 'application/json').set(headers).send(body.toString('utf8'));
}

function alexaApp(logger: Logger, extra: Partial<AlexaVerificationOptions> = {}): { app: RequestListener; downloads: string[]; handled: unknown[] } {
  const downloads: string[] = [];
  const handled: unknown[] = [];
  const endpoint = createAlexaVoiceEndpoint(async (envelope) => {
    handled.push(envelope);
    return { version: '1.0', response: {} };
  }, {
    logger,
    verification: {
      skillIds: [SKILL_ID], now: () => PKI_NOW, trustedRoots: pki.trustedRoots, certCache: new CertCache(),
      fetchCert: async (url) => {
        downloads.push(url);
        return pki.chain(pki.leaf);
      },
      ...extra,
    },
  });
  return { app: listener('/alexa', endpoint), downloads, handled };
}

describe('the Alexa endpoint\'s signature check', () => {
  it('lets a signed request through to the adapter', async () => {
    const logger = recordingLogger();
    const { app, handled } = alexaApp(logger);
    const body = alexaBody({ timestamp: PKI_NOW });
    const response = await postAlexa(app, body, signedHeaders(body, pki.leaf.privateKey));
    expect(response.status).toBe(200);
    expect(handled).toHaveLength(1);
    expect(logger.lines).toEqual([]);
  });

  it.each<[string, (body: Buffer) => { body: Buffer; headers: Record<string, string> }, string]>([
    ['a tampered body', (body) => ({ body: Buffer.from(body.toString().replace('en-GB', 'en-US')), headers: signedHeaders(body, pki.leaf.privateKey) }), 'signature'],
    ['no signature headers', (body) => ({ body, headers: {} }), 'missing-header'],
    ['a cert URL off Amazon', (body) => ({ body, headers: signedHeaders(body, pki.leaf.privateKey, 'https://evil.example/echo.api/cert.pem') }), 'cert-url'],
    ['a stale timestamp', () => {
      const stale = alexaBody({ timestamp: new Date(PKI_NOW.getTime() - 151_000) });
      return { body: stale, headers: signedHeaders(stale, pki.leaf.privateKey) };
    }, 'timestamp'],
  ])('answers 400 with no detail for %s, never reaching the adapter, and logs why', async (_what, make, reason) => {
    const logger = recordingLogger();
    const { app, handled } = alexaApp(logger);
    const { body, headers } = make(alexaBody({ timestamp: PKI_NOW }));
    const response = await postAlexa(app, body, headers);
    expect(response.status).toBe(400);
    expect(response.body).toEqual(ALEXA_REFUSAL);
    expect(response.text).not.toContain(reason);
    expect(handled).toEqual([]);
    expect(logger.lines).toHaveLength(1);
    expect(logger.lines[0]).toMatchObject({ level: 'warn', obj: { reason } });
  });

  it('downloads Amazon\'s certificate once and reuses it', async () => {
    const { app, downloads } = alexaApp(recordingLogger());
    for (let i = 0; i < 2; i += 1) {
      const body = alexaBody({ timestamp: PKI_NOW });
      const response = await postAlexa(app, body, signedHeaders(body, pki.leaf.privateKey));
      expect(response.status).toBe(200);
    }
    expect(downloads).toEqual([CERT_URL]);
  });
});

describe('the Dialogflow endpoints\' caller check', () => {
  const SECRET = { name: 'X-Council-Voice-Secret', value: 'correct horse battery staple' };
  const BASIC = { username: 'dialogflow', password: 'a long random password 1234' };

  function dialogflowApp(path: string, caller: Parameters<typeof createDialogflowVoiceEndpoint>[1]['caller'], logger: Logger) {
    const calls: unknown[] = [];
    const endpoint = createDialogflowVoiceEndpoint(async (body) => {
      calls.push(body);
      return { status: 200, body: { fulfillmentText: 'hello' } };
    }, { caller, logger });
    return { app: listener(path, endpoint), calls };
  }

  it('lets the CX agent in with the right secret header, 401 otherwise, and logs why', async () => {
    const logger = recordingLogger();
    const { app, calls } = dialogflowApp('/dialogflow/cx', { platform: 'cx', secretHeader: SECRET }, logger);
    expect((await request(app).post('/dialogflow/cx').set(SECRET.name, SECRET.value).send({})).status).toBe(200);
    const wrong = await request(app).post('/dialogflow/cx').set(SECRET.name, 'guess').send({});
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual(DIALOGFLOW_REFUSAL);
    const missing = await request(app).post('/dialogflow/cx').send({});
    expect(missing.status).toBe(401);
    expect(calls).toHaveLength(1);
    expect(logger.lines.map((line) => line.obj.reason)).toEqual(['secret-header', 'missing-credentials']);
  });

  it('lets the ES agent in with the right basic auth, refusing before the webhook runs otherwise', async () => {
    const { app, calls } = dialogflowApp('/dialogflow/es', { platform: 'es', basicAuth: BASIC }, recordingLogger());
    const refused = await request(app).post('/dialogflow/es').auth(BASIC.username, 'wrong').send({ queryResult: {} });
    expect(refused.status).toBe(401);
    expect(refused.body).toEqual(DIALOGFLOW_REFUSAL);
    expect(calls).toEqual([]);
    const allowed = await request(app).post('/dialogflow/es').auth(BASIC.username, BASIC.password).send({ queryResult: {} });
    expect(allowed.status).toBe(200);
    expect(calls).toHaveLength(1);
  });

  it('refuses everyone on a route with no check configured', async () => {
    const logger = recordingLogger();
    const { app } = dialogflowApp('/dialogflow/cx', { platform: 'cx' }, logger);
    const response = await request(app).post('/dialogflow/cx').set(SECRET.name, SECRET.value).send({});
    expect(response.status).toBe(401);
    expect(logger.lines[0]?.obj.reason).toBe('not-configured');
  });
});
