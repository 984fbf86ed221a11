/**
 * Europe/London's clock without Intl. The first Intl formatter a process builds (dates, lists,
 * numbers) loads ICU's locale data: about 20 ms of CPU, which every Lambda cold start that answers
 * a bin day paid before saying a word. Every council in the UK keeps Europe/London's clock, and
 * its rule is short: British Summer Time, one hour ahead of UTC, from 01:00 UTC on the last Sunday
 * of March to 01:00 UTC on the last Sunday of October (the EU rule, in force since 1996).
 * Outside the years below, and for any other zone, dates.ts asks Intl as before.
 * test/core/london-time.test.ts checks the rule against Node's own time zone data, every half
 * hour around every clock change, for 1996-2037; past that the data repeats the same rule.
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** The years the rule is used for; a change in the law would show in the test against Node's data. */
export const LONDON_RULE_YEARS = { first: 1996, last: 2099 } as const;

/** 01:00 UTC on the last Sunday of `month` (0-based) of `year`: when the UK's clocks change. */
function clockChange(year: number, month: number): number {
  const lastDay = Date.UTC(year, month + 1, 0, 1);
  return lastDay - new Date(lastDay).getUTCDay() * DAY_MS;
}

/** Europe/London's offset from UTC at `at`, in ms, or undefined outside LONDON_RULE_YEARS. */
export function londonOffsetMs(at: Date): number | undefined {
  const year = at.getUTCFullYear();
  if (!(year >= LONDON_RULE_YEARS.first && year <= LONDON_RULE_YEARS.last)) return undefined;
  const time = at.getTime();
  return time >= clockChange(year, 2) && time < clockChange(year, 9) ? HOUR_MS : 0;
}

/** The date (`YYYY-MM-DD`) on a London clock at `at`, or undefined outside LONDON_RULE_YEARS. */
export function londonDate(at: Date): string | undefined {
  const offset = londonOffsetMs(at);
  return offset === undefined ? undefined : new Date(at.getTime() + offset).toISOString().slice(0, 10);
}
