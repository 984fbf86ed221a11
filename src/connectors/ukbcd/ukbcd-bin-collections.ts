/**
 * Bin collections from a self-hosted UKBinCollectionData API server, for the many councils that
 * publish no feed: `GET {url}/api/bin_collection/{council}` runs that council's scraper for one
 * property. Scraping is slow and fragile, so answers are cached per property, a stale copy is
 * served when a refresh fails, and anything the scraper could not read is the council's data
 * problem (CouncilDataError), never a crash.
 */
import type { BinCollections, BinInspection, Collection, PropertyRef } from '../../core/council';
import { addDays, localDate, systemClock, type Clock } from '../../core/dates';
import { CouncilApiError, CouncilDataError } from '../../core/errors';
import type { Logger } from '../../core/logger';
import { resolveMoves } from '../bins/detect-moves';
import { compileStreamMatcher, type StreamWords } from '../bins/match-streams';
import { HttpClient, redactUrl, type HttpCall } from '../http';
import { StaleWhileErrorCache } from '../ics/stale-while-error-cache';
import { loadOnFirstUse } from '../load-on-first-use';
import { buildQuery, type AddressField } from './ukbcd-query';
import { parseCollectionDate } from './ukbcd-wire';

/** A scrape drives the council's own web form: slower than a feed, and not worth repeating at once. */
export const UKBCD_DEFAULT_TIMEOUT_MS = 6000;
/** Dates either side of the window read to learn each bin's usual weekday. */
const CONTEXT_DAYS = 84;

/** The answers' schemas, loaded with zod on the first scrape. */
const schemas = loadOnFirstUse(() => import('./ukbcd-schemas'));
type UkbcdSchemas = Awaited<ReturnType<typeof schemas>>;

export interface UkbcdBinCollectionsOptions {
  /** The API server, e.g. http://ukbcd.internal:8080 (its routes sit under /api). */
  url: string;
  /** The council's module name in UKBinCollectionData, e.g. GedlingBoroughCouncil. */
  council: string;
  /** Per-council query parameters from its input.json (url, skip_get_url, usrn...). */
  params?: Record<string, string | number | boolean>;
  /** Which of the resident's address details the scraper is sent. */
  addressFields?: AddressField[];
  /** Bin streams and the words in the council's bin types that mean them. */
  streams: StreamWords[];
  /** The council's zone: "today", against which only-past answers are judged. */
  timeZone: string;
  cacheMinutes: number;
  timeoutMs?: number;
  clock?: Clock;
  onCall?: (call: HttpCall) => void;
  logger?: Logger;
}

/** One bin type on one date, as the scraper said it. */
interface ScrapedDate {
  date: string;
  type: string;
}

export class UkbcdBinCollections implements BinCollections {
  private readonly http: HttpClient;
  private readonly cache: StaleWhileErrorCache<ScrapedDate[]>;
  private readonly streamsOf: (text: string) => string[];
  private readonly streamOrder: string[];
  private readonly clock: Clock;
  private readonly endpoint: string;

  constructor(private readonly options: UkbcdBinCollectionsOptions) {
    this.clock = options.clock ?? systemClock;
    this.http = new HttpClient({ service: 'bins', timeoutMs: options.timeoutMs ?? UKBCD_DEFAULT_TIMEOUT_MS, retries: 0, onCall: options.onCall });
    this.streamsOf = compileStreamMatcher(options.streams);
    this.streamOrder = options.streams.map((stream) => stream.id);
    this.endpoint = `${options.url.replace(/\/+$/, '')}/api/bin_collection/${encodeURIComponent(options.council)}`;
    this.cache = new StaleWhileErrorCache<ScrapedDate[]>({
      freshMs: options.cacheMinutes * 60_000,
      clock: this.clock,
      onStaleServed: (error) => options.logger?.warn(
        { service: 'bins', connector: 'ukbcd', error: (error as Error)?.name, status: (error as { status?: number })?.status },
        'UKBinCollectionData refresh failed; serving the cached copy',
      ),
    });
  }

  async upcomingCollections(property: PropertyRef, fromDate: string, days: number): Promise<Collection[]> {
    return this.collectionsFrom(await this.scrape(property), fromDate, days);
  }

  async inspect(property: PropertyRef, fromDate: string, days: number): Promise<BinInspection> {
    const scraped = await this.scrape(property);
    const toDate = addDays(fromDate, days);
    const unmatched = scraped
      .filter((item) => item.date >= fromDate && item.date < toDate && this.streamsOf(item.type).length === 0)
      .map(({ date, type }) => ({ date, text: type }));
    return { collections: this.collectionsFrom(scraped, fromDate, days), unmatched };
  }

  private collectionsFrom(scraped: ScrapedDate[], fromDate: string, days: number): Collection[] {
    const toDate = addDays(fromDate, days);
    // Every date is its own entry here, so moves show only as a broken weekday: detect-moves reads
    // them from the dates near the window (a scraper that put last January's dates in the list, as
    // Gateshead's once did, would otherwise blur the usual weekday).
    const near = (date: string) => date >= addDays(fromDate, -CONTEXT_DAYS) && date < addDays(toDate, CONTEXT_DAYS);
    const dates = scraped.filter((item) => near(item.date))
      .flatMap((item) => this.streamsOf(item.type).map((stream) => ({ stream, date: item.date })));
    return resolveMoves(dates, [], this.streamOrder).filter((c) => c.date >= fromDate && c.date < toDate);
  }

  private scrape(property: PropertyRef): Promise<ScrapedDate[]> {
    const query = buildQuery(property, this.options.addressFields, this.options.params);
    return this.cache.get(query.toString(), () => this.fetchDates(query));
  }

  private async fetchDates(query: URLSearchParams): Promise<ScrapedDate[]> {
    const { readErrorMessage } = await schemas();
    const url = `${this.endpoint}?${query.toString()}`;
    const response = await this.http.request(url, { headers: { accept: 'application/json' } }).catch((error: unknown) => {
      // The server's own reason ("Invalid UPRN", a scraper's exception) is worth a line in the log.
      if (error instanceof CouncilApiError && error.detail) {
        throw new CouncilApiError('bins', error.status, error.endpoint, readErrorMessage(error.detail) ?? error.detail);
      }
      throw error;
    });
    return this.readDates(await schemas(), response.text, redactUrl(url));
  }

  private readDates({ binDataSchema, readErrorMessage }: UkbcdSchemas, text: string, endpoint: string): ScrapedDate[] {
    const body = this.http.parseJson<unknown>(endpoint, text);
    const parsed = binDataSchema.safeParse(body);
    if (!parsed.success) {
      const reason = readErrorMessage(text);
      throw new CouncilDataError('bins', endpoint, reason ? `error instead of bins: ${reason}` : 'answer has no bins list');
    }
    if (parsed.data.bins.length === 0) throw new CouncilDataError('bins', endpoint, 'the scraper found no collections');
    const dates = parsed.data.bins.map((bin) => {
      const date = parseCollectionDate(bin.collectionDate);
      if (!date) throw new CouncilDataError('bins', endpoint, `collection date "${bin.collectionDate.slice(0, 20)}" is not a date (dd/mm/yyyy, or a day with a month name)`);
      return { date, type: bin.type.trim() };
    });
    const today = localDate(this.clock.now(), this.options.timeZone);
    if (dates.every((item) => item.date < today)) throw new CouncilDataError('bins', endpoint, 'only past collection dates');
    return dates.sort((a, b) => a.date.localeCompare(b.date));
  }
}
