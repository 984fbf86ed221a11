/**
 * The outbox sender after an attempt whose outcome is unknown (the POST went out, no answer came
 * back), and when the council's server refuses our API key.
 */
import nock from 'nock';
import pino from 'pino';
import { KEY_ALERT_INTERVAL_MS } from '../../src/connectors/open311/open311-reporter';
import { reportMarker, type RetryPolicy } from '../../src/core/reports/delivery';
import { captureLog } from '../support/log-capture';
import { BASE, graffiti, HOST, SERVICES, TestClock, useOutboxBench } from '../support/outbox-bench';

const retry: RetryPolicy = { baseMs: 30_000, maxMs: 30 * 60_000, random: () => 1 };
const open = useOutboxBench({ retry, timeoutMs: 500 });

/** A POST the council took but answered too late: the report is in its system, we heard nothing. */
function lostAnswer(received: URLSearchParams[]) {
  return nock(HOST)
    .get(`${BASE}/services.json`).reply(200, SERVICES)
    .post(`${BASE}/requests.json`).delay(1500).reply(201, (_uri, body) => {
      received.push(new URLSearchParams(body as string));
      return [{ service_request_id: '400777' }];
    });
}

/** The search GeoReport v2 offers: GET requests.json for a service code and a time window. */
function search(reply: (query: URLSearchParams) => [number, unknown]) {
  return nock(HOST).get(`${BASE}/requests.json`).query(true).reply((uri) => reply(new URL(uri, HOST).searchParams));
}

describe('an uncertain POST is not a second report', () => {
  it('finds the report the council filed, by the marker in its description, and does not send it again', async () => {
    const clock = new TestClock();
    const received: URLSearchParams[] = [];
    lostAnswer(received);
    const { outbox, sender } = open(clock);
    const { entry } = await outbox.enqueue({ idempotencyKey: 'r|1', userId: 'r', report: graffiti, now: clock.at, leaseUntil: clock.at });

    expect(await sender.runOnce()).toEqual({ sent: 0, retrying: 1, rejected: 0 });
    const marker = reportMarker(entry.id);
    expect(received.map((form) => form.get('description'))).toEqual([`Tags on the wall [${marker}]`]);

    let asked: URLSearchParams | undefined;
    search((query) => {
      asked = query;
      return [200, [
        { service_request_id: '400776', service_code: 'EN-05', description: 'Someone else\'s graffiti', requested_datetime: '2026-11-27T09:59:00Z' },
        { service_request_id: '400777', service_code: 'EN-05', description: received[0]?.get('description'), requested_datetime: '2026-11-27T10:00:00Z' },
      ]];
    });
    // No POST is waiting in nock: a second one would fail the run with "no match".
    clock.advance(60_000);
    expect(await sender.runOnce()).toEqual({ sent: 1, retrying: 0, rejected: 0 });
    expect(await outbox.get(entry.id)).toMatchObject({ state: 'sent', result: { kind: 'accepted', reference: '400777' } });
    expect(asked?.get('service_code')).toBe('EN-05');
    expect(Date.parse(asked?.get('start_date') ?? '')).toBeLessThanOrEqual(entry.createdAt.getTime());
    expect(Date.parse(asked?.get('end_date') ?? '')).toBeGreaterThanOrEqual(clock.at.getTime());
    expect(received).toHaveLength(1);
  });

  it('sends again when the search shows the council never filed it', async () => {
    const clock = new TestClock();
    const received: URLSearchParams[] = [];
    lostAnswer(received);
    const { outbox, sender } = open(clock);
    const { entry } = await outbox.enqueue({ idempotencyKey: 'r|1', userId: 'r', report: graffiti, now: clock.at, leaseUntil: clock.at });
    await sender.runOnce();

    search(() => [200, [{ service_request_id: '400776', service_code: 'EN-05', description: 'Someone else\'s graffiti', requested_datetime: '2026-11-27T09:59:00Z' }]]);
    const resend = nock(HOST).post(`${BASE}/requests.json`).reply(201, [{ service_request_id: '400778' }]);
    clock.advance(60_000);
    expect(await sender.runOnce()).toEqual({ sent: 1, retrying: 0, rejected: 0 });
    expect(resend.isDone()).toBe(true);
    expect(await outbox.get(entry.id)).toMatchObject({ state: 'sent', result: { kind: 'accepted', reference: '400778' } });
  });

  it('keeps the report for officers instead of risking a second one when the server cannot be searched', async () => {
    const clock = new TestClock();
    lostAnswer([]);
    const { outbox, sender } = open(clock);
    const { entry } = await outbox.enqueue({ idempotencyKey: 'r|1', userId: 'r', report: graffiti, now: clock.at, leaseUntil: clock.at });
    await sender.runOnce();

    // mySociety's adapter lists requests without their descriptions: no marker to find.
    search(() => [200, [{ service_request_id: '0', service_code: 'EN-05', requested_datetime: '2026-11-27T10:00:00Z' }]]);
    clock.advance(60_000);
    expect(await sender.runOnce()).toEqual({ sent: 0, retrying: 0, rejected: 1 });
    expect(await outbox.get(entry.id)).toMatchObject({ state: 'rejected', lastError: expect.stringContaining('not sent again so it is not filed twice') });
  });

  it('looks again on the next run when the search itself fails, still without sending', async () => {
    const clock = new TestClock();
    lostAnswer([]);
    const { outbox, sender } = open(clock);
    const { entry } = await outbox.enqueue({ idempotencyKey: 'r|1', userId: 'r', report: graffiti, now: clock.at, leaseUntil: clock.at });
    await sender.runOnce();

    nock(HOST).get(`${BASE}/requests.json`).query(true).times(2).reply(503, 'busy');
    clock.advance(60_000);
    expect(await sender.runOnce()).toEqual({ sent: 0, retrying: 1, rejected: 0 });
    search(() => [200, [{ service_request_id: '400777', service_code: 'EN-05', description: `Tags on the wall [${reportMarker(entry.id)}]` }]]);
    clock.advance(10 * 60_000);
    expect(await sender.runOnce()).toEqual({ sent: 1, retrying: 0, rejected: 0 });
    expect(await outbox.get(entry.id)).toMatchObject({ state: 'sent', result: { reference: '400777' } });
  });
});

