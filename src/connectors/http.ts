/**
 * The one way connectors call council back ends: Node's built-in fetch with a timeout, a retry
 * for idempotent GETs, and typed errors that say who failed (see core/errors).
 */
import { CouncilApiError, CouncilDataError, NetworkError, ServiceUnavailableError, TimeoutError, type CouncilService } from '../core/errors';
import { CircuitBreaker } from './circuit-breaker';

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

export interface HttpResponse {
  status: number;
  headers: Headers;
  text: string;
}

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
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, {
        method,
        headers: request.headers,
        body: request.body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      this.options.onCall?.({ method, url: endpoint, status: 0, ms: performance.now() - started });
      const name = (error as Error)?.name;
      if (name === 'TimeoutError' || name === 'AbortError') throw new TimeoutError(this.options.service, endpoint, this.timeoutMs);
      throw new NetworkError(this.options.service, endpoint, error);
    }
    this.options.onCall?.({ method, url: endpoint, status: response.status, ms: performance.now() - started });
    if (text.length > this.maxBytes) throw new CouncilDataError(this.options.service, endpoint, `answer larger than ${this.maxBytes} bytes`);
    if (!response.ok && !(request.acceptStatuses ?? []).includes(response.status)) {
      throw new CouncilApiError(this.options.service, response.status, endpoint, text.slice(0, 200));
    }
    return { status: response.status, headers: response.headers, text };
  }
}
