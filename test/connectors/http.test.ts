import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import nock from 'nock';
import { CircuitBreaker } from '../../src/connectors/circuit-breaker';
import { HttpClient, type HttpCall } from '../../src/connectors/http';
import { CouncilApiError, CouncilDataError, NetworkError, ServiceUnavailableError, TimeoutError } from '../../src/core/errors';

const BASE = 'http://council.test';

afterEach(() => nock.cleanAll());

describe('the HTTP client connectors use', () => {
  it('retries a GET once after a 500, and reports each call without the query string', async () => {
    const calls: HttpCall[] = [];
    const scope = nock(BASE).get('/places').query(true).reply(500).get('/places').query(true).reply(200, { ok: true });
    const client = new HttpClient({ service: 'addresses', onCall: (c) => calls.push(c) });
    await expect(client.getJson(`${BASE}/places?key=secret`)).resolves.toEqual({ status: 200, body: { ok: true } });
    expect(scope.isDone()).toBe(true);
    expect(calls.map((c) => [c.status, c.url])).toEqual([[500, `${BASE}/places`], [200, `${BASE}/places`]]);
  });

  it('never retries a POST, so a report is not sent twice', async () => {
    const scope = nock(BASE).post('/requests.json').reply(503);
    const client = new HttpClient({ service: 'reports' });
    await expect(client.request(`${BASE}/requests.json`, { method: 'POST', body: 'a=1' })).rejects.toMatchObject({ status: 503 });
    expect(scope.isDone()).toBe(true);
  });

  it('says who failed: refused, unreachable, too slow, or garbage', async () => {
    // Time to spare for all but the slow server, so a loaded machine cannot turn answers into timeouts.
    const patient = new HttpClient({ service: 'bins', timeoutMs: 5000, retries: 0, breaker: null });
    nock(BASE).get('/refused').reply(403, 'no');
    const refused = await patient.request(`${BASE}/refused`).catch((e) => e);
    expect(refused).toBeInstanceOf(CouncilApiError);
    expect(refused.message).toBe('bins API answered 403 at http://council.test/refused: no');

    nock(BASE).get('/slow').delay(1000).reply(200, 'late');
    const client = new HttpClient({ service: 'bins', timeoutMs: 100, retries: 0, breaker: null });
    await expect(client.request(`${BASE}/slow`)).rejects.toBeInstanceOf(TimeoutError);

    nock(BASE).get('/down').replyWithError(Object.assign(new Error('connect ECONNREFUSED 10.0.0.9:80'), { code: 'ECONNREFUSED' }));
    await expect(patient.request(`${BASE}/down`)).rejects.toBeInstanceOf(NetworkError);

    nock(BASE).get('/garbage').reply(200, '<html>oops');
    await expect(patient.getJson(`${BASE}/garbage`)).rejects.toBeInstanceOf(CouncilDataError);
  });

  it('treats statuses the caller expects as answers', async () => {
    nock(BASE).get('/requests/9.json').reply(404, '[]');
    const client = new HttpClient({ service: 'reports' });
    await expect(client.request(`${BASE}/requests/9.json`, { acceptStatuses: [404] })).resolves.toMatchObject({ status: 404 });
  });

  it('stops calling a server that keeps failing, then tries again after the cool-down', async () => {
    let now = 0;
    const breaker = new CircuitBreaker({ failureThreshold: 2, cooldownMs: 1000, now: () => now });
    const client = new HttpClient({ service: 'bins', retries: 0, breaker });
    nock(BASE).get('/feed').times(2).reply(500);
    await expect(client.request(`${BASE}/feed`)).rejects.toBeInstanceOf(CouncilApiError);
    await expect(client.request(`${BASE}/feed`)).rejects.toBeInstanceOf(CouncilApiError);
    // Open: no request is made (nock has no interceptor left, so a call would fail differently).
    await expect(client.request(`${BASE}/feed`)).rejects.toBeInstanceOf(ServiceUnavailableError);
    now = 1500;
    const recovered = nock(BASE).get('/feed').reply(200, 'BEGIN:VCALENDAR');
    await expect(client.request(`${BASE}/feed`)).resolves.toMatchObject({ status: 200 });
    expect(recovered.isDone()).toBe(true);
    expect(breaker.isOpen).toBe(false);
  });

  it('refuses an answer larger than the cap', async () => {
    nock(BASE).get('/huge').reply(200, 'x'.repeat(2000));
    const client = new HttpClient({ service: 'bins', maxResponseBytes: 1000 });
    await expect(client.request(`${BASE}/huge`)).rejects.toBeInstanceOf(CouncilDataError);
  });
});

