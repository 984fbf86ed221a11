import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDbOutbox } from '../../../src/connectors/stores/dynamodb-outbox';
import { TTL_ATTRIBUTE } from '../../../src/connectors/stores/dynamodb-tables';
import type { IssueReport } from '../../../src/core/council';
import type { NewOutboxEntry } from '../../../src/core/outbox';
import { startLocalDynamo, type LocalDynamo } from '../../support/dynalite-server';

const NOW = new Date('2026-11-27T10:00:00Z');
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const seconds = (iso: string) => Date.parse(iso) / 1000;

const pothole: IssueReport = {
  issueType: 'POTHOLE',
  location: '12 High Street, AB1 2CD',
  description: 'A deep pothole outside my house, call me on 07700 900123',
  attributes: { depth: 'deep' },
  uprn: '100000000002',
  lat: 51.5,
  long: -0.12,
};

function newEntry(userId: string, requestId: string, report: IssueReport = pothole): NewOutboxEntry {
  return { idempotencyKey: `${userId}|${requestId}`, userId, report, now: NOW, leaseUntil: later(1) };
}

describe('DynamoDbOutbox against a DynamoDB-compatible server', () => {
  let dynamo: LocalDynamo;
  let outbox: DynamoDbOutbox;

  async function rawItems(): Promise<Record<string, unknown>[]> {
    const { Items } = await dynamo.sdk.send(new ScanCommand({ TableName: dynamo.tables.outbox }));
    return (Items ?? []) as Record<string, unknown>[];
  }

  async function storedExpiry(id: string): Promise<number | undefined> {
    const item = (await rawItems()).find((candidate) => (candidate.id as { S: string }).S === id) as Record<string, { N?: string }> | undefined;
    const value = item?.[TTL_ATTRIBUTE]?.N;
    return value === undefined ? undefined : Number(value);
  }

  beforeEach(async () => {
    dynamo = await startLocalDynamo();
    outbox = new DynamoDbOutbox({ client: dynamo.client, tableName: dynamo.tables.outbox });
  });
  afterEach(async () => {
    await dynamo.stop();
  });

  it('keeps a report exactly as the resident gave it until it is sent', async () => {
    const { entry, created } = await outbox.enqueue(newEntry('resident-1', 'req-1'));
    expect(created).toBe(true);
    expect(await outbox.get(entry.id)).toEqual({
      id: entry.id, idempotencyKey: 'resident-1|req-1', userId: 'resident-1', report: pothole,
      state: 'pending', attempts: 0, nextAttemptAt: later(1), createdAt: NOW,
    });
  });

  it('files one report when the platform retries the same request, even at the same moment', async () => {
    const results = await Promise.all([1, 2, 3].map(() => outbox.enqueue(newEntry('resident-1', 'req-1'))));
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(new Set(results.map((result) => result.entry.id)).size).toBe(1);
    expect(await rawItems()).toHaveLength(1);
  });

  it('files a second report when the resident makes a second request', async () => {
    await outbox.enqueue(newEntry('resident-1', 'req-1'));
    const second = await outbox.enqueue(newEntry('resident-1', 'req-2'));
    expect(second.created).toBe(true);
    expect(await rawItems()).toHaveLength(2);
  });

  it('never expires a report still waiting to be sent', async () => {
    const { entry } = await outbox.enqueue(newEntry('resident-1', 'req-1'));
    await outbox.markRetry(entry.id, 'NetworkError: council down', later(30));
    expect(await storedExpiry(entry.id)).toBeUndefined();
  });

  it('expires a sent report 30 days after it reached the council, a refused one after 90', async () => {
    const sent = (await outbox.enqueue(newEntry('resident-1', 'req-1'))).entry;
    const refused = (await outbox.enqueue(newEntry('resident-1', 'req-2'))).entry;
    await outbox.markSent(sent.id, { kind: 'accepted', reference: '4521' }, NOW);
    await outbox.markRejected(refused.id, 'ReportRejectedError: 400', NOW);
    expect(await storedExpiry(sent.id)).toBe(seconds('2026-12-27T10:00:00Z'));
    expect(await storedExpiry(refused.id)).toBe(seconds('2027-02-25T10:00:00Z'));
    expect(await outbox.get(sent.id)).toMatchObject({ state: 'sent', attempts: 1, sentAt: NOW, result: { kind: 'accepted', reference: '4521' } });
    expect(await outbox.get(refused.id)).toMatchObject({ state: 'rejected', attempts: 1, sentAt: NOW, lastError: 'ReportRejectedError: 400', report: pothole });
  });

  it('hands the background sender only reports that are due, and each to one sender', async () => {
    const first = (await outbox.enqueue(newEntry('resident-1', 'req-1'))).entry;
    const second = (await outbox.enqueue(newEntry('resident-2', 'req-1'))).entry;
    const sent = (await outbox.enqueue(newEntry('resident-3', 'req-1'))).entry;
    await outbox.markSent(sent.id, { kind: 'accepted', reference: '1' }, NOW);
    await outbox.markRetry(second.id, 'TimeoutError', later(10));

    // Still inside the handler's first-attempt lease: nobody else sends it.
    expect(await outbox.claimDue(NOW, later(5), 10)).toEqual([]);

    const [a, b] = await Promise.all([outbox.claimDue(later(2), later(7), 10), outbox.claimDue(later(2), later(7), 10)]);
    expect([...(a ?? []), ...(b ?? [])].map((entry) => entry.id)).toEqual([first.id]);
    await outbox.markSent(first.id, { kind: 'accepted', reference: '2' }, later(3));

    const due = await outbox.claimDue(later(11), later(16), 10);
    expect(due.map((entry) => entry.id)).toEqual([second.id]);
    expect(due[0]?.nextAttemptAt).toEqual(later(16));
  });

  it('keeps each council\'s reports in its own due queue', async () => {
    const hill = (await outbox.enqueue({ ...newEntry('resident-1', 'req-9'), councilId: 'hillside' })).entry;
    const river = (await outbox.enqueue({ ...newEntry('resident-2', 'req-9'), councilId: 'riverside' })).entry;
    expect((await outbox.claimDue(later(5), later(6), 10, 'riverside')).map((e) => e.id)).toEqual([river.id]);
    expect((await outbox.claimDue(later(5), later(6), 10, 'hillside')).map((e) => ({ id: e.id, council: e.councilId }))).toEqual([{ id: hill.id, council: 'hillside' }]);
    expect(await outbox.claimDue(later(5), later(6), 10)).toEqual([]);
  });

  it('claims no more than asked for, the longest-waiting first', async () => {
    const ids: string[] = [];
    for (const minutes of [3, 1, 2]) {
      const { entry } = await outbox.enqueue({ ...newEntry('resident-1', `req-${minutes}`), leaseUntil: later(minutes) });
      ids[minutes] = entry.id;
    }
    const claimed = await outbox.claimDue(later(5), later(10), 2);
    expect(claimed.map((entry) => entry.id)).toEqual([ids[1], ids[2]]);
  });

  it('hands a report back to the queue when its sender\'s lease runs out without an answer', async () => {
    const { entry } = await outbox.enqueue(newEntry('resident-1', 'req-1'));
    await outbox.claimDue(later(2), later(7), 10);
    expect(await outbox.claimDue(later(6), later(11), 10)).toEqual([]);
    expect((await outbox.claimDue(later(8), later(13), 10)).map((claimed) => claimed.id)).toEqual([entry.id]);
  });

  it('does not let a late failure undo a report the council already accepted', async () => {
    const { entry } = await outbox.enqueue(newEntry('resident-1', 'req-1'));
    await outbox.markSent(entry.id, { kind: 'accepted', reference: '4521' }, NOW);
    await outbox.markRetry(entry.id, 'TimeoutError', later(10));
    await outbox.markRejected(entry.id, 'ReportRejectedError: 400', later(11));
    expect(await outbox.get(entry.id)).toMatchObject({ state: 'sent', attempts: 1 });
  });

  describe('when a resident asks to be forgotten', () => {
    it('removes them from reports the council already has, keeping the council\'s reference', async () => {
      const { entry } = await outbox.enqueue(newEntry('resident-1', 'req-1'));
      await outbox.markSent(entry.id, { kind: 'accepted', reference: '4521' }, NOW);
      const other = (await outbox.enqueue(newEntry('resident-2', 'req-1'))).entry;

      expect(await outbox.forgetUser('resident-1')).toEqual({ scrubbed: 1, stillSending: 0 });

      const forgotten = await outbox.get(entry.id);
      expect(forgotten).toMatchObject({ userId: '', state: 'sent', result: { kind: 'accepted', reference: '4521' } });
      expect(forgotten?.report).toEqual({ issueType: 'POTHOLE', location: '', description: '' });
      const stored = (await rawItems()).filter((item) => (item.id as { S: string }).S === entry.id);
      expect(JSON.stringify(stored)).not.toMatch(/resident-1|High Street|AB1 2CD|07700|100000000002|deep/);
      expect(await outbox.get(other.id)).toMatchObject({ userId: 'resident-2', report: pothole });
    });

    it('still sends a report that has not reached the council, then forgets it', async () => {
      const { entry } = await outbox.enqueue(newEntry('resident-1', 'req-1'));
      expect(await outbox.forgetUser('resident-1')).toEqual({ scrubbed: 0, stillSending: 1 });

      const [claimed] = await outbox.claimDue(later(2), later(7), 10);
      expect(claimed?.report).toEqual(pothole);

      await outbox.markSent(entry.id, { kind: 'accepted', reference: '4521' }, later(3));
      expect((await outbox.get(entry.id))?.report).toEqual({ issueType: 'POTHOLE', location: '', description: '' });
      expect(JSON.stringify(await rawItems())).not.toMatch(/resident-1|High Street|07700/);
    });

    it('forgets a waiting report the council then refuses, too', async () => {
      const { entry } = await outbox.enqueue(newEntry('resident-1', 'req-1'));
      await outbox.forgetUser('resident-1');
      await outbox.markRejected(entry.id, 'ReportRejectedError: 400', later(3));
      expect(await outbox.get(entry.id)).toMatchObject({ state: 'rejected', userId: '', report: { location: '', description: '' } });
    });

    it('checks the report the resident just filed, but never touches someone else\'s by its id', async () => {
      const mine = (await outbox.enqueue(newEntry('resident-1', 'req-1'))).entry;
      const theirs = (await outbox.enqueue(newEntry('resident-2', 'req-1'))).entry;
      await outbox.markSent(theirs.id, { kind: 'accepted', reference: '9' }, NOW);
      expect(await outbox.forgetUser('resident-1', [mine.id, theirs.id, 'no-such-entry'])).toEqual({ scrubbed: 0, stillSending: 1 });
      expect(await outbox.get(theirs.id)).toMatchObject({ userId: 'resident-2', report: pothole });
    });

    it('has nothing to forget for a resident it never met', async () => {
      await outbox.enqueue(newEntry('resident-2', 'req-1'));
      expect(await outbox.forgetUser('resident-1')).toEqual({ scrubbed: 0, stillSending: 0 });
    });
  });
});
