/**
 * The local database's answer to DynamoDB's TTL: the same retention rules, applied by a purge
 * the process runs at start-up and every few hours, so a council running its own server keeps
 * residents' data no longer than one running on AWS.
 */
import type { Database } from 'better-sqlite3';
import type { Clock } from '../../core/dates';
import type { ProfileStore } from '../../core/profile';
import { ensureOutboxTable } from './sqlite-outbox';
import { ensureProfilesTable } from './sqlite-profile-store';
import { addMonths, PROFILE_KEEP_MONTHS, REJECTED_KEEP_DAYS, SENT_KEEP_DAYS } from './retention';

export interface PurgeResult {
  profiles: number;
  reports: number;
}

const DAY_MS = 86_400_000;

/**
 * Deletes profiles not used for 13 months (see countReadsAsUse) and reports that reached the council more than 30
 * days ago (refused ones: 90). A report still waiting to be sent is never deleted.
 */
export function purgeExpired(db: Database, now: Date): PurgeResult {
  ensureProfilesTable(db);
  ensureOutboxTable(db);
  // updated_at is an ISO timestamp, so text order is time order.
  const profiles = db.prepare('DELETE FROM profiles WHERE updated_at < ?').run(addMonths(now, -PROFILE_KEEP_MONTHS).toISOString()).changes;
  const reports = db.prepare(`DELETE FROM report_outbox WHERE
      (state = 'sent' AND sent_at < ?) OR (state = 'rejected' AND sent_at < ?)`)
    .run(now.getTime() - SENT_KEEP_DAYS * DAY_MS, now.getTime() - REJECTED_KEEP_DAYS * DAY_MS).changes;
  return { profiles, reports };
}

/** A read pushes "last used" forward only when it was last set this long ago, so most reads write nothing. */
const TOUCH_AFTER_MS = 30 * DAY_MS;
/** Residents whose check is remembered; past this the memory starts again (a check costs one UPDATE). */
const MAX_CHECKED = 10_000;

/**
 * `profiles`, with reads counting as use: a resident who asks for their bin day every week but
 * never changes anything keeps their address, as they do on DynamoDB.
 */
export function countReadsAsUse(profiles: ProfileStore, db: Database, clock: Clock): ProfileStore {
  ensureProfilesTable(db);
  const touch = db.prepare<[string, string, string]>('UPDATE profiles SET updated_at = ? WHERE user_id = ? AND updated_at < ?');
  // When each resident's "last used" was last checked here: within a day there is nothing to
  // push forward (it moves by 30 days at a time), so the UPDATE is skipped on most reads.
  const checked = new Map<string, number>();
  return {
    async get(userId) {
      const profile = await profiles.get(userId);
      const now = clock.now();
      if (profile && now.getTime() - (checked.get(userId) ?? -Infinity) >= DAY_MS) {
        touch.run(now.toISOString(), userId, new Date(now.getTime() - TOUCH_AFTER_MS).toISOString());
        if (checked.size >= MAX_CHECKED) checked.clear();
        checked.set(userId, now.getTime());
      }
      return profile;
    },
    put: (profile) => profiles.put(profile),
    delete: (userId) => profiles.delete(userId),
  };
}
