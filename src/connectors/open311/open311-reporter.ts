/**
 * Reports problems to the council through Open311 GeoReport v2: finds the service for the kind
 * of problem, asks its required questions, files the request and reads its status back.
 * The service list and definitions change rarely, so they are cached (and served stale when
 * the council's server is down, so the dialog can carry on and the outbox can wait).
 */
import type {
  IssueReport, IssueReporter, ReportQuestion, ReportStatus, SubmitOptions, SubmittedSearch, SubmitResult,
} from '../../core/council';
import { localDate, systemClock, type Clock } from '../../core/dates';
import { silentLogger, type Logger } from '../../core/logger';
import { ReportKeyRefusedError, UnsupportedIssueTypeError } from '../../core/reports/errors';
import { loadOnFirstUse } from '../load-on-first-use';
import { StaleWhileErrorCache } from '../ics/stale-while-error-cache';
import { automatedValue, isAskable } from './automated-attributes';
import type { Open311Client, Open311ClientOptions } from './open311-client';
import type { Open311Attribute, Open311Definition, Open311Service } from './open311-wire';
import { matchService } from './service-match';

export interface Open311ReporterOptions extends Open311ClientOptions {
  /** ISSUE_TYPE id → service_code, from the council config. */
  serviceCodes?: Record<string, string>;
  /** The council's zone, for expected dates as residents' calendar days. */
  timeZone: string;
  /** How long services.json and definitions are kept; one hour by default. */
  cacheMs?: number;
  clock?: Clock;
  /** Told loudly (once an hour) when the council refuses the API key. */
  logger?: Logger;
}

/** How often officers are told, at most, that the council refuses the key. */
export const KEY_ALERT_INTERVAL_MS = 60 * 60_000;
/** How far either side of the first attempt a search for it looks, for clocks that disagree. */
const SEARCH_SLACK_MS = 10 * 60_000;

const DATATYPES = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] as const;

function toQuestion(attribute: Open311Attribute): ReportQuestion {
  const datatype = (DATATYPES as readonly string[]).includes(attribute.datatype) ? (attribute.datatype as ReportQuestion['datatype']) : undefined;
  return {
    code: attribute.code,
    question: attribute.description || attribute.datatype_description || attribute.code,
    required: attribute.required,
    values: attribute.values?.length ? attribute.values : undefined,
    datatype,
  };
}

/** An Open311 timestamp as a calendar date in the council's zone. */
function toLocalDate(value: string | null | undefined, timeZone: string): string | undefined {
  if (!value) return undefined;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? undefined : localDate(at, timeZone);
}

export class Open311Reporter implements IssueReporter {
  private loadedClient: Open311Client | undefined;
  /**
   * The Open311 client, its module loaded on first use: with it come Open311's response schemas
   * (zod) and the XML parser, which a cold start need not pay for when the turn files no report.
   */
  private readonly client = loadOnFirstUse(() => import('./open311-client').then(({ Open311Client }) => (this.loadedClient = new Open311Client(this.options))));
  private readonly services: StaleWhileErrorCache<Open311Service[]>;
  private readonly definitions: StaleWhileErrorCache<Open311Definition>;

