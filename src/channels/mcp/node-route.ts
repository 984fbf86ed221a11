/**
 * /mcp on node:http: the server's front has read and parsed the body (413 over the shared limit,
 * 400 when it is not JSON); this hands the request to the endpoint as a Web Request and pipes its
 * Response (JSON, or an SSE stream while a tool asks the client something) back. A caller that
 * goes away ends the stream.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { McpEndpoint } from './mcp-endpoint';

function toRequest(req: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  // The URL's host only carries the path: nothing trusts it (the token audience is configured).
  return new Request(new URL(req.url ?? '/', 'http://localhost'), { method: req.method, headers });
}

function send(response: Response, res: ServerResponse): void {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => { headers[name] = value; });
  res.writeHead(response.status, headers);
  if (!response.body) {
    res.end();
    return;
  }
  const body = Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
  res.once('close', () => body.destroy());
  body.pipe(res);
}

/** Serves one request to `endpoint` on node:http; `body` is the JSON the front parsed, if any. */
export async function serveMcp(endpoint: McpEndpoint, req: IncomingMessage, res: ServerResponse, body: unknown): Promise<void> {
  const response = await endpoint.answer({ request: toRequest(req), body, clientAddress: req.socket.remoteAddress ?? 'unknown' });
  send(response, res);
}
