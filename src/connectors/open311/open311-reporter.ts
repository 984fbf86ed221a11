/**
 * Reports problems to the council through Open311 GeoReport v2: finds the service for the kind
 * of problem, asks its required questions, files the request and reads its status back.
 * The service list and definitions change rarely, so they are cached (and served stale when
 * the council's server is down, so the dialog can carry on and the outbox can wait).
 */
import type { IssueReport, IssueReporter, ReportQuestion, ReportStatus, SubmitResult } from '../../core/council';
import { localDate, systemClock, type Clock } from '../../core/dates';
import { UnsupportedIssueTypeError } from '../../core/reports/errors';
import { StaleWhileErrorCache } from '../ics/stale-while-error-cache';
import { Open311Client, type Open311ClientOptions } from './open311-client';
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
}

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
  private readonly client: Open311Client;
  private readonly services: StaleWhileErrorCache<Open311Service[]>;
  private readonly definitions: StaleWhileErrorCache<Open311Definition>;

  constructor(private readonly options: Open311ReporterOptions) {
    this.client = new Open311Client(options);
    const cache = { freshMs: options.cacheMs ?? 60 * 60_000, clock: options.clock ?? systemClock };
    this.services = new StaleWhileErrorCache(cache);
    this.definitions = new StaleWhileErrorCache({ ...cache, maxEntries: 200 });
  }

  private async serviceFor(issueType: string): Promise<Open311Service> {
    const services = await this.services.get('services', () => this.client.services());
    const service = matchService(issueType, services, this.options.serviceCodes);
    if (!service) throw new UnsupportedIssueTypeError(issueType);
    return service;
  }

  private async attributesOf(service: Open311Service): Promise<Open311Attribute[]> {
    if (!service.metadata) return [];
    const definition = await this.definitions.get(service.service_code, () => this.client.definition(service.service_code));
    return definition.attributes
      .filter((a) => a.variable)
      .sort((a, b) => (a.order ?? Number.MAX_SAFE_INTEGER) - (b.order ?? Number.MAX_SAFE_INTEGER));
  }

  async questionsFor(issueType: string): Promise<ReportQuestion[]> {
    const service = await this.serviceFor(issueType);
    return (await this.attributesOf(service)).filter((a) => a.required).map(toQuestion);
  }

  async submit(report: IssueReport): Promise<SubmitResult> {
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
    form.set('description', report.description);
    for (const [code, value] of Object.entries(report.attributes ?? {})) {
      const multi = attributes.find((a) => a.code === code)?.datatype === 'multivaluelist';
      form.append(multi ? `attribute[${code}][]` : `attribute[${code}]`, value);
    }
    const created = await this.client.create(form);
    return created.serviceRequestId
      ? { kind: 'accepted', reference: created.serviceRequestId, notice: created.notice }
      : { kind: 'queued', token: created.token ?? '', notice: created.notice };
  }

  async resolveToken(token: string): Promise<string | undefined> {
    return this.client.requestIdFor(token);
  }

  async status(reference: string): Promise<ReportStatus | undefined> {
    const request = await this.client.request(reference);
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
