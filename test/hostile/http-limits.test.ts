/**
 * The voice routes' limits over real HTTP: bodies over 256 KB get 413, bodies that are not JSON
 * 415, broken JSON 400, each with a JSON error; uploads cut off half way or told in the wrong
 * length do not take the process down. After every refusal a normal request still answers.
 */
import { connect } from 'node:net';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { createHostileApp, type HostileApp } from '../support/hostile-app';
import { alexaResponseProblems, cxResponseProblems, errorBodyProblems, esResponseProblems } from '../support/platform-responses';

const fixture = (platform: string, name: string) => readFileSync(path.resolve(__dirname, `../fixtures/${platform}/${name}.json`), 'utf8');

interface Route {
  path: string;
  /** A real request the route answers with 200. */
  good: string;
  problems: (body: unknown) => string[];
}

const ROUTES: Route[] = [
  { path: '/alexa', good: fixture('alexa', 'launch'), problems: (body) => alexaResponseProblems(body, 'LaunchRequest') },
  { path: '/dialogflow/cx', good: fixture('dialogflow-cx', 'welcome'), problems: cxResponseProblems },
  { path: '/dialogflow/es', good: fixture('dialogflow-es', 'welcome'), problems: (body) => esResponseProblems(body) },
];

const LIMIT = 256 * 1024;

/** `good` padded with a field until its JSON is `bytes` long. */
function padded(good: string, bytes: number): string {
  const head = `${good.trimEnd().slice(0, -1)}, "padding": "`;
  return `${head}${'x'.repeat(bytes - head.length - 2)}"}`;
}

/** Sends raw bytes on a fresh connection and returns what came back before the server closed it (or `waitMs` passed). */
function rawExchange(url: string, chunks: string[], options: { end?: boolean; destroyAfterMs?: number; waitMs?: number } = {}): Promise<string> {
  const { port, hostname } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    let received = '';
    const finish = () => resolve(received);
    socket.setEncoding('utf8');
    socket.on('data', (data: string) => { received += data; });
    socket.on('close', finish);
    socket.on('error', finish);
    socket.on('connect', () => {
      for (const chunk of chunks) socket.write(chunk);
      if (options.end) socket.end();
      if (options.destroyAfterMs !== undefined) setTimeout(() => socket.destroy(), options.destroyAfterMs);
    });
    setTimeout(() => { socket.destroy(); finish(); }, options.waitMs ?? 2_000).unref();
  });
}

describe.each(ROUTES)('POST $path limits', (route) => {
  let hostile: HostileApp;
  beforeAll(async () => { hostile = await createHostileApp(); });
  afterAll(() => hostile.close());

  /** The route still answers a normal request with a valid platform response. */
  async function stillAnswers(): Promise<void> {
    const res = await request(hostile.url).post(route.path).set('content-type', 'application/json').send(route.good);
    expect(res.status).toBe(200);
    expect(route.problems(res.body)).toEqual([]);
  }

  function expectJsonError(res: request.Response, status: number): void {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(errorBodyProblems(res.body)).toEqual([]);
  }

  test('a body of exactly 256 KB is read; one byte more is 413', async () => {
    const atLimit = await request(hostile.url).post(route.path).set('content-type', 'application/json').send(padded(route.good, LIMIT));
    expect(atLimit.status).toBe(200);
    const over = await request(hostile.url).post(route.path).set('content-type', 'application/json').send(padded(route.good, LIMIT + 1));
    expectJsonError(over, 413);
    await stillAnswers();
  });

  test('a body far over the limit is 413, whether its length is declared or it comes chunked', async () => {
    expectJsonError(await request(hostile.url).post(route.path).set('content-type', 'application/json').send(padded(route.good, 3 * LIMIT)), 413);
    // Chunked: no Content-Length to refuse on, so the limit is counted while reading.
    const chunk = 'x'.repeat(64 * 1024);
    const head = [
      `POST ${route.path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n`,
      ...Array.from({ length: 6 }, () => `${chunk.length.toString(16)}\r\n${chunk}\r\n`),
      '0\r\n\r\n',
    ];
    const answer = await rawExchange(hostile.url, head);
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer).toMatch(/\r\n\r\n\{"error":"[^"]+"\}$/);
    await stillAnswers();
  });

  test.each([
    ['text/plain', 'open demo council'],
    ['application/x-www-form-urlencoded', 'version=1.0&request=launch'],
    ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n{}\r\n--x--'],
    ['application/xml', '<request/>'],
    ['application/jsonx', '{}'],
    ['application/json-patch+json', '[]'],
    ['', '{}'],
  ])('a body sent as "%s" is 415', async (type, body) => {
    const req = request(hostile.url).post(route.path);
    const res = await (type ? req.set('content-type', type) : req.unset('content-type')).send(type ? body : Buffer.from(body));
    expectJsonError(res, 415);
    await stillAnswers();
  });

  test('JSON with a charset, or the media type in capitals, is still JSON', async () => {
    for (const type of ['application/json; charset=utf-8', 'Application/JSON']) {
      const res = await request(hostile.url).post(route.path).set('content-type', type).send(route.good);
      expect(res.status).toBe(200);
      expect(route.problems(res.body)).toEqual([]);
    }
  });

  test.each([
    ['truncated', (good: string) => good.slice(0, good.length / 2)],
    ['trailing garbage', (good: string) => `${good}}`],
    ['single quotes', () => "{'version': '1.0'}"],
    ['a bare NaN', () => '{"version": NaN}'],
    ['a comment', (good: string) => `/* hi */${good}`],
    ['not UTF-8', () => Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]).toString('latin1')],
    ['nothing but spaces', () => '   '],
    ['the literal null', () => 'null'],
    ['a number', () => '42'],
    ['a string', () => '"version"'],
    ['an array', (good: string) => `[${good}]`],
  ])('%s is 400 with a JSON error', async (_name, make) => {
    const res = await request(hostile.url).post(route.path).set('content-type', 'application/json').send(Buffer.from(make(route.good), 'latin1'));
    expectJsonError(res, 400);
    await stillAnswers();
  });

  test('an upload cut off half way, or shorter than it said, leaves the process serving', async () => {
    const declared = `POST ${route.path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n`;
    // The client goes away mid-body.
    await rawExchange(hostile.url, [declared, route.good.slice(0, 100)], { destroyAfterMs: 50, waitMs: 500 });
    // The client says 5000 bytes, sends 100, and closes its side: nothing complete to answer.
    await rawExchange(hostile.url, [declared, route.good.slice(0, 100)], { end: true, waitMs: 1_000 });
    // A chunked body whose chunk sizes lie.
    const answer = await rawExchange(hostile.url, [
      `POST ${route.path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n`,
      'zz\r\n{}\r\n0\r\n\r\n',
    ], { waitMs: 1_000 });
    expect(answer).not.toMatch(/^HTTP\/1\.1 5\d\d/);
    await stillAnswers();
  });

  test('many requests at once, good and bad, each get their own answer', async () => {
    const sends = Array.from({ length: 30 }, (_, i) => {
      const req = request(hostile.url).post(route.path);
      if (i % 3 === 0) return req.set('content-type', 'text/plain').send('hello').then((res) => expect(res.status).toBe(415));
      if (i % 3 === 1) return req.set('content-type', 'application/json').send('{"broken"').then((res) => expect(res.status).toBe(400));
      return req.set('content-type', 'application/json').send(route.good).then((res) => expect(res.status).toBe(200));
    });
    await Promise.all(sends);
  });
});
