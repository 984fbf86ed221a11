/**
 * The Dialogflow webhooks on the node:http front (src/server/voice-routes.ts), driven with
 * supertest as Google would call them: real handlers over the test skill, JSON in and out.
 * These are the checks the Express router had (test/adapters/google/routes.test.ts before the
 * voice routes left Express), unchanged.
 */
import type { RequestListener } from 'node:http';
import request from 'supertest';
import { createCxHandler } from '../../src/channels/dialogflow-cx/cx-handler';
import { createEsHandler } from '../../src/channels/dialogflow-es/es-handler';
import { silentLogger } from '../../src/core/logger';
import type { DialogflowCallerOptions } from '../../src/channels/dialogflow-common/caller';
import { createDialogflowVoiceEndpoint } from '../../src/channels/dialogflow-common/dialogflow-endpoint';
import { createVoiceListener } from '../../src/server/voice-routes';
import { cxFixture, esFixture } from '../channels/dialogflow-common/google-fixtures';
import { createTestSkill } from '../support/test-skill';

const notFound: RequestListener = (_req, res) => {
  res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"Not found."}');
};

function createApp(caller?: DialogflowCallerOptions): RequestListener {
  const { skill } = createTestSkill();
  return createVoiceListener([
    { kind: 'voice', path: '/dialogflow/cx', endpoint: createDialogflowVoiceEndpoint(createCxHandler(skill), { caller, logger: silentLogger }) },
    { kind: 'voice', path: '/dialogflow/es', endpoint: createDialogflowVoiceEndpoint(createEsHandler(skill), { caller, logger: silentLogger }) },
  ], notFound, silentLogger);
}

describe('POST /dialogflow/cx and /dialogflow/es', () => {
  const app = createApp();

  it('answers a CX webhook call with JSON', async () => {
    const res = await request(app).post('/dialogflow/cx').send(cxFixture('welcome')).expect(200);
    expect(res.type).toBe('application/json');
    expect(res.body.fulfillmentResponse.messages[1].text.text[0]).toMatch(/^Welcome to Demo Borough Council\./);
  });

  it('answers an ES fulfillment call with JSON', async () => {
    const res = await request(app).post('/dialogflow/es').send(esFixture('welcome')).expect(200);
    expect(res.body.fulfillmentText).toMatch(/^Welcome to Demo Borough Council\./);
  });

  it.each(['/dialogflow/cx', '/dialogflow/es'])('%s answers broken JSON with 400 and keeps serving', async (path) => {
    await request(app).post(path).set('Content-Type', 'application/json').send('{"sessionInfo": {').expect(400, { error: 'the body is not valid JSON' });
    await request(app).post(path).set('Content-Type', 'text/plain').send('hello').expect(415, { error: 'send the request as application/json' });
    await request(app).post(path).send({ unrelated: true }).expect(400);
    await request(app).post('/dialogflow/cx').send(cxFixture('welcome')).expect(200);
  });

  it('refuses an oversized body without reading it all', async () => {
    const huge = { ...cxFixture('welcome'), text: 'x'.repeat(300_000) };
    await request(app).post('/dialogflow/cx').send(huge).expect(413, { error: 'the body is too large' });
  });

  it('matches paths as Express did: any case, a trailing slash, a query string', async () => {
    await request(app).post('/Dialogflow/CX/?debug=1').send(cxFixture('welcome')).expect(200);
  });

  it('leaves other methods and paths to the app behind it', async () => {
    await request(app).get('/dialogflow/cx').expect(404);
    await request(app).post('/dialogflow/other').send({}).expect(404);
  });

  it('lets the caller check refuse a call before the skill hears it', async () => {
    const guarded = createApp({ platform: 'es', header: { name: 'x-dialogflow-secret', value: 'right secret value' } });
    await request(guarded).post('/dialogflow/es').send(esFixture('welcome')).expect(401, { error: 'caller not verified' });
    await request(guarded).post('/dialogflow/es').set('x-dialogflow-secret', 'right secret value').send(esFixture('welcome')).expect(200);
  });
});

/**
 * A channel whose protocol needs the raw request (MCP's Streamable HTTP): the front hands it the
 * node:http request and response for the methods it names, with a POSTed JSON body already parsed.
 */
describe('a raw route on the node:http front', () => {
  const seen: { method?: string; body: unknown }[] = [];
  const app = createVoiceListener([{
    kind: 'node',
    path: '/raw',
    methods: ['GET', 'POST'],
    handle: async (req, res, body) => {
      seen.push({ method: req.method, body });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ method: req.method, body: body ?? null }));
    },
  }], notFound, silentLogger);

  it('gets the methods it names, with a POSTed JSON body parsed', async () => {
    await request(app).get('/raw').expect(200, { method: 'GET', body: null });
    await request(app).post('/raw').send({ jsonrpc: '2.0', id: 1, method: 'ping' }).expect(200, { method: 'POST', body: { jsonrpc: '2.0', id: 1, method: 'ping' } });
  });

  it('leaves other methods to the app behind it, and refuses bodies that are too large or not JSON', async () => {
    const before = seen.length;
    await request(app).delete('/raw').expect(404);
    await request(app).post('/raw').set('content-type', 'application/json').send('{"broken"').expect(400, { error: 'The body is not valid JSON.' });
    await request(app).post('/raw').send({ text: 'x'.repeat(300_000) }).expect(413, { error: 'The body is too large.' });
    expect(seen.length).toBe(before);
  });
});
