/**
 * Dates as residents say them ("tomorrow", "next Tuesday", "the 3rd of December"), read by
 * chrono-node in the council's time zone and given as the platforms give them: `YYYY-MM-DD`
 * for a day, `YYYY-Www` for a week, `YYYY-Www-WE` for a weekend (as AMAZON.DATE does).
 */
import * as chrono from 'chrono-node';
import type { Sentence } from './sentence';

export interface DateSpan {
  from: number;
  to: number;
  value: string;
}

export interface DateReference {
  now: () => Date;
  timeZone: string;
}

/** Words without which a sentence has no date, so chrono (the slow part) is not asked. */
const DATE_WORDS = new Set([
  'today', 'tomorrow', 'tonight', 'yesterday', 'week', 'weekend', 'fortnight', 'monday', 'tuesday', 'wednesday',
  'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june', 'july',
  'august', 'september', 'october', 'november', 'december', 'christmas', 'days',
]);

function isDateWord(word: string): boolean {
  return DATE_WORDS.has(word) || /^\d{1,2}(st|nd|rd|th)$/.test(word) || /^\d{1,2}\/\d{1,2}/.test(word);
}

/** Words a date can reach from its date words: "next Tuesday", "the 3rd of December 2026". */
const REACH_BEFORE = 3;
const REACH_AFTER = 3;

/** `YYYY-Www` for the ISO week holding a local date. */
export function isoWeek(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  // The ISO week belongs to the year of its Thursday.
  day.setUTCDate(day.getUTCDate() + 4 - (day.getUTCDay() || 7));
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The council's wall-clock time at `now`, as a Date whose UTC fields show it. chrono then works
 * in UTC, so "tomorrow" is the council's tomorrow whatever zone the server runs in.
 */
function wallClock(now: Date, timeZone: string): Date {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23' });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(now).map((p) => [p.type, Number(p.value)]));
  return new Date(Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0));
}

/**
 * chrono's answers by the words asked and the minute: the same stretch ("this week", "tomorrow")
 * recurs across the thousands of samples read when the classifier is trained. Day-level answers
 * cannot change within a minute; bounded, so a long-running simulator does not grow it.
 */
const parsed = new Map<string, chrono.ParsedResult[]>();
const PARSED_KEPT = 2000;

function parseDates(joined: string, reference: DateReference): chrono.ParsedResult[] {
  const instant = wallClock(reference.now(), reference.timeZone);
  const key = `${Math.floor(instant.getTime() / 60_000)} ${joined}`;
  const known = parsed.get(key);
  if (known) return known;
  const results = chrono.en.GB.parse(joined, { instant, timezone: 'UTC' }, { forwardDate: true });
  if (parsed.size >= PARSED_KEPT) parsed.clear();
  parsed.set(key, results);
  return results;
}

function pad(n: number | null): string {
  return String(n ?? 0).padStart(2, '0');
}

/** Every date the sentence mentions, as token spans, cached on the sentence. */
export function findDates(sentence: Sentence, reference: DateReference): DateSpan[] {
  const cached = sentence.scratch.get('dates') as DateSpan[] | undefined;
  if (cached) return cached;
  const spans: DateSpan[] = [];
  const first = sentence.words.findIndex(isDateWord);
  if (first >= 0) {
    let last = first;
    sentence.words.forEach((word, i) => { if (isDateWord(word)) last = i; });
    // Only the stretch around the date words goes to chrono: it is the slow part of the NLU.
    const from = Math.max(0, first - REACH_BEFORE);
    const to = Math.min(sentence.words.length, last + 1 + REACH_AFTER);
    // The comparable words joined by single spaces, so offsets map back to tokens.
    const starts = sentence.words.map((_, i) => (i < from ? -1 : Infinity));
    let joined = '';
    for (let i = from; i < to; i++) {
      if (i > from) joined += ' ';
      starts[i] = joined.length;
      joined += sentence.words[i];
    }
    const results = parseDates(joined, reference);
    for (const result of results) {
      const start = starts.findIndex((s) => s >= result.index);
      const end = result.index + result.text.length;
      let stop = start;
      while (stop < starts.length && (starts[stop] ?? Infinity) < end) stop++;
      if (start < 0 || stop <= start) continue;
      const found = result.start;
      const day = `${found.get('year')}-${pad(found.get('month'))}-${pad(found.get('day'))}`;
      const saysWeek = / week(end)?$/.test(result.text) && !found.isCertain('weekday');
      const value = !saysWeek ? day : result.text.endsWith('weekend') ? `${isoWeek(day)}-WE` : isoWeek(day);
      spans.push({ from: start, to: stop, value });
    }
  }
  sentence.scratch.set('dates', spans);
  return spans;
}
