/**
 * How long the skill keeps what it stores, wherever it stores it (DynamoDB TTL, the SQLite
 * purge). PRIVACY.md tells residents these numbers: change both together.
 */

/** A profile is kept this long after the resident last used the skill: a year of bin days and a month's grace. */
export const PROFILE_KEEP_MONTHS = 13;
/** A report the council accepted: long enough to ask "what's happening with my report" and for officers to look. */
export const SENT_KEEP_DAYS = 30;
/** A report the council refused stays longer, so officers can follow it up with the resident. */
export const REJECTED_KEEP_DAYS = 90;
// A report still waiting to be sent is never expired: the resident was told it would arrive.

/** `at` moved by `months` calendar months (negative for earlier). */
export function addMonths(at: Date, months: number): Date {
  const moved = new Date(at.getTime());
  moved.setUTCMonth(moved.getUTCMonth() + months);
  return moved;
}
