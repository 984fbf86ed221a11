/**
 * Builds a property's bin collection feed (RFC 5545) from its round, the way council waste
 * systems publish them: one never-ending recurring event per bin, bank-holiday moves as
 * RECURRENCE-ID overrides, and pauses as EXDATEs.
 */
import ICAL from 'ical.js';
import { addDays, longDate } from '../core/dates';
import { isUsualDay, type CollectionRounds, type Property, type ScheduledCollection } from './sample-data';

const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

/** The iCalendar text for `property`, ending in CRLF as RFC 5545 asks. */
export function buildCollectionCalendar(property: Property, rounds: CollectionRounds): string {
  const calendar = new ICAL.Component(['vcalendar', [], []]);
  calendar.updatePropertyWithValue('prodid', '-//Demo Borough Council//Bin collections//EN');
  calendar.updatePropertyWithValue('version', '2.0');
  calendar.updatePropertyWithValue('calscale', 'GREGORIAN');
  calendar.updatePropertyWithValue('method', 'PUBLISH');
  calendar.updatePropertyWithValue('x-wr-calname', `Bin collections: ${propertyLabel(property)}`);
  calendar.updatePropertyWithValue('x-wr-timezone', 'Europe/London');

  const round = rounds.rounds.find((candidate) => candidate.name === property.round);
  const stamp = ICAL.Time.fromDateTimeString(rounds.published.replace(/\.\d+Z$/, 'Z'));
  for (const collection of round?.collections ?? []) {
    if (collection.gardenSubscribersOnly && !property.gardenWaste) continue;
    for (const event of buildEvents(property, collection, rounds, stamp)) calendar.addSubcomponent(event);
  }
  return `${calendar.toString()}\r\n`;
}

function buildEvents(property: Property, collection: ScheduledCollection, rounds: CollectionRounds, stamp: ICAL.Time): ICAL.Component[] {
  const uid = `${property.uprn}-${slug(collection.what)}@demo-council.example`;
  const weekday = WEEKDAYS[new Date(`${collection.firstDate}T12:00:00Z`).getUTCDay()] ?? 'MO';
  const master = allDayEvent(uid, collection.firstDate, collection.what, stamp);
  const interval = collection.everyWeeks > 1 ? `;INTERVAL=${collection.everyWeeks}` : '';
  master.updatePropertyWithValue('rrule', ICAL.Recur.fromString(`FREQ=WEEKLY${interval};BYDAY=${weekday}`));

  const paused = new Set(rounds.noCollections
    .filter((pause) => pause.what === collection.what)
    .flatMap((pause) => pause.dates.filter((date) => isUsualDay(collection, date))));
  for (const date of [...paused].sort()) master.addPropertyWithValue('exdate', ICAL.Time.fromDateString(date));

  const events = [master];
  for (const move of rounds.bankHolidayMoves) {
    if (paused.has(move.usualDate) || !isUsualDay(collection, move.usualDate)) continue;
    const moved = allDayEvent(uid, move.movedTo, collection.what, stamp);
    moved.updatePropertyWithValue('recurrence-id', ICAL.Time.fromDateString(move.usualDate));
    moved.updatePropertyWithValue('description',
      `Moved from ${longDate(move.usualDate, 'en-GB')} because of ${move.why}.`);
    events.push(moved);
  }
  return events;
}

function allDayEvent(uid: string, date: string, summary: string, stamp: ICAL.Time): ICAL.Component {
  const event = new ICAL.Component('vevent');
  event.updatePropertyWithValue('uid', uid);
  event.updatePropertyWithValue('dtstamp', stamp);
  event.updatePropertyWithValue('dtstart', ICAL.Time.fromDateString(date));
  // DTEND is exclusive: an all-day event ends at the start of the next day.
  event.updatePropertyWithValue('dtend', ICAL.Time.fromDateString(addDays(date, 1)));
  event.updatePropertyWithValue('summary', summary);
  event.updatePropertyWithValue('transp', 'TRANSPARENT');
  return event;
}

/** "Flat 1, 12 High Street" */
export function propertyLabel(property: Property): string {
  const street = property.houseNumber ? `${property.houseNumber} ${property.street}` : property.street;
  return [property.flat, property.houseName, street].filter(Boolean).join(', ');
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}
