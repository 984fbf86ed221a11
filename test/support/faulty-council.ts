/**
 * The demo council behind a proxy the test controls: each back end (addresses, bins, reports,
 * council tax) answers as the real demo council does, or is slow, fails, refuses, or answers
 * garbage, as the test says; and every request that reaches a back end is counted, so a test can
 * see whether a circuit breaker really stopped calling a server that is down.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { startDemoCouncil, type DemoCouncil } from '../../src/demo-council/server';

export type Backend = 'addresses' | 'bins' | 'reports' | 'council-tax';

/**
 * - slow: no answer for far longer than any connector waits
 * - fail: 500 with an HTML error page
 * - refuse: 403, worded as that back end would word it
 * - html: 200 with a maintenance page
 * - truncated: 200 with the real answer cut off half way
 * - wrong-shape: 200 with well-formed data of the wrong shape (JSON where a calendar goes)
 * - bad-ics: 200 with a calendar that is not one (bins)
 */
export type Fault = 'slow' | 'fail' | 'refuse' | 'html' | 'truncated' | 'wrong-shape' | 'bad-ics';

export const FAULTS: Fault[] = ['slow', 'fail', 'refuse', 'html', 'truncated', 'wrong-shape'];

const PREFIXES: [string, Backend][] = [
  ['/search/places/', 'addresses'],
  ['/waste/', 'bins'],
  ['/open311/', 'reports'],
  ['/council-tax/', 'council-tax'],
];

function backendOf(url: string): Backend | undefined {
  return PREFIXES.find(([prefix]) => url.startsWith(prefix))?.[1];
}

const REFUSALS: Record<Backend, { type: string; body: string }> = {
  addresses: { type: 'application/json', body: '{"fault":{"faultstring":"Invalid ApiKey","detail":{"errorcode":"oauth.v2.InvalidApiKey"}}}' },
  bins: { type: 'text/html', body: '<html><body><h1>403 Forbidden</h1></body></html>' },
  reports: { type: 'application/json', body: '[{"code":403,"description":"Invalid api_key"}]' },
  'council-tax': { type: 'application/json', body: '{"error":"insufficient_scope"}' },
};

const WRONG_SHAPES: Record<Backend, { type: string; body: string }> = {
  addresses: { type: 'application/json', body: '{"header":{"totalresults":"three"},"results":{"DPA":[]}}' },
  bins: { type: 'application/json', body: '{"collections":[{"date":"2026-12-01","bin":"refuse"}]}' },
  reports: { type: 'application/json', body: '{"services":{"POTHOLE":true},"service_request_id":null}' },
  'council-tax': { type: 'application/json', body: '{"account":{"balance":"lots"},"band":7}' },
};

const MAINTENANCE = '<!DOCTYPE html><html><head><title>Down for maintenance</title></head><body><p>Back soon.</p></body></html>';
const BAD_ICS = readFileSync(path.resolve(__dirname, '../fixtures/ics/malformed.ics'), 'utf8');

/** Which requests a fault applies to (default: all of the back end's). */
export type RequestFilter = (method: string, url: string) => boolean;

export class FaultyCouncil {
  /** Requests that reached each back end, faulty or not. */
  readonly counts: Record<Backend, number> = { addresses: 0, bins: 0, reports: 0, 'council-tax': 0 };
  private readonly faults = new Map<Backend, { fault: Fault; only?: RequestFilter }>();
  private readonly held = new Set<NodeJS.Timeout>();

  private constructor(private readonly demo: DemoCouncil, private readonly server: Server, readonly url: string) {}

  static async start(): Promise<FaultyCouncil> {
    const demo = await startDemoCouncil({ host: '127.0.0.1', port: 0 });
    const ready: { council?: FaultyCouncil } = {};
    const server = createServer((req, res) => { void ready.council?.handle(req, res); });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    ready.council = new FaultyCouncil(demo, server, `http://127.0.0.1:${port}`);
    return ready.council;
  }

  /** From now on `backend` has `fault` (for the requests `only` picks); `undefined` heals it. */
  set(backend: Backend, fault: Fault | undefined, only?: RequestFilter): void {
    if (fault) this.faults.set(backend, { fault, only });
    else this.faults.delete(backend);
  }

  resetCounts(): void {
    for (const backend of Object.keys(this.counts) as Backend[]) this.counts[backend] = 0;
  }

  async close(): Promise<void> {
    this.held.forEach((timer) => clearTimeout(timer));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    await this.demo.close();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = req.url ?? '/';
    const method = req.method ?? 'GET';
    const body = await readAll(req);
    const backend = backendOf(url);
    if (backend) this.counts[backend]++;
    const fault = backend && this.faults.get(backend);
    if (!backend || !fault || (fault.only && !fault.only(method, url))) {
      await this.forward(req, body, res);
      return;
    }
    switch (fault.fault) {
      case 'slow': {
        // Held far past every connector's timeout; closed when the test ends.
        const timer = setTimeout(() => { this.held.delete(timer); send(res, 200, 'text/plain', 'too late'); }, 60_000);
        this.held.add(timer);
        return;
      }
      case 'fail': return send(res, 500, 'text/html', '<html><body><h1>500 Internal Server Error</h1></body></html>');
      case 'refuse': return send(res, 403, REFUSALS[backend].type, REFUSALS[backend].body);
      case 'html': return send(res, 200, 'text/html; charset=utf-8', MAINTENANCE);
      case 'wrong-shape': return send(res, 200, WRONG_SHAPES[backend].type, WRONG_SHAPES[backend].body);
      case 'bad-ics': return send(res, 200, 'text/calendar', BAD_ICS);
      case 'truncated': {
        const real = await this.fetchReal(req, body);
        return send(res, 200, real.type, real.text.slice(0, Math.floor(real.text.length / 2)));
      }
    }
  }

  private async fetchReal(req: IncomingMessage, body: Buffer): Promise<{ status: number; type: string; text: string }> {
    const headers: Record<string, string> = {};
    for (const name of ['content-type', 'authorization', 'accept']) {
      const value = req.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const response = await fetch(`${this.demo.url}${req.url ?? '/'}`, {
      method: req.method,
      headers,
      body: req.method === 'GET' || req.method === 'HEAD' ? undefined : body,
    });
    return { status: response.status, type: response.headers.get('content-type') ?? 'application/octet-stream', text: await response.text() };
  }

  private async forward(req: IncomingMessage, body: Buffer, res: ServerResponse): Promise<void> {
    const real = await this.fetchReal(req, body);
    send(res, real.status, real.type, real.text);
  }
}

function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, type: string, text: string): void {
  if (res.writableEnded || res.destroyed) return;
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
