/**
 * Bin collections from an iCalendar feed per property, the format many UK councils already
 * publish for residents to subscribe to. Feeds are cached per property because schedules change
 * rarely, so a slow council server slows only the first answer of the day.
 */
import type { BinCollections, BinInspection, Collection, PropertyRef } from '../core/council';
import { addDays, systemClock, type Clock } from '../core/dates';
import type { Logger } from '../core/logger';
import { resolveMoves, type SkippedDate, type StreamDate } from './bins/detect-moves';
import { compileStreamMatcher, type StreamWords } from './bins/match-streams';
import { HttpClient, redactUrl, type HttpCall } from './http';
import { expandOccurrences } from './ics/expand-occurrences';
import type { ParsedCalendar } from './ics/parse-calendar';
import { StaleWhileErrorCache } from './ics/stale-while-error-cache';
import { loadOnFirstUse } from './load-on-first-use';

/**
 * The iCalendar reader, with ical.js, loaded with the first feed: a cold start that answers a
 * launch or a report need not evaluate it. (The expander uses ical.js's types only.)
 */
const calendarReader = loadOnFirstUse(() => import('./ics/parse-calendar'));

export interface IcsBinCollectionsOptions {
  /** Feed address with `{uprn}` where the property goes. */
  urlTemplate: string;
  /** Bin streams and the words in event summaries (or categories) that mean them. */
  streams: StreamWords[];
  /** The council's zone (Europe/London): collection dates are local dates there. */
  timeZone: string;
  /** How long a fetched calendar is used without asking again. 0 asks every time. */
  cacheMinutes: number;
  clock?: Clock;
  timeoutMs?: number;
  onCall?: (call: HttpCall) => void;
  /** The link residents subscribe to, when it differs from the feed the skill reads. */
  publicUrlTemplate?: string;
  /** Told (without property details) when a stale calendar is served because a refresh failed. */
  logger?: Logger;
}

/** A fetched feed, with the answers already worked out from it (most questions are "from today"). */
interface CachedFeed {
  calendar: ParsedCalendar;
  answers: Map<string, Collection[]>;
}

/** Distinct windows remembered per feed: today and tomorrow, for a few window lengths. */
const MAX_ANSWERS_PER_FEED = 16;
/**
 * Dates read either side of the window to learn each bin's usual weekday and rhythm, so a
 * feed with no rule (every date its own event) still shows which dates are moves.
 */
const CONTEXT_DAYS = 84;

export class IcsBinCollections implements BinCollections {
  private readonly http: HttpClient;
  private readonly cache: StaleWhileErrorCache<CachedFeed>;
  private readonly streamsOf: (text: string) => string[];
  private readonly streamOrder: string[];

  constructor(private readonly options: IcsBinCollectionsOptions) {
    this.http = new HttpClient({ service: 'bins', timeoutMs: options.timeoutMs, onCall: options.onCall });
    this.streamsOf = compileStreamMatcher(options.streams);
    this.streamOrder = options.streams.map((stream) => stream.id);
    this.cache = new StaleWhileErrorCache<CachedFeed>({
      freshMs: options.cacheMinutes * 60_000,
      clock: options.clock ?? systemClock,
      // The UPRN stays out of the log: with a user id nearby it says where someone lives.
      onStaleServed: (error) => options.logger?.warn(
        { service: 'bins', error: (error as Error)?.name, status: (error as { status?: number })?.status },
        'collection calendar refresh failed; serving the cached copy',
      ),
    });
  }

  async upcomingCollections(property: PropertyRef, fromDate: string, days: number): Promise<Collection[]> {
    const feed = await this.cache.get(property.uprn, () => this.fetchFeed(property.uprn));
    const key = `${fromDate}/${days}`;
    let answer = feed.answers.get(key);
    if (!answer) {
      answer = this.collectionsFrom(feed, fromDate, days);
      if (feed.answers.size >= MAX_ANSWERS_PER_FEED) feed.answers.clear();
      feed.answers.set(key, answer);
    }
    // Copies, so a caller that edits its answer cannot change the next resident's.
    return answer.map((collection) => ({ ...collection, streams: [...collection.streams] }));
  }

  async inspect(property: PropertyRef, fromDate: string, days: number): Promise<BinInspection> {
    const feed = await this.cache.get(property.uprn, () => this.fetchFeed(property.uprn));
    const { occurrences } = expandOccurrences(feed.calendar, fromDate, addDays(fromDate, days), this.options.timeZone);
    const unmatched = occurrences
      .filter((occurrence) => this.streamsOf(occurrence.text).length === 0)
      .map(({ date, text }) => ({ date, text: text.trim() }))
      .sort((a, b) => a.date.localeCompare(b.date));
    return { collections: this.collectionsFrom(feed, fromDate, days), unmatched };
  }

  private collectionsFrom({ calendar }: CachedFeed, fromDate: string, days: number): Collection[] {
    const toDate = addDays(fromDate, days);
    const expansion = expandOccurrences(calendar, addDays(fromDate, -CONTEXT_DAYS), addDays(toDate, CONTEXT_DAYS), this.options.timeZone);
    // An event the config does not name (a "Christmas tree collection" notice) is not a bin day.
    const dates: StreamDate[] = expansion.occurrences.flatMap((occurrence) => this.streamsOf(occurrence.text)
      .map((stream) => ({ stream, date: occurrence.date, movedFrom: occurrence.movedFrom, fromRule: occurrence.fromRule })));
    const skipped: SkippedDate[] = expansion.skipped.flatMap((gap) => this.streamsOf(gap.text).map((stream) => ({ stream, date: gap.date })));
    return resolveMoves(dates, skipped, this.streamOrder).filter((c) => c.date >= fromDate && c.date < toDate);
  }

  calendarUrl(property: PropertyRef): string {
    return fillTemplate(this.options.publicUrlTemplate ?? this.options.urlTemplate, property.uprn);
  }

  private async fetchFeed(uprn: string): Promise<CachedFeed> {
    const url = fillTemplate(this.options.urlTemplate, uprn);
    const response = await this.http.request(url, { headers: { accept: 'text/calendar, text/plain;q=0.5' } });
    const { parseCalendar } = await calendarReader();
    return { calendar: parseCalendar(response.text, redactUrl(url)), answers: new Map() };
  }
}

function fillTemplate(template: string, uprn: string): string {
  return template.replaceAll('{uprn}', encodeURIComponent(uprn));
}
