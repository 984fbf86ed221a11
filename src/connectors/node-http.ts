/**
 * One HTTP exchange over node:http or node:https, on keep-alive connections, with a deadline for
 * the whole exchange (answer included) and a cap on the answer's size, decompressing what the
 * server compressed. Not fetch: Node loads its fetch implementation (undici) on first use, which
 * cost a fresh process about 60 ms of CPU before its first request, more than a Lambda cold start
 * spends on everything else. The council connectors (http.ts) and the DynamoDB stores both speak
 * through it.
 */
import type { Agent, IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';

export interface ExchangeRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: Buffer;
}

export interface ExchangeAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  /** The body as sent, decompressed when the server compressed it. */
  body: Buffer;
}

export interface ExchangeLimits {
  /** For the whole exchange: a server that stalls half-way is as lost as a silent one. */
  timeoutMs: number;
  /** Largest (decompressed) answer accepted. */
  maxBytes: number;
}

/** Why no answer came: the deadline passed, the answer was too big, or the network failed (`cause`). */
export class ExchangeFailure extends Error {
  override name = 'ExchangeFailure';

  constructor(readonly reason: 'timeout' | 'too-large' | 'network', options?: { cause?: unknown }) {
    super(reason, options);
  }
}

type Transport = typeof import('node:http');

/** One transport and keep-alive agent per protocol for the process, as fetch keeps one pool. */
const transports = new Map<string, { module: Transport; agent: Agent }>();

function transportFor(protocol: string): { module: Transport; agent: Agent } {
  let transport = transports.get(protocol);
  if (!transport) {
    // getBuiltinModule, not import(): an ESM import of node:http builds its facade, which loads fetch's code after all.
    const module = (protocol === 'https:' ? process.getBuiltinModule('node:https') : process.getBuiltinModule('node:http')) as Transport;
    transport = { module, agent: new module.Agent({ keepAlive: true }) };
    transports.set(protocol, transport);
  }
  return transport;
}

/** The body stream, decompressed as the server says it compressed it (zlib loads only then). */
function decoded(response: IncomingMessage): Readable {
  const encoding = String(response.headers['content-encoding'] ?? '').trim().toLowerCase();
  if (encoding !== 'gzip' && encoding !== 'x-gzip' && encoding !== 'deflate' && encoding !== 'br') return response;
  const zlib = process.getBuiltinModule('node:zlib') as typeof import('node:zlib');
  const decoder = encoding === 'br' ? zlib.createBrotliDecompress() : encoding === 'deflate' ? zlib.createInflate() : zlib.createGunzip();
  response.on('error', (error) => decoder.destroy(error));
  return response.pipe(decoder);
}

/** Sends `request` and reads the whole answer; rejects with ExchangeFailure. */
export function exchange(request: ExchangeRequest, limits: ExchangeLimits): Promise<ExchangeAnswer> {
  if (request.url.protocol !== 'http:' && request.url.protocol !== 'https:') {
    return Promise.reject(new ExchangeFailure('network', { cause: new Error(`cannot fetch ${request.url.protocol} URLs`) }));
  }
  const { module, agent } = transportFor(request.url.protocol);
  return new Promise((resolve, reject) => {
    let settled = false;
    const headers = request.body ? { ...request.headers, 'content-length': String(request.body.length) } : request.headers;
    const outgoing = module.request(request.url, { method: request.method, agent, headers });
    const fail = (error: ExchangeFailure) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outgoing.destroy();
      reject(error);
    };
    const timer = setTimeout(() => fail(new ExchangeFailure('timeout')), limits.timeoutMs);
    // `on`, not `once`: a request destroyed after its first error can emit another, and an
    // 'error' nobody listens for would bring the whole process down.
    outgoing.on('error', (error) => fail(new ExchangeFailure('network', { cause: error })));
    outgoing.once('response', (response) => {
      const body = decoded(response);
      const chunks: Buffer[] = [];
      let bytes = 0;
      body.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (bytes > limits.maxBytes) fail(new ExchangeFailure('too-large'));
        else chunks.push(chunk);
      });
      body.on('error', (error) => fail(new ExchangeFailure('network', { cause: error })));
      body.once('end', () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks, bytes) });
      });
    });
    outgoing.end(request.body);
  });
}
