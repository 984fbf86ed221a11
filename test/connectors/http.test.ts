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
    nock(BASE).get('/refused').reply(403, 'no');
    const client = new HttpClient({ service: 'bins', timeoutMs: 100, retries: 0, breaker: null });
    const refused = await client.request(`${BASE}/refused`).catch((e) => e);
    expect(refused).toBeInstanceOf(CouncilApiError);
    expect(refused.message).toBe('bins API answered 403 at http://council.test/refused: no');

    nock(BASE).get('/slow').delay(1000).reply(200, 'late');
    await expect(client.request(`${BASE}/slow`)).rejects.toBeInstanceOf(TimeoutError);

    nock(BASE).get('/down').replyWithError({ code: 'ECONNREFUSED' });
    await expect(client.request(`${BASE}/down`)).rejects.toBeInstanceOf(NetworkError);

    nock(BASE).get('/garbage').reply(200, '<html>oops');
    await expect(client.getJson(`${BASE}/garbage`)).rejects.toBeInstanceOf(CouncilDataError);
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
