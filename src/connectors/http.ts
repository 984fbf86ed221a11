/**
 * The one way connectors call council back ends: HTTP as fetch speaks it (redirects followed,
 * compressed answers decompressed, UTF-8 text), over node:http (node-http.ts, which loads in a
 * fraction of fetch's time), with a timeout, a retry for idempotent GETs, and typed errors that
 * say who failed (see core/errors).
 */
import type { IncomingHttpHeaders } from 'node:http';
import { CouncilApiError, CouncilDataError, NetworkError, ServiceUnavailableError, TimeoutError, type CouncilService } from '../core/errors';
import { CircuitBreaker } from './circuit-breaker';
import { exchange, ExchangeFailure } from './node-http';

/** Alexa gives up at 8 s; 2.5 s leaves room for a retry and the apology. */
export const DEFAULT_TIMEOUT_MS = 2500;

export interface HttpCall {
  method: string;
  url: string;
  status: number;
  ms: number;
}

export interface HttpOptions {
  service: CouncilService;
  timeoutMs?: number;
  /** Extra attempts for GETs after a network error, timeout or 5xx. */
  retries?: number;
  /** Told of every call, for the simulator's panel and logs. */
  onCall?: (call: HttpCall) => void;
  /** Shared by every call of this client; pass `null` to call even a failing server every time. */
  breaker?: CircuitBreaker | null;
  /** Largest answer accepted; a council server answering more is answering garbage. */
  maxResponseBytes?: number;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  headers?: Record<string, string>;
  body?: string | URLSearchParams;
  /** Statuses that are answers, not failures (e.g. 404 for "no such report"). */
  acceptStatuses?: number[];
}

/** An answer's headers, read as fetch's Headers are (any case; repeated values joined). */
export interface ResponseHeaders {
  get(name: string): string | null;
}

export interface HttpResponse {
  status: number;
  headers: ResponseHeaders;
  text: string;
}

function responseHeaders(headers: IncomingHttpHeaders): ResponseHeaders {
  return {
    get(name) {
      const value = headers[name.toLowerCase()];
      return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
    },
  };
}

/** What fetch sends when the caller does not say. */
const DEFAULT_HEADERS: Record<string, string> = { accept: '*/*', 'accept-encoding': 'gzip, deflate, br', 'user-agent': 'node' };
/** fetch's limit on redirects. */
const MAX_REDIRECTS = 20;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** The request's headers over fetch's defaults, with names in lower case and the body's type when it has none. */
function requestHeaders(request: RequestOptions): Record<string, string> {
  const headers = { ...DEFAULT_HEADERS };
  for (const [name, value] of Object.entries(request.headers ?? {})) headers[name.toLowerCase()] = value;
  if (request.body instanceof URLSearchParams && headers['content-type'] === undefined) headers['content-type'] = 'application/x-www-form-urlencoded;charset=UTF-8';
  else if (typeof request.body === 'string' && headers['content-type'] === undefined) headers['content-type'] = 'text/plain;charset=UTF-8';
  return headers;
}

/** UTF-8 as fetch's text() reads it: a byte-order mark dropped, bad bytes replaced. */
const utf8 = new TextDecoder('utf-8');

/** The endpoint without its query string, so keys never reach logs or error messages. */
export function redactUrl(url: string): string {
  return url.split('?')[0] ?? url;
}

/** Failures that say the server is in trouble (not that it refused this request). */
function isServerTrouble(error: unknown): boolean {
  return error instanceof NetworkError || error instanceof TimeoutError
    || (error instanceof CouncilApiError && error.status >= 500);
}

export class HttpClient {
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly breaker: CircuitBreaker | null;
  private readonly maxBytes: number;

