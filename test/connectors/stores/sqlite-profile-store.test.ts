import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { openDatabase } from '../../../src/connectors/stores/sqlite-database';
import { SqliteProfileStore } from '../../../src/connectors/stores/sqlite-profile-store';
import type { ResidentProfile } from '../../../src/core/profile';

const resident: ResidentProfile = {
  userId: 'amzn1.ask.account.RESIDENT',
  address: { uprn: '100090000002', label: '2 High Street', postcode: 'AB1 2CD' },
  reminderIds: ['r-1'],
};

let dataDir: string;
let db: Database | undefined;

beforeEach(() => {
  dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'council-voice-')), 'data');
});

afterEach(() => {
  db?.close();
  db = undefined;
  rmSync(path.dirname(dataDir), { recursive: true, force: true });
});

function open(now = new Date('2026-11-26T18:00:00Z')): SqliteProfileStore {
  db = openDatabase(dataDir);
  return new SqliteProfileStore(db, { now: () => now });
}

describe('SQLite profile store', () => {
  it('remembers a resident\'s address and forgets nobody else\'s', async () => {
    const store = open();
    await store.put(resident);
    expect(await store.get(resident.userId)).toEqual(resident);
    expect(await store.get('amzn1.ask.account.SOMEONE_ELSE')).toBeUndefined();
  });

  it('replaces the profile when the resident changes address', async () => {
    const store = open();
    await store.put(resident);
    const moved = { ...resident, address: { uprn: '100090000301', label: 'The Old Mill, Mill Lane', postcode: 'AB1 3EF' } };
    await store.put(moved);
    expect(await store.get(resident.userId)).toEqual(moved);
  });

  it('still knows the resident after the database is closed and opened again', async () => {
    await open().put(resident);
    db?.close();
    expect(await open().get(resident.userId)).toEqual(resident);
  });

  it('records when each profile was last written', async () => {
    await open(new Date('2026-11-26T18:00:00Z')).put(resident);
    const row = db?.prepare('SELECT updated_at FROM profiles WHERE user_id = ?').get(resident.userId);
    expect(row).toEqual({ updated_at: '2026-11-26T18:00:00.000Z' });
  });

  it('removes everything held about a resident on delete, also after reopening', async () => {
    const store = open();
    await store.put(resident);
    await store.delete(resident.userId);
    expect(await store.get(resident.userId)).toBeUndefined();
    db?.close();
    const reopened = open();
    expect(await reopened.get(resident.userId)).toBeUndefined();
    await expect(reopened.delete('never-seen')).resolves.toBeUndefined();
  });

  it('creates the data folder and uses write-ahead logging', () => {
    open();
    expect(db?.pragma('journal_mode', { simple: true })).toBe('wal');
  });
});
