/**
 * The five Open311 GeoReport v2 calls, over HTTP with typed errors: the council's own error
 * answers (`[{code, description}]`) become ReportRejectedError with the council's description,
 * so the skill can say what was wrong instead of "an error occurred".
 */
import type { z } from 'zod';
import { CouncilApiError, CouncilDataError } from '../../core/errors';
import { ReportRejectedError, UncertainSubmissionError } from '../../core/reports/errors';
import { HttpClient, redactUrl, type HttpCall, type HttpResponse } from '../http';
import {
  createdListSchema, definitionSchema, errorListSchema, requestListSchema, servicesSchema, tokenListSchema,
  type Open311Definition, type Open311Request, type Open311Service,
} from './open311-wire';

export interface Open311ClientOptions {
  /** Base URL ending before `services.json`, e.g. `https://council.example/open311/v2`. */
  endpoint: string;
  apiKey: string;
  jurisdictionId?: string;
  timeoutMs?: number;
  onCall?: (call: HttpCall) => void;
}

/** Statuses the Open311 spec uses for its own errors; the body says what was wrong. */
const OPEN311_ERROR_STATUSES = [400, 401, 403, 404, 422];

export type CreatedRequest = { serviceRequestId?: string; token?: string; notice?: string };

export class Open311Client {
  private readonly http: HttpClient;
  private readonly base: string;

  constructor(private readonly options: Open311ClientOptions) {
    this.http = new HttpClient({ service: 'reports', timeoutMs: options.timeoutMs, onCall: options.onCall });
    this.base = options.endpoint.replace(/\/+$/, '');
  }

  private url(path: string): string {
    const url = new URL(`${this.base}/${path}`);
    if (this.options.jurisdictionId) url.searchParams.set('jurisdiction_id', this.options.jurisdictionId);
    return url.toString();
  }

  private parse<T extends z.ZodType>(schema: T, url: string, response: HttpResponse): z.infer<T> {
    const parsed = schema.safeParse(this.http.parseJson(url, response.text));
    if (!parsed.success) {
      throw new CouncilDataError('reports', redactUrl(url), parsed.error.issues[0]?.message ?? 'unexpected shape');
    }
    return parsed.data;
  }

  /**
   * Throws the council's own error, if the answer is one. A 404 in Open311's error shape means
   * "no such thing" (returned, for lookups to answer "not found"); any other 404 is a wrong URL.
   */
  private check(url: string, response: HttpResponse): { found: true } | { found: false; error: ReportRejectedError } {
    if (response.status < 400) return { found: true };
    let body: unknown;
    try {
      body = JSON.parse(response.text);
    } catch {
      body = undefined;
    }
    const errors = errorListSchema.safeParse(body);
    if (!errors.success) throw new CouncilApiError('reports', response.status, redactUrl(url), response.text.slice(0, 200));
    const first = errors.data[0];
    const error = new ReportRejectedError(response.status, redactUrl(url), first?.code ?? String(response.status), first?.description ?? '');
    if (response.status === 404) return { found: false, error };
    throw error;
  }

  private async get(path: string): Promise<{ url: string; response: HttpResponse; found: boolean }> {
    const url = this.url(path);
    const response = await this.http.request(url, { headers: { accept: 'application/json' }, acceptStatuses: OPEN311_ERROR_STATUSES });
    return { url, response, found: this.check(url, response).found };
  }

  /** GET services.json: every kind of report the council takes. */
  async services(): Promise<Open311Service[]> {
    const { url, response, found } = await this.get('services.json');
    if (!found) throw new CouncilApiError('reports', 404, redactUrl(url), 'services.json not found');
    return this.parse(servicesSchema, url, response);
  }

  /** GET services/{code}.json: the questions the council asks for one kind of report. */
  async definition(code: string): Promise<Open311Definition> {
    const { url, response, found } = await this.get(`services/${encodeURIComponent(code)}.json`);
    if (!found) return { service_code: code, attributes: [] };
    return this.parse(definitionSchema, url, response);
  }

  /** Form-encoded POST requests.json; the council answers an id, or a token to swap for one later. */
  async create(form: URLSearchParams): Promise<CreatedRequest> {
    const url = `${this.base}/requests.json`;
    if (this.options.apiKey) form.set('api_key', this.options.apiKey);
    if (this.options.jurisdictionId) form.set('jurisdiction_id', this.options.jurisdictionId);
    const response = await this.http.request(url, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
      acceptStatuses: OPEN311_ERROR_STATUSES,
    });
    const checked = this.check(url, response);
    if (!checked.found) throw checked.error;
    let first: z.infer<typeof createdListSchema>[number] | undefined;
    try {
      first = this.parse(createdListSchema, url, response)[0];
    } catch (error) {
      // The report went out and what came back cannot be read: it may have been filed.
      if (error instanceof CouncilDataError) throw new UncertainSubmissionError(redactUrl(url), error.message);
      throw error;
    }
    const created = { serviceRequestId: first?.service_request_id ?? undefined, token: first?.token ?? undefined, notice: first?.service_notice ?? undefined };
    if (!created.serviceRequestId && !created.token) throw new UncertainSubmissionError(redactUrl(url), 'neither service_request_id nor token');
    return created;
  }

  /** GET tokens/{token}.json: the id for a token, once the council has assigned one. */
  async requestIdFor(token: string): Promise<string | undefined> {
    const { url, response, found } = await this.get(`tokens/${encodeURIComponent(token)}.json`);
    if (!found) return undefined;
    const id = this.parse(tokenListSchema, url, response).find((t) => t.service_request_id)?.service_request_id;
    return id ?? undefined;
  }

  /** GET requests/{id}.json: one request's status, or undefined when the council has none by that id. */
  async request(id: string): Promise<Open311Request | undefined> {
    const { url, response, found } = await this.get(`requests/${encodeURIComponent(id)}.json`);
    if (!found) return undefined;
    return this.parse(requestListSchema, url, response)[0];
  }
}
