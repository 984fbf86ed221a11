/**
 * Calendar dates as the council's residents live them: local dates (`YYYY-MM-DD`) in the
 * council's time zone, so "tomorrow" is right across midnight and the clock changes.
 */
import { londonDate } from './london-time';

/** A source of the current time, injected so tests can stand on any day. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The local date in `timeZone` at instant `at`, as `YYYY-MM-DD`. */
export function localDate(at: Date, timeZone: string): string {
  // Every UK council's zone, worked out without loading ICU (london-time.ts).
  if (timeZone === 'Europe/London') {
    const london = londonDate(at);
    if (london !== undefined) return london;
  }
  // Building a formatter costs far more than using one; a council has one zone.
  let format = dateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormats.set(timeZone, format);
  }
  // Every turn asks for today; the local date cannot change within a minute (zone offsets are
  // whole minutes), so the answer is kept for the minute.
  const minute = Math.floor(at.getTime() / 60_000);
  const key = `${timeZone}|${minute}`;
  if (lastLocalDate.key === key) return lastLocalDate.date;
  const parts = format.formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const date = `${get('year')}-${get('month')}-${get('day')}`;
  lastLocalDate = { key, date };
  return date;
}

let lastLocalDate = { key: '', date: '' };

/** The local hour (0–23) in `timeZone` at instant `at`. */
export function localHour(at: Date, timeZone: string): number {
  const hour = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(at);
  return Number(hour);
}

function toUtcNoon(date: string): Date {
  return new Date(`${date}T12:00:00Z`);
}

export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(toUtcNoon(value).getTime()) && toUtcNoon(value).toISOString().startsWith(value);
}

/** `date` plus `days` calendar days (negative to go back). */
export function addDays(date: string, days: number): string {
  const d = toUtcNoon(date);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to`. */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtcNoon(to).getTime() - toUtcNoon(from).getTime()) / 86_400_000);
}

// British English names, said without Intl: its first formatter loads ICU's locale data, about
// 20 ms of a cold start (london-time.ts). Other locales ask Intl; test/core/dates.test.ts checks
// these say what Intl says, for every day of several years.
const EN_GB_WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const EN_GB_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "Tuesday" */
export function weekdayName(date: string, locale: string): string {
  return remembered(`weekday|${locale}|${date}`, () => locale === 'en-GB'
    ? EN_GB_WEEKDAYS[toUtcNoon(date).getUTCDay()] ?? ''
    : formatter(`weekday|${locale}`, () => new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' })).format(toUtcNoon(date)));
}

/** "Tuesday 1 December" */
export function longDate(date: string, locale: string): string {
  return remembered(`long|${locale}|${date}`, () => {
    const noon = toUtcNoon(date);
    if (locale === 'en-GB') return `${EN_GB_WEEKDAYS[noon.getUTCDay()] ?? ''} ${noon.getUTCDate()} ${EN_GB_MONTHS[noon.getUTCMonth()] ?? ''}`;
    return formatter(`long|${locale}`, () => new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }))
      .format(noon).replace(',', '');
  });
}

const spokenDates = new Map<string, string>();

/** A date's words, worked out once: the same few weeks of dates are spoken all day. */
function remembered(key: string, work: () => string): string {
  let words = spokenDates.get(key);
  if (words === undefined) {
    // A long-running server sees a new day every day; a small bound keeps the memory flat.
    if (spokenDates.size >= 2000) spokenDates.clear();
    words = work();
    spokenDates.set(key, words);
  }
  return words;
}

const namedFormats = new Map<string, Intl.DateTimeFormat>();

/** The formatter for `key`, built once: a bin-day answer formats a dozen dates, every turn. */
function formatter(key: string, build: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let format = namedFormats.get(key);
  if (!format) {
    format = build();
    namedFormats.set(key, format);
  }
  return format;
}
