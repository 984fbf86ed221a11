/**
 * The Open311 GeoReport v2 calls, over HTTP with typed errors, in JSON or XML. The council's own
 * error answers (`[{code, description}]`, or `<errors>` in XML) become ReportRejectedError with
 * the council's description, so the skill can say what was wrong instead of "an error occurred";
 * a refused API key becomes ReportKeyRefusedError.
 */
import type { z } from 'zod';
import { CouncilApiError, CouncilDataError, TimeoutError } from '../../core/errors';
import { ReportKeyRefusedError, ReportRejectedError, UncertainSubmissionError } from '../../core/reports/errors';
import { HttpClient, redactUrl, type HttpCall, type HttpResponse } from '../http';
import {
  createdListSchema, definitionSchema, requestListSchema, servicesSchema, tokenListSchema,
  type Open311Definition, type Open311Request, type Open311Service,
} from './open311-wire';
import { decodeAnswer, errorsIn, saysNoJson, type Answer, type WireFormat } from './open311-format';

/** `auto`: JSON, and XML once the JSON path turns out missing or not JSON (remembered per server). */
export type Open311Format = 'json' | 'xml' | 'auto';

export interface Open311ClientOptions {
  /** Base URL ending before `services.json`, e.g. `https://council.example/open311/v2`. */
  endpoint: string;
  apiKey: string;
  jurisdictionId?: string;
  format?: Open311Format;
  timeoutMs?: number;
  onCall?: (call: HttpCall) => void;
}

/** Statuses the Open311 spec uses for its own errors; the body says what was wrong. */
const OPEN311_ERROR_STATUSES = [400, 401, 403, 404, 406, 415, 422];
const ACCEPT: Record<WireFormat, string> = { json: 'application/json', xml: 'text/xml, application/xml' };

export type CreatedRequest = { serviceRequestId?: string; token?: string; notice?: string };

export class Open311Client {
  private readonly http: HttpClient;
  private readonly base: string;
  /** The format this server speaks, once known; fixed from the start unless the config says auto. */
  private format: WireFormat | undefined;

  constructor(private readonly options: Open311ClientOptions) {
    this.http = new HttpClient({ service: 'reports', timeoutMs: options.timeoutMs, onCall: options.onCall });
    this.base = options.endpoint.replace(/\/+$/, '');
    this.format = options.format === 'json' || options.format === 'xml' ? options.format : undefined;
  }

  /** The format in use: the configured one, or what auto found (undefined before the first answer). */
  get formatInUse(): WireFormat | undefined {
    return this.format;
  }

  private url(resource: string, format: WireFormat, query: Record<string, string> = {}): string {
    const url = new URL(`${this.base}/${resource}.${format}`);
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    if (this.options.jurisdictionId) url.searchParams.set('jurisdiction_id', this.options.jurisdictionId);
    return url.toString();
  }

  private parse<T extends z.ZodType>(schema: T, answer: Answer): z.infer<T> {
    const endpoint = redactUrl(answer.url);
    const value = decodeAnswer(answer.format, answer.text);
    if (value === undefined) throw new CouncilDataError('reports', endpoint, `response is not Open311 ${answer.format.toUpperCase()}`);
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw new CouncilDataError('reports', endpoint, parsed.error.issues[0]?.message ?? 'unexpected shape');
    return parsed.data;
  }

  /**
   * Throws the council's own error, if the answer is one. A 404 in Open311's error shape means
   * "no such thing" (returned, for lookups to answer "not found"); any other 404 is a wrong URL.
   */
  private check(answer: Answer): { found: true } | { found: false; error: ReportRejectedError } {
    if (answer.status < 400) return { found: true };
    const endpoint = redactUrl(answer.url);
    const first = errorsIn(answer)?.[0];
    if (answer.status === 401 || answer.status === 403) {
      throw new ReportKeyRefusedError(answer.status, endpoint, first?.code ?? String(answer.status), first?.description ?? answer.text.slice(0, 200));
    }
    if (!first) throw new CouncilApiError('reports', answer.status, endpoint, answer.text.slice(0, 200));
    const error = new ReportRejectedError(answer.status, endpoint, first.code ?? String(answer.status), first.description ?? '');
    if (answer.status === 404) return { found: false, error };
    throw error;
  }

  private async getAs(format: WireFormat, resource: string, query?: Record<string, string>): Promise<Answer> {
    const url = this.url(resource, format, query);
    const response: HttpResponse = await this.http.request(url, { headers: { accept: ACCEPT[format] }, acceptStatuses: OPEN311_ERROR_STATUSES });
    return { url, status: response.status, text: response.text, format };
  }

  /** GET a resource in the server's format, finding that format first when the config says auto. */
  private async get(resource: string, query?: Record<string, string>): Promise<{ answer: Answer; found: boolean }> {
    let answer: Answer;
    if (this.format) {
      answer = await this.getAs(this.format, resource, query);
    } else {
      answer = await this.getAs('json', resource, query);
      if (saysNoJson(answer)) answer = await this.getAs('xml', resource, query);
      // Remember only an answer that reads as Open311, so one odd page does not fix the format.
      if (answer.status < 400 ? decodeAnswer(answer.format, answer.text) !== undefined : errorsIn(answer) !== undefined) {
        this.format = answer.format;
      }
    }
    return { answer, found: this.check(answer).found };
  }

