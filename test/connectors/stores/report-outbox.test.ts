import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase, type Database } from '../../../src/connectors/stores/sqlite-database';
import { SqliteReportOutbox } from '../../../src/connectors/stores/sqlite-outbox';
import type { IssueReport } from '../../../src/core/council';
import type { NewOutboxEntry, ReportOutbox } from '../../../src/core/outbox';
import { InMemoryOutbox } from '../../support/in-memory-outbox';

const NOW = new Date('2026-11-27T10:00:00Z');
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

const pothole: IssueReport = {
  issueType: 'POTHOLE',
  location: '12 High Street',
  description: 'Deep hole by the bus stop',
  attributes: { depth: 'deep' },
  uprn: '100000000002',
};

function fresh(requestId: string, userId = 'resident-1', leaseMinutes = 1): NewOutboxEntry {
  return { idempotencyKey: `${userId}|${requestId}`, userId, report: pothole, now: NOW, leaseUntil: at(leaseMinutes) };
}

let dirs: string[] = [];
let databases: Database[] = [];

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'outbox-'));
  dirs.push(dir);
  return dir;
}

function open(dir: string): SqliteReportOutbox {
  const db = openDatabase(dir);
  databases.push(db);
  return new SqliteReportOutbox(db);
}

afterEach(() => {
  databases.forEach((db) => db.open && db.close());
  dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  databases = [];
  dirs = [];
});