  constructor(private readonly options: HttpOptions) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.retries = options.retries ?? 1;
    this.breaker = options.breaker === undefined ? new CircuitBreaker() : options.breaker;
    this.maxBytes = options.maxResponseBytes ?? 5_000_000;
  }

  async request(url: string, request: RequestOptions = {}): Promise<HttpResponse> {
    if (this.breaker && !this.breaker.allows()) throw new ServiceUnavailableError(this.options.service, redactUrl(url));
    try {
      const response = await this.withRetries(url, request);
      this.breaker?.recordSuccess();
      return response;
    } catch (error) {
      if (isServerTrouble(error)) this.breaker?.recordFailure();
      else this.breaker?.recordSuccess();
      throw error;
    }
  }

  private async withRetries(url: string, request: RequestOptions): Promise<HttpResponse> {
    const method = request.method ?? 'GET';
    const attempts = method === 'GET' ? 1 + this.retries : 1;
    let lastError: unknown;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        return await this.once(url, method, request);
      } catch (error) {
        lastError = error;
        if (!isServerTrouble(error)) throw error;
      }
    }
    throw lastError;
  }

  async getJson<T = unknown>(url: string, request: RequestOptions = {}): Promise<{ status: number; body: T }> {
    const response = await this.request(url, { ...request, headers: { accept: 'application/json', ...request.headers } });
    return { status: response.status, body: this.parseJson<T>(url, response.text) };
  }

  parseJson<T>(url: string, text: string): T {
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new CouncilDataError(this.options.service, redactUrl(url), 'response is not JSON');
    }
  }

  private async once(url: string, method: string, request: RequestOptions): Promise<HttpResponse> {
    const started = performance.now();
    const endpoint = redactUrl(url);
    let answer: { status: number; headers: IncomingHttpHeaders; text: string };
    try {
      answer = await this.follow(url, method, request, started + this.timeoutMs);
    } catch (error) {
      this.options.onCall?.({ method, url: endpoint, status: 0, ms: performance.now() - started });
      if (error instanceof ExchangeFailure && error.reason === 'timeout') throw new TimeoutError(this.options.service, endpoint, this.timeoutMs);
      if (error instanceof ExchangeFailure && error.reason === 'too-large') throw new CouncilDataError(this.options.service, endpoint, `answer larger than ${this.maxBytes} bytes`);
      throw new NetworkError(this.options.service, endpoint, error instanceof ExchangeFailure ? error.cause : error);
    }
    this.options.onCall?.({ method, url: endpoint, status: answer.status, ms: performance.now() - started });
    const ok = answer.status >= 200 && answer.status < 300;
    if (!ok && !(request.acceptStatuses ?? []).includes(answer.status)) {
      throw new CouncilApiError(this.options.service, answer.status, endpoint, answer.text.slice(0, 200));
    }
    return { status: answer.status, headers: responseHeaders(answer.headers), text: answer.text };
  }

  /**
   * One request and the redirects it leads to, as fetch follows them: 303, and 301/302 after a
   * POST, become a GET without the body; credentials are not carried to another origin.
   */
  private async follow(url: string, method: string, request: RequestOptions, deadline: number): Promise<{ status: number; headers: IncomingHttpHeaders; text: string }> {
    let target: URL;
    try {
      target = new URL(url);
    } catch (error) {
      throw new ExchangeFailure('network', { cause: error });
    }
    let headers = requestHeaders(request);
    let body = request.body === undefined ? undefined : Buffer.from(request.body.toString(), 'utf8');
    for (let redirects = 0; ; redirects += 1) {
      const timeoutMs = deadline - performance.now();
      if (timeoutMs <= 0) throw new ExchangeFailure('timeout');
      const answer = await exchange({ method, url: target, headers, body }, { timeoutMs, maxBytes: this.maxBytes });
      const location = answer.headers.location;
      if (!REDIRECTS.has(answer.status) || typeof location !== 'string') {
        return { status: answer.status, headers: answer.headers, text: utf8.decode(answer.body) };
      }
      if (redirects >= MAX_REDIRECTS) throw new ExchangeFailure('network', { cause: new Error(`more than ${MAX_REDIRECTS} redirects`) });
      const next = new URL(location, target);
      if (answer.status === 303 ? method !== 'HEAD' : (answer.status === 301 || answer.status === 302) && method === 'POST') {
        method = 'GET';
        body = undefined;
        const { 'content-type': _type, 'content-length': _length, ...rest } = headers;
        headers = rest;
      }
      if (next.origin !== target.origin) {
        const { authorization: _authorization, cookie: _cookie, 'proxy-authorization': _proxy, ...rest } = headers;
        headers = rest;
      }
      target = next;
    }
  }
}