/**
 * What fetch did for the connectors, which the client now does itself over node:http: checked on
 * a real server on loopback, not nock, so the bytes on the wire are real.
 */
describe('the HTTP client on the wire', () => {
  let server: Server;
  let base: string;
  const seen: { method: string; url: string; headers: IncomingHttpHeaders; body: string }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        const route = (req.url ?? '').split('?')[0];
        if (route === '/moved') return res.writeHead(301, { location: '/feed.ics' }).end();
        if (route === '/elsewhere') return res.writeHead(302, { location: `http://localhost:${(server.address() as AddressInfo).port}/feed.ics` }).end();
        if (route === '/posted') return res.writeHead(303, { location: '/receipt' }).end();
        if (route === '/loop') return res.writeHead(302, { location: '/loop' }).end();
        if (route === '/gzip') return res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync('BEGIN:VCALENDAR zipped'));
        if (route === '/br') return res.writeHead(200, { 'content-encoding': 'br' }).end(brotliCompressSync('BEGIN:VCALENDAR brotli'));
        if (route === '/bomb') return res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync(Buffer.alloc(2_000_000, 32)));
        if (route === '/bom') return res.writeHead(200, { 'content-type': 'text/calendar' }).end(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('BEGIN:VCALENDAR £')]));
        if (route === '/receipt') return res.writeHead(200).end('receipt');
        res.writeHead(200, { 'x-served': 'yes' }).end('BEGIN:VCALENDAR');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => { seen.length = 0; });

  const client = (more: Partial<ConstructorParameters<typeof HttpClient>[0]> = {}) => new HttpClient({ service: 'bins', retries: 0, breaker: null, ...more });

  it('follows a moved feed to its new address, and reads the answer\'s headers in any case', async () => {
    const answer = await client().request(`${base}/moved`);
    expect(answer.text).toBe('BEGIN:VCALENDAR');
    expect(answer.headers.get('X-Served')).toBe('yes');
    expect(seen.map((r) => r.url)).toEqual(['/moved', '/feed.ics']);
  });

  it('does not carry credentials to another origin a redirect points at', async () => {
    await client().request(`${base}/elsewhere`, { headers: { Authorization: 'Bearer council-key', accept: 'text/calendar' } });
    expect(seen.map((r) => [r.url, r.headers.authorization, r.headers.accept])).toEqual([['/elsewhere', 'Bearer council-key', 'text/calendar'], ['/feed.ics', undefined, 'text/calendar']]);
  });

  it('turns a POST answered with 303 into a GET of the receipt, without the body', async () => {
    const answer = await client({ service: 'reports' }).request(`${base}/posted`, { method: 'POST', body: new URLSearchParams({ service_code: 'POT', description: 'hole' }) });
    expect(answer.text).toBe('receipt');
    expect(seen.map((r) => [r.method, r.url, r.body, r.headers['content-type']])).toEqual([
      ['POST', '/posted', 'service_code=POT&description=hole', 'application/x-www-form-urlencoded;charset=UTF-8'],
      ['GET', '/receipt', '', undefined],
    ]);
  });

  it('gives up on a redirect loop, as unreachable', async () => {
    await expect(client().request(`${base}/loop`)).rejects.toBeInstanceOf(NetworkError);
    expect(seen).toHaveLength(21);
  });

  it('reads gzip and brotli answers, and text with a byte-order mark, as fetch did', async () => {
    expect((await client().request(`${base}/gzip`)).text).toBe('BEGIN:VCALENDAR zipped');
    expect((await client().request(`${base}/br`)).text).toBe('BEGIN:VCALENDAR brotli');
    expect((await client().request(`${base}/bom`)).text).toBe('BEGIN:VCALENDAR £');
    expect(seen[0]?.headers['accept-encoding']).toBe('gzip, deflate, br');
  });

  it('refuses an answer that unpacks to more than the limit, however small it was on the wire', async () => {
    const refused = await client({ maxResponseBytes: 1_000_000 }).request(`${base}/bomb`).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(CouncilDataError);
    expect((refused as Error).message).toMatch(/larger than 1000000 bytes/);
  });

  it('says a server that is not listening is unreachable', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(client().request(`http://127.0.0.1:${port}/feed.ics`)).rejects.toBeInstanceOf(NetworkError);
  });
});
