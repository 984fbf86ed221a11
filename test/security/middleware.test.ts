/**
 * The middleware at route level: a small Express app with the real body parsers, so what is
 * tested is what a caller sees (status and body) and what the log gets.
 */
import express, { type Express, type RequestHandler } from 'express';
import request from 'supertest';
import type { Logger } from '../../src/core/logger';
import { createDialogflowVoiceEndpoint } from '../../src/server/voice-pipeline';
import { createVoiceListener } from '../../src/server/voice-routes';
import {
  ALEXA_REFUSAL, CertCache, DIALOGFLOW_REFUSAL, requireAlexaSignature, requireDialogflowCaller,
  type RequireAlexaSignatureOptions,
} from '../../src/security';
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

const answered: RequestHandler = (_req, res) => {
  res.json({ answered: true });
};

/** POSTs exactly these bytes (superagent would JSON-serialise a Buffer object, not send its bytes). */
function postAlexa(app: Express, body: Buffer, headers: Record<string, string>): request.Test {
  return request(app).post('/alexa').set('content-type', 'application/json').set(headers).send(body.toString('utf8'));
}

function alexaApp(logger: Logger, extra: Partial<RequireAlexaSignatureOptions> = {}): { app: Express; downloads: string[] } {
  const downloads: string[] = [];
  const app = express();
  app.post('/alexa', express.raw({ type: () => true, limit: '256kb' }), requireAlexaSignature({
    skillIds: [SKILL_ID], now: () => PKI_NOW, trustedRoots: pki.trustedRoots, certCache: new CertCache(), logger,
    fetchCert: async (url) => {
      downloads.push(url);
      return pki.chain(pki.leaf);
    },
    ...extra,
  }), answered);
  return { app, downloads };
}

describe('requireAlexaSignature', () => {
  it('lets a signed request through to the handler', async () => {
    const logger = recordingLogger();
    const { app } = alexaApp(logger);
    const body = alexaBody({ timestamp: PKI_NOW });
    const response = await postAlexa(app, body, signedHeaders(body, pki.leaf.privateKey));
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ answered: true });
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
  ])('answers 400 with no detail for %s, never reaching the handler, and logs why', async (_what, make, reason) => {
    const logger = recordingLogger();
    const { app } = alexaApp(logger);
    const { body, headers } = make(alexaBody({ timestamp: PKI_NOW }));
    const response = await postAlexa(app, body, headers);
    expect(response.status).toBe(400);
    expect(response.body).toEqual(ALEXA_REFUSAL);
    expect(response.text).not.toContain(reason);
    expect(logger.lines).toHaveLength(1);
    expect(logger.lines[0]).toMatchObject({ level: 'warn', obj: { reason } });
  });

  it('refuses (and logs an error) when mounted without express.raw, since parsed JSON cannot be checked', async () => {
    const logger = recordingLogger();
    const app = express();
    app.post('/alexa', express.json(), requireAlexaSignature({ skillIds: [SKILL_ID], logger, fetchCert: async () => pki.chain(pki.leaf) }), answered);
    const body = alexaBody({ timestamp: PKI_NOW });
    const response = await postAlexa(app, body, signedHeaders(body, pki.leaf.privateKey));
    expect(response.status).toBe(400);
    expect(response.body).toEqual(ALEXA_REFUSAL);
    expect(logger.lines[0]).toMatchObject({ level: 'error' });
  });

  it('keeps one certificate cache per middleware', async () => {
    const { app, downloads } = alexaApp(recordingLogger(), { certCache: undefined });
    for (let i = 0; i < 2; i += 1) {
      const body = alexaBody({ timestamp: PKI_NOW });
      const response = await postAlexa(app, body, signedHeaders(body, pki.leaf.privateKey));
      expect(response.status).toBe(200);
    }
    expect(downloads).toEqual([CERT_URL]);
  });
});

describe('requireDialogflowCaller', () => {
  const SECRET = { name: 'X-Council-Voice-Secret', value: 'correct horse battery staple' };
  const BASIC = { username: 'dialogflow', password: 'a long random password 1234' };

  function dialogflowApp(logger: Logger): Express {
    const app = express();
    app.post('/cx', express.json(), requireDialogflowCaller({ platform: 'cx', secretHeader: SECRET, logger }), answered);
    app.post('/es', express.json(), requireDialogflowCaller({ platform: 'es', basicAuth: BASIC, logger }), answered);
    app.post('/unconfigured', express.json(), requireDialogflowCaller({ platform: 'cx', logger }), answered);
    return app;
  }

  it('lets the CX agent in with the right secret header, 401 otherwise', async () => {
    const logger = recordingLogger();
    const app = dialogflowApp(logger);
    expect((await request(app).post('/cx').set(SECRET.name, SECRET.value).send({})).status).toBe(200);
    const wrong = await request(app).post('/cx').set(SECRET.name, 'guess').send({});
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual(DIALOGFLOW_REFUSAL);
    const missing = await request(app).post('/cx').send({});
    expect(missing.status).toBe(401);
    expect(logger.lines.map((line) => line.obj.reason)).toEqual(['secret-header', 'missing-credentials']);
  });

  it('lets the ES agent in with the right basic auth, 401 otherwise', async () => {
    const app = dialogflowApp(recordingLogger());
    expect((await request(app).post('/es').auth(BASIC.username, BASIC.password).send({})).status).toBe(200);
    const wrong = await request(app).post('/es').auth(BASIC.username, 'wrong').send({});
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual(DIALOGFLOW_REFUSAL);
  });

  it('refuses everyone on a route with no check configured', async () => {
    const logger = recordingLogger();
    const response = await request(dialogflowApp(logger)).post('/unconfigured').set(SECRET.name, SECRET.value).send({});
    expect(response.status).toBe(401);
    expect(logger.lines[0]?.obj.reason).toBe('not-configured');
  });

  it('guards the Dialogflow endpoint the server uses, refusing before the webhook runs', async () => {
    const calls: unknown[] = [];
    const app = createVoiceListener(new Map([['/dialogflow/es', createDialogflowVoiceEndpoint(async (body) => {
      calls.push(body);
      return { status: 200, body: { fulfillmentText: 'hello' } };
    }, { caller: { platform: 'es', basicAuth: BASIC }, logger: recordingLogger() })]]), (_req, res) => res.writeHead(404).end(), recordingLogger());
    const refused = await request(app).post('/dialogflow/es').auth(BASIC.username, 'wrong').send({ queryResult: {} });
    expect(refused.status).toBe(401);
    expect(refused.body).toEqual(DIALOGFLOW_REFUSAL);
    expect(calls).toEqual([]);
    const allowed = await request(app).post('/dialogflow/es').auth(BASIC.username, BASIC.password).send({ queryResult: {} });
    expect(allowed.status).toBe(200);
    expect(calls).toHaveLength(1);
  });
});
