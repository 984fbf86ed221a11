/**
 * Reads an iCalendar (RFC 5545) feed with ical.js into recurring events that already know their
 * overrides (RECURRENCE-ID), ready to expand into dates.
 */
import ICAL from 'ical.js';
import { CouncilDataError } from '../../core/errors';

export type CalendarEvent = ICAL.Event;

/** The events of one feed: each master carries its overrides; orphan overrides stand alone. */
export interface ParsedCalendar {
  events: CalendarEvent[];
}

/** Parses `text`; throws CouncilDataError('bins') when it is not a usable calendar. */
export function parseCalendar(text: string, endpoint: string): ParsedCalendar {
  const root = parseRoot(text, endpoint);
  const masters: CalendarEvent[] = [];
  const masterByUid = new Map<string, CalendarEvent>();
  const overrides: CalendarEvent[] = [];
  for (const component of root.getAllSubcomponents('vevent')) {
    // Left to itself ical.js relates every override in the file to every event, whatever its
    // UID; we relate them ourselves, by UID.
    const event = new ICAL.Event(component, { strictExceptions: true, exceptions: [] });
    if (!event.startDate) throw new CouncilDataError('bins', endpoint, 'an event has no DTSTART');
    if (event.isRecurrenceException()) {
      overrides.push(event);
    } else {
      masters.push(event);
      // Some feeds reuse one UID for unrelated single events; overrides attach to the first.
      if (!masterByUid.has(event.uid)) masterByUid.set(event.uid, event);
    }
  }
  const events = [...masters];
  for (const override of overrides) {
    const master = masterByUid.get(override.uid);
    if (master?.isRecurring()) master.relateException(override);
    else events.push(override);
  }
  for (const event of events) checkRecurrence(event, endpoint);
  return { events };
}

function parseRoot(text: string, endpoint: string): ICAL.Component {
  let jcal: unknown;
  try {
    jcal = ICAL.parse(text);
  } catch {
    throw new CouncilDataError('bins', endpoint, 'not an iCalendar file');
  }
  // ical.js returns one component, or a list of them when the text holds several roots.
  const first = Array.isArray(jcal) && typeof jcal[0] !== 'string' ? (jcal as unknown[])[0] : jcal;
  if (!Array.isArray(first) || first[0] !== 'vcalendar') {
    throw new CouncilDataError('bins', endpoint, 'no VCALENDAR in the feed');
  }
  return new ICAL.Component(first);
}

/** A broken RRULE would otherwise fail on every request that reads the cached copy. */
function checkRecurrence(event: CalendarEvent, endpoint: string): void {
  if (!event.isRecurring()) return;
  try {
    event.iterator().next();
  } catch {
    throw new CouncilDataError('bins', endpoint, `event ${event.uid} has an unreadable recurrence rule`);
  }
}
