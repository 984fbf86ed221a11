import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase, type Database } from '../../../src/connectors/stores/sqlite-database';
import { SqliteReportOutbox } from '../../../src/connectors/stores/sqlite-outbox';
import { SqliteProfileStore } from '../../../src/connectors/stores/sqlite-profile-store';
import { countReadsAsUse, purgeExpired } from '../../../src/connectors/stores/sqlite-retention';
import type { IssueReport } from '../../../src/core/council';

const report: IssueReport = { issueType: 'POTHOLE', location: 'Mill Lane', description: 'hole' };

describe('retention in the local database', () => {
  let dir: string;
  let db: Database;
  let now: Date;
  const clock = { now: () => now };

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'retention-'));
    db = openDatabase(dir);
    now = new Date('2026-01-10T09:00:00Z');
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('forgets a resident 13 months after they last used the skill, not while they keep using it', async () => {
    const profiles = countReadsAsUse(new SqliteProfileStore(db, clock), db, clock);
    await profiles.put({ userId: 'weekly', address: { uprn: '1', label: '4 Mill Lane', postcode: 'AB1 3EF' } });
    await profiles.put({ userId: 'gone-quiet', address: { uprn: '2', label: '6 Mill Lane', postcode: 'AB1 3EF' } });
    for (let week = 1; week <= 60; week++) {
      now = new Date(Date.parse('2026-01-10T09:00:00Z') + week * 7 * 86_400_000);
      await profiles.get('weekly');
    }
    // Sixty weeks on: past 13 months since either was saved.
    expect(purgeExpired(db, now).profiles).toBe(1);
    expect(await profiles.get('weekly')).toBeDefined();
    expect(await profiles.get('gone-quiet')).toBeUndefined();
  });

  it('deletes sent reports after 30 days and refused ones after 90, but never one still waiting', async () => {
    const outbox = new SqliteReportOutbox(db);
    const enqueue = async (key: string) => (await outbox.enqueue({ idempotencyKey: key, userId: 'r', report, now, leaseUntil: now })).entry.id;
    const sent = await enqueue('sent');
    const refused = await enqueue('refused');
    const waiting = await enqueue('waiting');
    await outbox.markSent(sent, { kind: 'accepted', reference: '1' }, now);
    await outbox.markRejected(refused, 'ReportRejectedError: 400', now);

    const day = (n: number) => new Date(now.getTime() + n * 86_400_000);
    expect(purgeExpired(db, day(29)).reports).toBe(0);
    expect(purgeExpired(db, day(31)).reports).toBe(1);
    expect(await outbox.get(sent)).toBeUndefined();
    expect(purgeExpired(db, day(91)).reports).toBe(1);
    expect(await outbox.get(refused)).toBeUndefined();
    expect(purgeExpired(db, day(3650)).reports).toBe(0);
    expect(await outbox.get(waiting)).toMatchObject({ state: 'pending', report });
  });
});
