/**
 * Works out which collections were moved, and which were cancelled, however the council wrote it.
 * Councils write a bank-holiday move three ways, and residents need the same answer from all three:
 * - an iCalendar RECURRENCE-ID override (the source already says where from: `movedFrom`);
 * - the usual date taken out (EXDATE) and a one-off event for the same bin a few days either side;
 * - no rule at all, each date its own event (or a scraper's list), the usual weekday simply
 *   broken around the holiday.
 * A usual date taken out with no replacement nearby is a cancelled collection.
 * Shared by the iCalendar and UKBinCollectionData connectors.
 */
import type { Collection } from '../../core/council';
import { addDays, daysBetween } from '../../core/dates';

/** One bin stream collected on one date, as a feed or scraper gave it. */
export interface StreamDate {
  stream: string;
  /** Local date, `YYYY-MM-DD`. */
  date: string;
  /** Set when the source itself said the collection moved (a RECURRENCE-ID override). */
  movedFrom?: string;
  /** From a repeating rule (RRULE, RDATE): on the usual day by definition, never a guessed move. */
  fromRule?: boolean;
}

/** A usual date of a stream that the source took out (EXDATE, STATUS:CANCELLED). */
export interface SkippedDate {
  stream: string;
  date: string;
}

/** A replacement lies within this many days of the date it replaces ("a few days either side"). */
const MAX_MOVE_DAYS = 6;
/** Below this many dates on one weekday, a stream has no usual day to speak of. */
const MIN_USUAL_DATES = 3;
/** The usual weekday must hold at least this share of a stream's dates. */
const MIN_USUAL_SHARE = 0.6;

/**
 * Collections by date (streams in `order`), moves marked with the usual date, and cancelled usual
 * dates as `status: 'cancelled'` entries; soonest first.
 */
export function resolveMoves(dates: StreamDate[], skipped: SkippedDate[], order: string[]): Collection[] {
  const items = dates.map((item) => ({ ...item }));
  const cancelled = pairSkippedDates(items, skipped);
  for (const stream of new Set(items.map((item) => item.stream))) {
    inferMovesFromWeekday(items.filter((item) => item.stream === stream));
  }
  return [...groupByDate(items, order, undefined), ...groupByDate(cancelled, order, 'cancelled')]
    .sort((a, b) => a.date.localeCompare(b.date) || Number(a.status === 'cancelled') - Number(b.status === 'cancelled'));
}

/** EXDATE + one-off: the nearest unexplained one-off of the same stream replaces the skipped date. */
function pairSkippedDates(items: StreamDate[], skipped: SkippedDate[]): SkippedDate[] {
  const cancelled: SkippedDate[] = [];
  for (const gap of [...skipped].sort((a, b) => a.date.localeCompare(b.date))) {
    const sameStream = items.filter((item) => item.stream === gap.stream);
    // A collection on the skipped date itself (another event for that bin) means nothing was lost.
    if (sameStream.some((item) => item.date === gap.date)) continue;
    const replacement = sameStream
      .filter((item) => !item.fromRule && !item.movedFrom && Math.abs(daysBetween(gap.date, item.date)) <= MAX_MOVE_DAYS)
      .sort((a, b) => Math.abs(daysBetween(gap.date, a.date)) - Math.abs(daysBetween(gap.date, b.date)))[0];
    if (replacement) replacement.movedFrom = gap.date;
    else if (!cancelled.some((c) => c.stream === gap.stream && c.date === gap.date)) cancelled.push(gap);
  }
  return cancelled;
}

/**
 * No rule at all: a date off the stream's usual weekday is a move from the nearest usual weekday,
 * when that date fits the stream's rhythm (weekly, fortnightly...) and has no collection of its own.
 */
function inferMovesFromWeekday(items: StreamDate[]): void {
  const usual = usualWeekday(items);
  if (usual === undefined) return;
  const onUsualDay = items.filter((item) => weekdayOf(item.date) === usual).map((item) => item.date).sort();
  const step = rhythmDays(onUsualDay);
  const taken = new Set(items.map((item) => item.date));
  for (const item of items) {
    if (item.fromRule || item.movedFrom || weekdayOf(item.date) === usual) continue;
    // The nearest usual weekday, at most three days either side.
    const offset = ((usual - weekdayOf(item.date) + 10) % 7) - 3;
    const usualDate = addDays(item.date, offset);
    if (taken.has(usualDate)) continue;
    const anchor = onUsualDay[0];
    if (anchor && step > 0 && Math.abs(daysBetween(anchor, usualDate)) % step !== 0) continue;
    item.movedFrom = usualDate;
  }
}

/** The weekday (0 = Sunday) most of a stream's dates fall on, when there clearly is one. */
function usualWeekday(items: StreamDate[]): number | undefined {
  const counts = new Array<number>(7).fill(0);
  for (const item of items) counts[weekdayOf(item.date)] = (counts[weekdayOf(item.date)] ?? 0) + 1;
  const best = Math.max(...counts);
  if (best < MIN_USUAL_DATES || best / items.length < MIN_USUAL_SHARE) return undefined;
  return counts.indexOf(best);
}

/** The repeat in days (7 weekly, 14 fortnightly): the greatest common divisor of the gaps. */
function rhythmDays(sortedDates: string[]): number {
  let step = 0;
  for (let i = 1; i < sortedDates.length; i++) {
    step = gcd(step, daysBetween(sortedDates[i - 1] as string, sortedDates[i] as string));
  }
  return step;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

function weekdayOf(date: string): number {
  return new Date(`${date}T12:00:00Z`).getUTCDay();
}

function groupByDate(items: (StreamDate | SkippedDate)[], order: string[], status: Collection['status']): Collection[] {
  const byDate = new Map<string, { streams: Set<string>; movedFrom?: string }>();
  for (const item of items) {
    const day = byDate.get(item.date) ?? { streams: new Set<string>() };
    day.streams.add(item.stream);
    if ('movedFrom' in item && item.movedFrom && !day.movedFrom) day.movedFrom = item.movedFrom;
    byDate.set(item.date, day);
  }
  return [...byDate.entries()].map(([date, day]) => {
    const collection: Collection = { date, streams: order.filter((id) => day.streams.has(id)) };
    if (day.movedFrom) collection.movedFrom = day.movedFrom;
    if (status) collection.status = status;
    return collection;
  });
}
