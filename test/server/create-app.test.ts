import { readFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { startTestApp, type RunningApp } from './test-app';

const launch = readFileSync(path.resolve(__dirname, '../fixtures/alexa/launch.json'), 'utf8');

describe('the HTTP server, accepting unsigned requests (SKIP_REQUEST_VERIFICATION=1)', () => {
  let app: RunningApp;
  beforeAll(async () => { app = await startTestApp({ skipRequestVerification: true }); });
  afterAll(() => app.close());

  test('GET /healthz says the server is up', async () => {
    const res = await request(app.url).get('/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  test('POST /alexa with a LaunchRequest answers with the welcome', async () => {
    const res = await request(app.url).post('/alexa').set('content-type', 'application/json; charset=utf-8').send(launch);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body.version).toBe('1.0');
    expect(res.body.response.outputSpeech.ssml).toMatch(/Welcome to Demo Borough Council/);
    expect(res.body.response.shouldEndSession).toBe(false);
  });

  test('malformed JSON gets 400 with a plain reason, and the next request still answers', async () => {
    const bad = await request(app.url).post('/alexa').set('content-type', 'application/json').send('{"version": "1.0", "request": ');
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ error: 'The body is not valid JSON.' });
    const good = await request(app.url).post('/alexa').set('content-type', 'application/json').send(launch);
    expect(good.status).toBe(200);
  });

  test('JSON that is not an Alexa request gets 400 naming what is wrong', async () => {
    const res = await request(app.url).post('/alexa').set('content-type', 'application/json').send({ version: '1.0', request: { requestId: 'r1' } });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/request\.type/);
  });

  test('an empty body gets 400', async () => {
    const res = await request(app.url).post('/alexa').set('content-type', 'application/json').send('');
    expect(res.status).toBe(400);
  });

  test('a body that is not JSON gets 415', async () => {
    const res = await request(app.url).post('/alexa').set('content-type', 'text/plain').send('open demo council');
    expect(res.status).toBe(415);
    expect(res.body.error).toMatch(/application\/json/);
  });

  test('a body over 256 KB gets 413', async () => {
    const huge = JSON.stringify({ ...JSON.parse(launch), padding: 'x'.repeat(300 * 1024) });
    const res = await request(app.url).post('/alexa').set('content-type', 'application/json').send(huge);
    expect(res.status).toBe(413);
    expect(res.body).toEqual({ error: 'The body is too large.' });
  });

  test('an unknown path gets a JSON 404', async () => {
    const res = await request(app.url).get('/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: 'Not found.' });
  });

  test('no error ever carries a stack trace', async () => {
    const res = await request(app.url).post('/alexa').set('content-type', 'application/json').send('{');
    expect(res.text).not.toMatch(/at .+\.(js|ts):\d+/);
  });
});

describe('a failure inside the adapter', () => {
  test('is a 500 with no detail for the caller, logged for us', async () => {
    const errors: object[] = [];
    const app = await startTestApp({
      skipRequestVerification: true,
      alexa: async () => { throw new Error('database password is hunter2'); },
      logger: { info: () => {}, warn: () => {}, error: (obj) => errors.push(obj) },
    });
    try {
      const res = await request(app.url).post('/alexa').set('content-type', 'application/json').send(launch);
      expect(res.status).toBe(500);
      expect(res.body).toEqual({ error: 'Internal error.' });
      expect(errors).toHaveLength(1);
    } finally {
      await app.close();
    }
  });
});

describe('with request verification on (the default)', () => {
  let app: RunningApp;
  beforeAll(async () => { app = await startTestApp(); });
  afterAll(() => app.close());

  test('a request without Amazon\'s signature headers is refused with 400, and the skill is not reached', async () => {
    const res = await request(app.url).post('/alexa').set('content-type', 'application/json').send(launch);
    expect(res.status).toBe(400);
    expect(typeof res.body.error).toBe('string');
    expect(res.body.response).toBeUndefined();
  });
});
