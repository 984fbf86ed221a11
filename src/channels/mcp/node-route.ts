/**
 * /mcp on node:http: the request's body read up to the limit, handed to the endpoint as a
 * Web Request, and its Response (JSON, or an SSE stream while a tool asks the client something)
 * piped back. A caller that goes away ends the stream.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { Logger } from '../../core/logger';
import { MAX_MCP_BODY_BYTES, type McpEndpoint } from './mcp-endpoint';

function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length']) > MAX_MCP_BODY_BYTES) {
      req.resume();
      resolve('too-large');
      return;
    }
    const chunks: Buffer[] = [];
    let length = 0;
    const onData = (chunk: Buffer) => {
      length += chunk.length;
      if (length > MAX_MCP_BODY_BYTES) {
        req.off('data', onData);
        // Keep the stream flowing into nothing, so Node can finish the exchange.
        req.resume();
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks, length)));
    req.once('error', reject);
  });
}

function toRequest(req: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  // The URL's host only names the resource; nothing trusts it (the audience is configured).
  return new Request(new URL(req.url ?? '/', 'http://localhost'), { method: req.method, headers });
}

async function send(response: Response, res: ServerResponse): Promise<void> {
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

/** Serves one request to `endpoint` on node:http. */
export async function serveMcp(endpoint: McpEndpoint, req: IncomingMessage, res: ServerResponse, logger: Logger): Promise<void> {
  try {
    const body = req.method === 'POST' ? await readBody(req) : undefined;
    const response = await endpoint.answer({ request: toRequest(req), body, clientAddress: req.socket.remoteAddress ?? 'unknown' });
    await send(response, res);
  } catch (error) {
    logger.error({ err: error, path: req.url }, 'MCP request failed');
    if (!res.headersSent) {
      res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32603, message: 'Internal error.' }, id: null }));
    } else {
      res.destroy();
    }
  }
}