describe('a refused API key', () => {
  it('keeps the report, retries only every half hour, and tells the operator once an hour', async () => {
    const clock = new TestClock();
    const log = captureLog();
    const { outbox, sender } = open(clock, pino({ level: 'info' }, log.stream));
    const { entry } = await outbox.enqueue({ idempotencyKey: 'r|1', userId: 'r', report: graffiti, now: clock.at, leaseUntil: clock.at });
    const refusals = nock(HOST)
      .get(`${BASE}/services.json`).reply(200, SERVICES)
      .post(`${BASE}/requests.json`).times(3).reply(403, [{ code: 403, description: 'Invalid api_key received' }]);

    expect(await sender.runOnce()).toEqual({ sent: 0, retrying: 1, rejected: 0 });
    expect((await outbox.get(entry.id))?.nextAttemptAt.getTime()).toBe(clock.at.getTime() + retry.maxMs);
    clock.advance(5 * 60_000);
    expect(await sender.runOnce()).toEqual({ sent: 0, retrying: 0, rejected: 0 });
    clock.advance(25 * 60_000);
    expect(await sender.runOnce()).toEqual({ sent: 0, retrying: 1, rejected: 0 });
    const alerts = () => log.lines().filter((line) => String(line.msg).includes('refuses our API key'));
    expect(alerts()).toHaveLength(1);
    expect(alerts()[0]).toMatchObject({ level: 50, status: 403, council: 'Invalid api_key received', msg: expect.stringContaining('reports.apiKey') });

    clock.advance(KEY_ALERT_INTERVAL_MS);
    expect(await sender.runOnce()).toEqual({ sent: 0, retrying: 1, rejected: 0 });
    expect(alerts()).toHaveLength(2);
    expect(refusals.isDone()).toBe(true);

    // The council fixes its side: the report, kept all along, goes through.
    nock(HOST).post(`${BASE}/requests.json`).reply(201, [{ service_request_id: '400900' }]);
    clock.advance(retry.maxMs);
    expect(await sender.runOnce()).toEqual({ sent: 1, retrying: 0, rejected: 0 });
    expect(await outbox.get(entry.id)).toMatchObject({ state: 'sent', result: { reference: '400900' } });
  });
});