  private readonly clock: Clock;
  private lastKeyAlert = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: Open311ReporterOptions) {
    this.clock = options.clock ?? systemClock;
    const cache = { freshMs: options.cacheMs ?? 60 * 60_000, clock: this.clock };
    this.services = new StaleWhileErrorCache(cache);
    this.definitions = new StaleWhileErrorCache({ ...cache, maxEntries: 200 });
  }

  private async serviceFor(issueType: string): Promise<Open311Service> {
    const services = await this.services.get('services', async () => (await this.client()).services());
    const service = matchService(issueType, services, this.options.serviceCodes);
    if (!service) throw new UnsupportedIssueTypeError(issueType);
    return service;
  }

  private async attributesOf(service: Open311Service): Promise<Open311Attribute[]> {
    if (!service.metadata) return [];
    const definition = await this.definitions.get(service.service_code, async () => (await this.client()).definition(service.service_code));
    return definition.attributes
      .filter((a) => a.variable)
      .sort((a, b) => (a.order ?? Number.MAX_SAFE_INTEGER) - (b.order ?? Number.MAX_SAFE_INTEGER));
  }

  /** The format the council's server speaks, once known (for the officer's check). */
  get format(): 'json' | 'xml' | undefined {
    const configured = this.options.format === 'json' || this.options.format === 'xml' ? this.options.format : undefined;
    return this.loadedClient ? this.loadedClient.formatInUse : configured;
  }

  /** The council's services, as its server lists them (for the officer's check). */
  async listServices(): Promise<Open311Service[]> {
    return this.services.get('services', async () => (await this.client()).services());
  }

  /** The service a kind of problem reaches; throws UnsupportedIssueTypeError when none does. */
  async serviceCodeFor(issueType: string): Promise<Open311Service> {
    return this.serviceFor(issueType);
  }

  /** Whether the server refuses our API key, without filing anything (for the officer's check). */
  async checkKey(): Promise<'refused' | 'accepted' | 'unknown'> {
    return (await this.client()).checkKey();
  }

  /** Every attribute of a service, automated ones included (for the officer's check). */
  async attributesFor(service: Open311Service): Promise<Open311Attribute[]> {
    return this.attributesOf(service);
  }

  async questionsFor(issueType: string): Promise<ReportQuestion[]> {
    const service = await this.serviceFor(issueType);
    return (await this.attributesOf(service)).filter((a) => a.required && isAskable(a)).map(toQuestion);
  }

  async submit(report: IssueReport, options: SubmitOptions = {}): Promise<SubmitResult> {
    try {
      return await this.send(report, options);
    } catch (error) {
      if (error instanceof ReportKeyRefusedError) this.alertKeyRefused(error);
      throw error;
    }
  }

  /**
   * A refused key is the council's configuration: nothing a resident or a retry can fix. One loud
   * line an hour tells whoever runs the service exactly what to change, without flooding the log.
   */
  private alertKeyRefused(error: ReportKeyRefusedError): void {
    const now = this.clock.now().getTime();
    if (now - this.lastKeyAlert < KEY_ALERT_INTERVAL_MS) return;
    this.lastKeyAlert = now;
    (this.options.logger ?? silentLogger).error(
      { endpoint: error.endpoint, status: error.status, council: error.detail },
      `The council's Open311 server refuses our API key (${error.status}). Reports are kept and retried slowly until it accepts them: check reports.apiKey in the council config with the council's Open311 supplier.`,
    );
  }

  private async send(report: IssueReport, options: SubmitOptions): Promise<SubmitResult> {
    const service = await this.serviceFor(report.issueType);
    const attributes = await this.attributesOf(service);
    const form = new URLSearchParams();
    form.set('service_code', service.service_code);
    form.set('address_string', report.location);
    // GeoReport's address_id is "the jurisdiction's master address ID": in the UK, the UPRN.
    if (report.uprn) form.set('address_id', report.uprn);
    if (report.lat !== undefined && report.long !== undefined) {
      form.set('lat', String(report.lat));
      form.set('long', String(report.long));
    }
    form.set('description', options.marker ? `${report.description} [${options.marker}]` : report.description);
    const answers = new Map(Object.entries(report.attributes ?? {}));
    for (const attribute of attributes) {
      const value = isAskable(attribute) ? answers.get(attribute.code) : automatedValue(attribute, report);
      answers.delete(attribute.code);
      if (value === undefined) continue;
      form.append(attribute.datatype === 'multivaluelist' ? `attribute[${attribute.code}][]` : `attribute[${attribute.code}]`, value);
    }
    // Answers to questions the council no longer lists (it changed the form meanwhile) still go.
    for (const [code, value] of answers) form.append(`attribute[${code}]`, value);
    const created = await (await this.client()).create(form);
    return created.serviceRequestId
      ? { kind: 'accepted', reference: created.serviceRequestId, notice: created.notice }
      : { kind: 'queued', token: created.token ?? '', notice: created.notice };
  }

  /**
   * Looks for a report sent earlier with `marker` in its description, in the council's list of
   * requests for its service around `since`. A server that lists requests without their
   * descriptions cannot be searched this way.
   */
  async findSubmitted(report: IssueReport, marker: string, since: Date): Promise<SubmittedSearch> {
    const service = await this.serviceFor(report.issueType);
    const found = await (await this.client()).search(service.service_code, new Date(since.getTime() - SEARCH_SLACK_MS), new Date(this.clock.now().getTime() + SEARCH_SLACK_MS));
    if (!found) return { kind: 'cannot-search' };
    const match = found.find((request) => request.description?.includes(marker));
    if (match) return { kind: 'found', result: { kind: 'accepted', reference: match.service_request_id } };
    if (found.length > 0 && found.every((request) => !request.description)) return { kind: 'cannot-search' };
    return { kind: 'not-found' };
  }

  async resolveToken(token: string): Promise<string | undefined> {
    return (await this.client()).requestIdFor(token);
  }

  async status(reference: string): Promise<ReportStatus | undefined> {
    const request = await (await this.client()).request(reference);
    if (!request) return undefined;
    return {
      reference: request.service_request_id,
      status: request.status?.toLowerCase() === 'closed' ? 'closed' : 'open',
      statusNotes: request.status_notes ?? undefined,
      serviceName: request.service_name ?? undefined,
      expectedDate: toLocalDate(request.expected_datetime, this.options.timeZone),
      updatedDate: toLocalDate(request.updated_datetime, this.options.timeZone),
    };
  }
}