describe.each<[string, () => ReportOutbox]>([
  ['SQLite', () => open(tempDir())],
  ['in-memory twin', () => new InMemoryOutbox()],
])('the report outbox (%s)', (_name, create) => {
  it('keeps one entry per idempotency key: a retried request finds the first', async () => {
    const outbox = create();
    const first = await outbox.enqueue(fresh('req-1'));
    const retry = await outbox.enqueue(fresh('req-1'));
    const other = await outbox.enqueue(fresh('req-2'));
    expect(first.created).toBe(true);
    expect(retry).toMatchObject({ created: false, entry: { id: first.entry.id } });
    expect(other.entry.id).not.toBe(first.entry.id);
    expect(first.entry).toMatchObject({ state: 'pending', attempts: 0, report: pothole, userId: 'resident-1' });
  });

  it('leaves a new entry to its first sender until the lease ends, then hands it out once', async () => {
    const outbox = create();
    const { entry } = await outbox.enqueue(fresh('req-1'));
    expect(await outbox.claimDue(NOW, at(2), 10)).toEqual([]);
    const claimed = await outbox.claimDue(at(1), at(3), 10);
    expect(claimed.map((e) => e.id)).toEqual([entry.id]);
    // Claimed: a second sender looking now gets nothing.
    expect(await outbox.claimDue(at(1), at(3), 10)).toEqual([]);
    expect(await outbox.claimDue(at(3), at(5), 10)).toHaveLength(1);
  });

  it('waits until the retry time after a failed attempt, counting attempts and keeping the error', async () => {
    const outbox = create();
    const { entry } = await outbox.enqueue(fresh('req-1', 'resident-1', 0));
    await outbox.markRetry(entry.id, 'NetworkError: unreachable', at(5));
    expect(await outbox.claimDue(at(4), at(6), 10)).toEqual([]);
    const [again] = await outbox.claimDue(at(5), at(7), 10);
    expect(again).toMatchObject({ attempts: 1, lastError: 'NetworkError: unreachable', state: 'pending' });
  });

  it('records a sent report with its result and never hands it out again', async () => {
    const outbox = create();
    const { entry } = await outbox.enqueue(fresh('req-1', 'resident-1', 0));
    await outbox.markSent(entry.id, { kind: 'accepted', reference: '400123' }, at(1));
    expect(await outbox.get(entry.id)).toMatchObject({ state: 'sent', attempts: 1, result: { kind: 'accepted', reference: '400123' }, sentAt: at(1) });
    expect(await outbox.claimDue(at(600), at(601), 10)).toEqual([]);
  });

  it('keeps a refused report, marked, and a late failure does not undo a success', async () => {
    const outbox = create();
    const refused = (await outbox.enqueue(fresh('req-1', 'resident-1', 0))).entry;
    const sent = (await outbox.enqueue(fresh('req-2', 'resident-1', 0))).entry;
    await outbox.markRejected(refused.id, 'ReportRejectedError: 400', at(1));
    await outbox.markSent(sent.id, { kind: 'queued', token: 't-1' }, at(1));
    await outbox.markRetry(sent.id, 'TimeoutError: late', at(2));
    expect(await outbox.get(refused.id)).toMatchObject({ state: 'rejected', lastError: 'ReportRejectedError: 400', report: pothole });
    expect(await outbox.get(sent.id)).toMatchObject({ state: 'sent', result: { kind: 'queued', token: 't-1' } });
  });

  it('keeps each council\'s reports in its own queue: a council\'s sender never takes another\'s', async () => {
    const outbox = create();
    const hill = (await outbox.enqueue({ ...fresh('a'), councilId: 'hillside' })).entry;
    const river = (await outbox.enqueue({ ...fresh('b'), councilId: 'riverside' })).entry;
    const unmarked = (await outbox.enqueue(fresh('c'))).entry;
    expect(hill.councilId).toBe('hillside');
    expect((await outbox.claimDue(at(5), at(6), 10, 'riverside')).map((e) => e.id)).toEqual([river.id]);
    expect((await outbox.claimDue(at(5), at(6), 10, 'hillside')).map((e) => e.id)).toEqual([hill.id]);
    expect((await outbox.claimDue(at(5), at(6), 10)).map((e) => e.id)).toEqual([unmarked.id]);
    expect((await outbox.get(river.id))?.councilId).toBe('riverside');
  });

  it('hands out the oldest due reports first, no more than asked', async () => {
    const outbox = create();
    const a = (await outbox.enqueue({ ...fresh('a'), leaseUntil: at(2) })).entry;
    const b = (await outbox.enqueue({ ...fresh('b'), leaseUntil: at(1) })).entry;
    await outbox.enqueue({ ...fresh('c'), leaseUntil: at(3) });
    expect((await outbox.claimDue(at(10), at(11), 2)).map((e) => e.id)).toEqual([b.id, a.id]);
  });

  it('forgets a resident: sent reports lose who and where now, a pending one once it is sent', async () => {
    const outbox = create();
    const done = (await outbox.enqueue(fresh('req-1', 'resident-1', 0))).entry;
    const waiting = (await outbox.enqueue(fresh('req-2', 'resident-1', 0))).entry;
    const someoneElse = (await outbox.enqueue(fresh('req-3', 'resident-2', 0))).entry;
    await outbox.markSent(done.id, { kind: 'accepted', reference: '1' }, at(1));
    expect(await outbox.forgetUser('resident-1')).toEqual({ scrubbed: 1, stillSending: 1 });
    expect(await outbox.get(done.id)).toMatchObject({ userId: '', report: { issueType: 'POTHOLE', location: '', description: '' } });
    // The pending report must still reach the council whole.
    expect(await outbox.get(waiting.id)).toMatchObject({ userId: 'resident-1', report: pothole });
    await outbox.markSent(waiting.id, { kind: 'accepted', reference: '2' }, at(2));
    expect(await outbox.get(waiting.id)).toMatchObject({ userId: '', report: { location: '', description: '' } });
    expect(await outbox.get(someoneElse.id)).toMatchObject({ userId: 'resident-2', report: pothole });
  });
});

describe('the SQLite outbox across restarts and processes', () => {
  it('still has a pending report after the database is closed and opened again', async () => {
    const dir = tempDir();
    const before = open(dir);
    const { entry } = await before.enqueue(fresh('req-1'));
    await before.markRetry(entry.id, 'NetworkError', at(5));
    databases.forEach((db) => db.close());

    const after = open(dir);
    expect(await after.enqueue(fresh('req-1'))).toMatchObject({ created: false, entry: { id: entry.id, attempts: 1 } });
    expect((await after.claimDue(at(5), at(6), 10)).map((e) => e.report)).toEqual([pothole]);
  });

  it('never gives the same report to two senders sharing the database file', async () => {
    const dir = tempDir();
    const one = open(dir);
    const two = open(dir);
    for (let i = 0; i < 6; i++) await one.enqueue(fresh(`req-${i}`, 'resident-1', 0));
    const [first, second] = await Promise.all([one.claimDue(at(1), at(2), 4), two.claimDue(at(1), at(2), 4)]);
    const ids = [...(first ?? []), ...(second ?? [])].map((e) => e.id);
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(6);
  });
});
