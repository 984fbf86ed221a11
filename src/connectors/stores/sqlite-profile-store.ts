/**
 * Residents' profiles (chosen address, last report, reminder ids) in the local SQLite database,
 * one JSON row per user, so the skill remembers an address across restarts.
 */
import type { Database, Statement } from 'better-sqlite3';
import type { Clock } from '../../core/dates';
import { systemClock } from '../../core/dates';
import { CouncilDataError } from '../../core/errors';
import type { ProfileStore, ResidentProfile } from '../../core/profile';

/** Creates the profiles table when missing; safe to call on every start. */
export function ensureProfilesTable(db: Database): void {
  db.exec(`CREATE TABLE IF NOT EXISTS profiles (
    user_id TEXT PRIMARY KEY,
    profile TEXT NOT NULL,
    updated_at TEXT NOT NULL
  )`);
}

interface ProfileRow {
  profile: string;
}

export class SqliteProfileStore implements ProfileStore {
  private readonly selectOne: Statement<[string], ProfileRow>;
  private readonly upsert: Statement<[string, string, string]>;
  private readonly remove: Statement<[string]>;

  /** `db` from openDatabase(); the table is created here too, so the store works on any database. */
  constructor(db: Database, private readonly clock: Clock = systemClock) {
    ensureProfilesTable(db);
    this.selectOne = db.prepare<[string], ProfileRow>('SELECT profile FROM profiles WHERE user_id = ?');
    this.upsert = db.prepare<[string, string, string]>(
      `INSERT INTO profiles (user_id, profile, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (user_id) DO UPDATE SET profile = excluded.profile, updated_at = excluded.updated_at`,
    );
    this.remove = db.prepare<[string]>('DELETE FROM profiles WHERE user_id = ?');
  }

  async get(userId: string): Promise<ResidentProfile | undefined> {
    const row = this.selectOne.get(userId);
    if (!row) return undefined;
    try {
      return { ...(JSON.parse(row.profile) as ResidentProfile), userId };
    } catch {
      throw new CouncilDataError('store', 'sqlite:profiles', 'a stored profile is not JSON');
    }
  }

  async put(profile: ResidentProfile): Promise<void> {
    this.upsert.run(profile.userId, JSON.stringify(profile), this.clock.now().toISOString());
  }

  async delete(userId: string): Promise<void> {
    this.remove.run(userId);
  }
}
