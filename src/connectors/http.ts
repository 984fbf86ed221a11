/**
 * The one way connectors call council back ends: Node's built-in fetch with a timeout, a retry
 * for idempotent GETs, and typed errors that say who failed (see core/errors).
 */
import { CouncilApiError, CouncilDataError, NetworkError, TimeoutError, type CouncilService } from '../core/errors';

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

export class HttpClient {
  private readonly timeoutMs: number;
  private readonly retries: number;

  constructor(private readonly options: HttpOptions) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.retries = options.retries ?? 1;
  }

  async request(url: string, request: RequestOptions = {}): Promise<HttpResponse> {
    const method = request.method ?? 'GET';
    const attempts = method === 'GET' ? 1 + this.retries : 1;
    let lastError: unknown;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        return await this.once(url, method, request);
      } catch (error) {
        lastError = error;
        const retryable = error instanceof NetworkError || error instanceof TimeoutError
          || (error instanceof CouncilApiError && error.status >= 500);
        if (!retryable) throw error;
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
    if (!response.ok && !(request.acceptStatuses ?? []).includes(response.status)) {
      throw new CouncilApiError(this.options.service, response.status, endpoint, text.slice(0, 200));
    }
    return { status: response.status, headers: response.headers, text };
  }
}
