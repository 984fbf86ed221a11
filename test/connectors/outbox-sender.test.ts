import nock from 'nock';
import { silentLogger } from '../../src/core/logger';
import { idempotencyKey, sendReport } from '../../src/core/reports/send-report';
import { BASE, graffiti, HOST, SERVICES, TestClock, useOutboxBench } from '../support/outbox-bench';

/** No jitter, so the test knows when each retry falls due: 30 s, 60 s, 120 s ... */
const open = useOutboxBench({ retry: { baseMs: 30_000, maxMs: 10 * 60_000, random: () => 1 }, timeoutMs: 2000 });

/** Every report the council's server actually took. */
function council(received: URLSearchParams[]) {
  return nock(HOST)
    .get(`${BASE}/services.json`).reply(200, SERVICES)
    .post(`${BASE}/requests.json`).reply(503, 'Service Unavailable')
    .post(`${BASE}/requests.json`).reply(503, 'Service Unavailable')
    .post(`${BASE}/requests.json`).reply(201, (_uri, body) => {
      received.push(new URLSearchParams(body as string));
      return [{ service_request_id: '400130' }];
    });
}

describe('the outbox sender', () => {
  it('gets a report through an outage: two failures, then exactly one report arrives', async () => {
    const clock = new TestClock();
    const received: URLSearchParams[] = [];
    const scope = council(received);
    const { outbox, reporter, sender } = open(clock);

    // The resident's turn: saved first, then the first attempt fails.
    const first = await sendReport(idempotencyKey('resident-1', 'req-9'), 'resident-1', graffiti, { outbox, reporter, now: clock.now, logger: silentLogger });
    expect(first.kind).toBe('saved');

    // Not due yet: the backoff holds it back.
    expect(await sender.runOnce()).toEqual({ sent: 0, retrying: 0, rejected: 0 });
    clock.advance(30_000);
    expect(await sender.runOnce()).toEqual({ sent: 0, retrying: 1, rejected: 0 });
    clock.advance(30_000);
    expect(await sender.runOnce()).toEqual({ sent: 0, retrying: 0, rejected: 0 });
    clock.advance(30_000);
    expect(await sender.runOnce()).toEqual({ sent: 1, retrying: 0, rejected: 0 });
    clock.advance(60 * 60_000);
    expect(await sender.runOnce()).toEqual({ sent: 0, retrying: 0, rejected: 0 });

    expect(scope.isDone()).toBe(true);
    // The description carries the outbox entry's marker, so an uncertain attempt can be found again.
    expect(received.map((form) => form.get('description'))).toEqual([expect.stringMatching(/^Tags on the wall \[CV-[0-9A-F]{12}\]$/)]);
    expect(await outbox.get(first.entryId)).toMatchObject({ state: 'sent', attempts: 3, result: { kind: 'accepted', reference: '400130' } });
  });

  it('carries on after a restart: the report saved before it is sent once the council is back', async () => {
    const clock = new TestClock();
    const received: URLSearchParams[] = [];
    const scope = council(received);
    const before = open(clock);
    const saved = await sendReport(idempotencyKey('resident-1', 'req-1'), 'resident-1', graffiti, { ...before, now: clock.now, logger: silentLogger });
    clock.advance(30_000);
    await before.sender.runOnce();
    await before.sender.stop();
    before.db.close();

    // A new process: new database handle, new reporter (empty cache), new sender.
    const after = open(clock);
    nock(HOST).get(`${BASE}/services.json`).reply(200, SERVICES);
    clock.advance(60_000);
    expect(await after.sender.runOnce()).toMatchObject({ sent: 1 });
    expect(received).toHaveLength(1);
    expect(scope.isDone()).toBe(true);
    expect(await after.outbox.get(saved.entryId)).toMatchObject({ state: 'sent' });
  });

  it('sends each report once when runs overlap', async () => {
    const clock = new TestClock();
    const { outbox, sender } = open(clock);
    await outbox.enqueue({ idempotencyKey: 'r|1', userId: 'r', report: graffiti, now: clock.at, leaseUntil: clock.at });
    const scope = nock(HOST)
      .get(`${BASE}/services.json`).reply(200, SERVICES)
      .post(`${BASE}/requests.json`).once().delay(50).reply(201, [{ service_request_id: '1' }]);
    const [a, b] = await Promise.all([sender.runOnce(), sender.runOnce()]);
    expect(a).toEqual({ sent: 1, retrying: 0, rejected: 0 });
    expect(b).toBe(a);
    expect(scope.isDone()).toBe(true);
  });

  it('stops retrying a report the council refuses, and keeps it marked for officers', async () => {
    const clock = new TestClock();
    const { outbox, sender } = open(clock);
    const { entry } = await outbox.enqueue({ idempotencyKey: 'r|1', userId: 'r', report: graffiti, now: clock.at, leaseUntil: clock.at });
    nock(HOST)
      .get(`${BASE}/services.json`).reply(200, SERVICES)
      .post(`${BASE}/requests.json`).reply(400, [{ code: 400, description: 'description is too short' }]);
    expect(await sender.runOnce()).toEqual({ sent: 0, retrying: 0, rejected: 1 });
    clock.advance(24 * 60 * 60_000);
    expect(await sender.runOnce()).toEqual({ sent: 0, retrying: 0, rejected: 0 });
    expect(await outbox.get(entry.id)).toMatchObject({ state: 'rejected', lastError: expect.stringContaining('description is too short') });
  });

  it('sends on its own once started, until stopped', async () => {
    const clock = new TestClock();
    const { outbox, sender } = open(clock);
    const { entry } = await outbox.enqueue({ idempotencyKey: 'r|1', userId: 'r', report: graffiti, now: clock.at, leaseUntil: clock.at });
    nock(HOST)
      .get(`${BASE}/services.json`).reply(200, SERVICES)
      .post(`${BASE}/requests.json`).reply(201, [{ service_request_id: '5' }]);
    sender.start();
    for (let i = 0; i < 100 && (await outbox.get(entry.id))?.state !== 'sent'; i++) await new Promise((r) => setTimeout(r, 20));
    await sender.stop();
    expect((await outbox.get(entry.id))?.state).toBe('sent');
  });
});
