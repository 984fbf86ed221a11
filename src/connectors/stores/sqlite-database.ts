/**
 * The local embedded database (SQLite through better-sqlite3) that holds what the skill keeps
 * between sessions when it is not running on AWS: one file in DATA_DIR.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { ensureOutboxTable } from './sqlite-outbox';
import { ensureProfilesTable } from './sqlite-profile-store';

export type { Database };

/** Creates a table (and its indexes) if it is not there yet; safe to run on every start. */
export type Migration = (db: Database) => void;

/**
 * Every table the skill keeps, in the order they are created. A new store adds its own
 * `ensure…Table` here; each store also calls its own on construction, so either way works.
 */
export const migrations: Migration[] = [ensureProfilesTable, ensureOutboxTable];

/** The database file inside `dataDir`. */
export const DATABASE_FILE = 'council-voice.sqlite';

/**
 * Opens (creating if needed) the database in `dataDir` and brings its tables up to date.
 * Open once at start-up and share; close it on shutdown.
 */
export function openDatabase(dataDir: string): Database {
  mkdirSync(dataDir, { recursive: true });
  const db = new BetterSqlite3(path.join(dataDir, DATABASE_FILE));
  // WAL lets the skill read while a write is in flight; NORMAL sync is durable enough with WAL.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  // Two processes (server and a script) may share the file: wait briefly rather than fail.
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  db.transaction(() => migrations.forEach((migrate) => migrate(db)))();
  return db;
}