  /** GET services: every kind of report the council takes. */
  async services(): Promise<Open311Service[]> {
    const { answer, found } = await this.get('services');
    if (!found) throw new CouncilApiError('reports', 404, redactUrl(answer.url), 'the list of services was not found');
    return this.parse(servicesSchema, answer);
  }

  /** GET services/{code}: the questions the council asks for one kind of report. */
  async definition(code: string): Promise<Open311Definition> {
    const { answer, found } = await this.get(`services/${encodeURIComponent(code)}`);
    if (!found) return { service_code: code, attributes: [] };
    return this.parse(definitionSchema, answer);
  }

  /**
   * Form-encoded POST requests; the council answers an id, or a token to swap for one later.
   * In auto mode the format is found with a GET first, so a report is never POSTed twice to learn it.
   */
  async create(form: URLSearchParams): Promise<CreatedRequest> {
    if (!this.format) await this.services();
    const format = this.format ?? 'json';
    const url = `${this.base}/requests.${format}`;
    if (this.options.apiKey) form.set('api_key', this.options.apiKey);
    if (this.options.jurisdictionId) form.set('jurisdiction_id', this.options.jurisdictionId);
    let response: HttpResponse;
    try {
      response = await this.http.request(url, {
        method: 'POST',
        headers: { accept: ACCEPT[format], 'content-type': 'application/x-www-form-urlencoded' },
        body: form.toString(),
        acceptStatuses: OPEN311_ERROR_STATUSES,
      });
    } catch (error) {
      // The report went out and no answer came back in time: the council may have filed it.
      if (error instanceof TimeoutError) throw new UncertainSubmissionError(redactUrl(url), error.message);
      // A gateway that gave up waiting for the council's system: that system may have filed it.
      if (error instanceof CouncilApiError && error.status === 504) throw new UncertainSubmissionError(redactUrl(url), error.message);
      throw error;
    }
    const answer: Answer = { url, status: response.status, text: response.text, format };
    const checked = this.check(answer);
    if (!checked.found) throw checked.error;
    let first: z.infer<typeof createdListSchema>[number] | undefined;
    try {
      first = this.parse(createdListSchema, answer)[0];
    } catch (error) {
      // The report went out and what came back cannot be read: it may have been filed.
      if (error instanceof CouncilDataError) throw new UncertainSubmissionError(redactUrl(url), error.message);
      throw error;
    }
    const created = { serviceRequestId: first?.service_request_id || undefined, token: first?.token || undefined, notice: first?.service_notice ?? undefined };
    if (!created.serviceRequestId && !created.token) throw new UncertainSubmissionError(redactUrl(url), 'neither service_request_id nor token');
    return created;
  }

  /**
   * Whether the server refuses our API key, found without filing anything: a POST with the key
   * and no service_code, which no server can turn into a report. `unknown` when the server
   * checks the form before the key (it answers 400 either way).
   */
  async checkKey(): Promise<'refused' | 'accepted' | 'unknown'> {
    if (!this.format) await this.services();
    const form = new URLSearchParams();
    if (this.options.apiKey) form.set('api_key', this.options.apiKey);
    if (this.options.jurisdictionId) form.set('jurisdiction_id', this.options.jurisdictionId);
    const url = `${this.base}/requests.${this.format ?? 'json'}`;
    const response = await this.http.request(url, {
      method: 'POST',
      headers: { accept: ACCEPT[this.format ?? 'json'], 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
      acceptStatuses: OPEN311_ERROR_STATUSES,
    });
    if (response.status === 401 || response.status === 403) return 'refused';
    const answer: Answer = { url, status: response.status, text: response.text, format: this.format ?? 'json' };
    const said = errorsIn(answer)?.[0]?.description ?? '';
    return response.status === 400 && /service_code/i.test(said) ? 'accepted' : 'unknown';
  }

  /** GET tokens/{token}: the id for a token, once the council has assigned one. */
  async requestIdFor(token: string): Promise<string | undefined> {
    const { answer, found } = await this.get(`tokens/${encodeURIComponent(token)}`);
    if (!found) return undefined;
    const id = this.parse(tokenListSchema, answer).find((t) => t.service_request_id)?.service_request_id;
    return id || undefined;
  }

  /** GET requests/{id}: one request's status, or undefined when the council has none by that id. */
  async request(id: string): Promise<Open311Request | undefined> {
    const { answer, found } = await this.get(`requests/${encodeURIComponent(id)}`);
    if (!found) return undefined;
    return this.parse(requestListSchema, answer)[0];
  }

  /**
   * GET requests for one service code between two instants (GeoReport v2's search), or undefined
   * when the server does not offer the search (404, 400 or 501 on that path).
   */
  async search(serviceCode: string, from: Date, to: Date): Promise<Open311Request[] | undefined> {
    const query = { service_code: serviceCode, start_date: from.toISOString().replace(/\.\d{3}Z$/, 'Z'), end_date: to.toISOString().replace(/\.\d{3}Z$/, 'Z') };
    try {
      const { answer, found } = await this.get('requests', query);
      return found ? this.parse(requestListSchema, answer) : undefined;
    } catch (error) {
      if (error instanceof ReportRejectedError && error.status === 400) return undefined;
      if (error instanceof CouncilApiError && (error.status === 404 || error.status === 501)) return undefined;
      throw error;
    }
  }
}
