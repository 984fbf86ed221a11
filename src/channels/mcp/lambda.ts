/**
 * The AWS Lambda entry for /mcp behind an HTTP API (payload 2.0), bundled as .build/mcp. Each
 * request stands alone (no sessions: the next request may reach another container), so
 * report_problem uses its two-call confirm flow; the body limit and checks are the server's.
 */
import { createLambdaChannelContext, pathOf, type HttpApiEvent, type HttpApiResult } from '../../entry/lambda-channels';
import { MAX_VOICE_BODY_BYTES } from '../shared/voice-endpoint';
import { createMcpEndpointFor, mcpServing } from './serving';
import type { McpEndpoint } from './mcp-endpoint';

/** The HTTP API event with what MCP reads beyond the webhooks: method, query and the caller's address. */
export interface McpHttpApiEvent extends HttpApiEvent {
  rawQueryString?: string;
  requestContext?: { http?: { method?: string; sourceIp?: string } };
}

let endpoint: McpEndpoint | undefined;

function answer(status: number, message: string): HttpApiResult {
  return { statusCode: status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message }, id: null }) };
}

/** The body as the server's front would pass it: parsed JSON, or the refusal. */
function parseBody(event: McpHttpApiEvent): { body: unknown } | { refusal: HttpApiResult } {
  if (!event.body) return { body: undefined };
  const raw = Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8');
  if (raw.length > MAX_VOICE_BODY_BYTES) return { refusal: answer(413, 'The body is too large.') };
  try {
    return { body: JSON.parse(raw.toString('utf8')) };
  } catch {
    return { refusal: answer(400, 'The body is not valid JSON.') };
  }
}

/** Answers one /mcp request (or the Protected Resource Metadata). */
export async function handler(event: McpHttpApiEvent): Promise<HttpApiResult> {
  endpoint ??= createMcpEndpointFor(createLambdaChannelContext(mcpServing), { stateful: false });
  const method = event.requestContext?.http?.method ?? event.routeKey?.split(' ')[0] ?? 'POST';
  // The route key's path carries no stage prefix; a $default route has only rawPath.
  const path = pathOf(event) ?? '/mcp';
  if (!endpoint.handles(path)) return answer(404, 'Not found.');
  const parsed = method === 'POST' ? parseBody(event) : { body: undefined };
  if ('refusal' in parsed) return parsed.refusal;
  const headers = new Headers();
  for (const [name, value] of Object.entries(event.headers ?? {})) if (value !== undefined) headers.set(name, value);
  const url = `https://lambda${path}${event.rawQueryString ? `?${event.rawQueryString}` : ''}`;
  const response = await endpoint.answer({
    request: new Request(url, { method, headers }),
    body: parsed.body,
    clientAddress: event.requestContext?.http?.sourceIp ?? 'unknown',
  });
  const out: Record<string, string> = {};
  response.headers.forEach((value, name) => { out[name] = value; });
  return { statusCode: response.status, headers: out, body: await response.text() };
}
