/**
 * One HTTP POST to DynamoDB over node:http or node:https, on a keep-alive connection, with a
 * deadline for the whole exchange and a cap on the answer. Not fetch: Node loads its fetch
 * implementation on first use, which cost a Lambda cold start far more than the request itself.
 */
import type { Agent as HttpAgent, IncomingHttpHeaders } from 'node:http';

export interface PostAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

/** Why no answer came: the deadline passed, the answer was too big, or the network failed (`cause`). */
export class PostFailure extends Error {
  override name = 'PostFailure';

  constructor(readonly reason: 'timeout' | 'too-large' | 'network', options?: { cause?: unknown }) {
    super(reason, options);
  }
}

type Transport = typeof import('node:http');

/** The transport for `url`'s protocol and one keep-alive agent for it, loaded on the first request (https loads TLS). */
export class Poster {
  private transport: { module: Transport; agent: HttpAgent } | undefined;

  constructor(private readonly url: URL) {}

  private load(): { module: Transport; agent: HttpAgent } {
    if (this.transport) return this.transport;
    // getBuiltinModule, not import(): an ESM import of node:http builds its facade, which loads fetch's code after all.
    const module = (this.url.protocol === 'https:' ? process.getBuiltinModule('node:https') : process.getBuiltinModule('node:http')) as Transport;
    this.transport = { module, agent: new module.Agent({ keepAlive: true }) };
    return this.transport;
  }

  /** POSTs `body`; rejects with PostFailure after `timeoutMs` or when the answer passes `maxBytes`. */
  post(headers: Record<string, string>, body: string, timeoutMs: number, maxBytes: number): Promise<PostAnswer> {
    const { module, agent } = this.load();
    const payload = Buffer.from(body, 'utf8');
    return new Promise((resolve, reject) => {
      const request = module.request(this.url, { method: 'POST', agent, headers: { ...headers, 'content-length': String(payload.length) } });
      const fail = (error: PostFailure) => {
        clearTimeout(timer);
        request.destroy();
        reject(error);
      };
      // The whole exchange, answer included: a server that stalls half-way is as lost as a silent one.
      const timer = setTimeout(() => fail(new PostFailure('timeout')), timeoutMs);
      request.once('error', (error) => fail(new PostFailure('network', { cause: error })));
      request.once('response', (response) => {
        const chunks: Buffer[] = [];
        let bytes = 0;
        response.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          if (bytes > maxBytes) fail(new PostFailure('too-large'));
          else chunks.push(chunk);
        });
        response.once('error', (error) => fail(new PostFailure('network', { cause: error })));
        response.once('end', () => {
          clearTimeout(timer);
          resolve({ status: response.statusCode ?? 0, headers: response.headers, text: Buffer.concat(chunks).toString('utf8') });
        });
      });
      request.end(payload);
    });
  }
}
