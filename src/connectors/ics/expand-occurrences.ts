/**
 * Expands a parsed calendar into the local dates things happen on, in the council's time zone:
 * RRULE and RDATE add dates, EXDATE and STATUS:CANCELLED remove them (and are reported, since a
 * removed date is either moved or cancelled), RECURRENCE-ID overrides move them.
 */
import type ICAL from 'ical.js';
import { addDays, localDate } from '../../core/dates';
import type { CalendarEvent, ParsedCalendar } from './parse-calendar';

/** One occurrence of one event, on a local date. */
export interface Occurrence {
  date: string;
  /** SUMMARY and CATEGORIES, for matching to bin streams. */
  text: string;
  /** The date it would usually have been, when an override moved it. */
  movedFrom?: string;
  /** From a recurring event (RRULE, RDATE) rather than an event of its own. */
  fromRule: boolean;
}

/** Occurrences, and the usual dates a rule skips (EXDATE) or an event cancels (STATUS:CANCELLED). */
export interface Expansion {
  occurrences: Occurrence[];
  skipped: { date: string; text: string }[];
}

/** A collection moved by up to this many days from outside the window still lands inside it. */
const MOVE_MARGIN_DAYS = 31;
/** Guards against a rule so dense (or so old) that expanding it would stall the answer. */
const MAX_ITERATIONS = 20_000;

/** Occurrences and skipped dates with local dates in [fromDate, toDate), unsorted. */
export function expandOccurrences(calendar: ParsedCalendar, fromDate: string, toDate: string, timeZone: string): Expansion {
  const occurrences: Occurrence[] = [];
  const skipped: Expansion['skipped'] = [];
  const inWindow = (date: string) => date >= fromDate && date < toDate;
  for (const event of calendar.events) {
    if (!event.isRecurring()) {
      const date = toLocalDate(event.startDate, timeZone);
      const usual = event.recurrenceId ? toLocalDate(event.recurrenceId, timeZone) : date;
      if (isCancelled(event)) {
        if (inWindow(usual)) skipped.push({ date: usual, text: describe(event) });
      } else if (inWindow(date)) {
        occurrences.push(withMove({ date, text: describe(event), fromRule: false }, usual));
      }
      continue;
    }
    if (isCancelled(event)) continue;
    for (const excluded of exdatesOf(event)) {
      const date = toLocalDate(excluded, timeZone);
      if (inWindow(date)) skipped.push({ date, text: describe(event) });
    }
    const stopAt = addDays(toDate, MOVE_MARGIN_DAYS);
    const startAt = addDays(fromDate, -MOVE_MARGIN_DAYS);
    for (const recurrenceId of recurrenceIds(event)) {
      const usual = toLocalDate(recurrenceId, timeZone);
      if (usual >= stopAt) break;
      if (usual < startAt) continue;
      const details = event.getOccurrenceDetails(recurrenceId);
      if (isCancelled(details.item)) {
        if (inWindow(usual)) skipped.push({ date: usual, text: describe(details.item) });
        continue;
      }
      const date = toLocalDate(details.startDate, timeZone);
      if (inWindow(date)) occurrences.push(withMove({ date, text: describe(details.item), fromRule: true }, usual));
    }
  }
  return { occurrences, skipped };
}

/**
 * The recurrence ids of a recurring event, in order. ical.js leaves out DTSTART when an event
 * recurs by RDATE alone, though RFC 5545 counts DTSTART as the first instance: put it back.
 */
function* recurrenceIds(event: CalendarEvent): Generator<ICAL.Time> {
  const iterator = event.iterator();
  let first = true;
  for (let i = 0; i < MAX_ITERATIONS; i++) {
    const next = iterator.next();
    if (!next) return;
    if (first && next.compare(event.startDate) > 0 && !isExcluded(event, event.startDate)) yield event.startDate;
    first = false;
    yield next;
  }
}

function exdatesOf(event: CalendarEvent): ICAL.Time[] {
  return event.component.getAllProperties('exdate').flatMap((property) => property.getValues() as ICAL.Time[]);
}

function isExcluded(event: CalendarEvent, time: ICAL.Time): boolean {
  return exdatesOf(event).some((excluded) => excluded.compare(time) === 0);
}

function withMove(occurrence: Occurrence, usual: string): Occurrence {
  return usual === occurrence.date ? occurrence : { ...occurrence, movedFrom: usual };
}

function isCancelled(event: CalendarEvent): boolean {
  return String(event.component.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED';
}

function describe(event: CalendarEvent): string {
  const categories = event.component.getAllProperties('categories').flatMap((property) => property.getValues().map(String));
  return [event.summary ?? '', ...categories].join(' ');
}

/**
 * The local date of a calendar time. All-day dates and floating times are already local (a
 * TZID without its VTIMEZONE also arrives floating: its wall-clock date is the one residents mean);
 * zoned and UTC times are converted to the council's zone, so a 00:30 collection in October
 * stays on its day across the clock change.
 */
export function toLocalDate(time: ICAL.Time, timeZone: string): string {
  const floating = time.isDate || !time.zone || time.zone.tzid === 'floating';
  if (floating) {
    return `${String(time.year).padStart(4, '0')}-${String(time.month).padStart(2, '0')}-${String(time.day).padStart(2, '0')}`;
  }
  return localDate(new Date(time.toUnixTime() * 1000), timeZone);
}
