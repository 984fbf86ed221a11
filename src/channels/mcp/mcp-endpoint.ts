/**
 * /mcp over Streamable HTTP (MCP 2025-06-18), on Web-standard Request and Response so the
 * long-running server and Lambda share every step: the size and type checks the voice routes
 * make (413, 415, 400), the per-client rate limit (429 with Retry-After), the bearer token
 * (401 with WWW-Authenticate pointing at our Protected Resource Metadata), then the SDK's
 * transport. Sessions are kept where the process lives on (so tools can elicit), none on Lambda.
 */
import { randomUUID } from 'node:crypto';
import type { JWTVerifyGetKey } from 'jose';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import type { Logger } from '../../core/logger';
import { nestsWithin } from '../../core/session';
import { challenge, createBearerAuth, type BearerAuth, type Caller } from './bearer-auth';
import { createMcpServer, PERSONAL_TOOLS } from './create-mcp-server';
import type { McpConfig } from './mcp-config';
import { createRateLimiter } from './rate-limit';
import { createSessions, type Sessions } from './sessions';
import type { ToolDeps } from './tool-call';

/** JSON-RPC from a client nests a few levels; far deeper is an attack on the parser. */
const MAX_NESTING = 32;

export const MCP_PATH = '/mcp';
export const METADATA_PATH = '/.well-known/oauth-protected-resource';

/**
 * A request as it reached us. The runtime has read the body (refusing it with 413 over the
 * limit, 400 when it is not JSON) and passes it parsed; undefined when there was none.
 */
export interface McpHttpRequest {
  request: Request;
  body: unknown;
  /** The caller's network address, for the rate limit when there is no token. */
  clientAddress: string;
}

export interface McpEndpointOptions {
  deps: ToolDeps;
  config: McpConfig;
  logger: Logger;
  /** Keep sessions (a long-running server); false on Lambda, where each request stands alone. */
  stateful: boolean;
  /** The identity provider's keys (tests serve their own JWKS; by default fetched from jwksUrl). */
  keys?: JWTVerifyGetKey;
}

export interface McpEndpoint {
  /** True for the paths this channel answers: /mcp and the Protected Resource Metadata. */
  handles(path: string): boolean;
  answer(input: McpHttpRequest): Promise<Response>;
  close(): Promise<void>;
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } });
}

function rpcError(status: number, code: number, message: string, headers: Record<string, string> = {}): Response {
  return json(status, { jsonrpc: '2.0', error: { code, message }, id: null }, headers);
}

function isJsonType(type: string | null): boolean {
  const [media = '', ...params] = (type ?? '').toLowerCase().split(';').map((p) => p.trim());
  const charset = params.find((p) => p.startsWith('charset='))?.slice(8).replace(/"/g, '');
  return media === 'application/json' && (charset === undefined || charset === 'utf-8');
}

/** The body as JSON-RPC, or the HTTP answer that refuses it. */
function readMessages(body: unknown, type: string | null): { messages: unknown } | { refusal: Response } {
  if (!isJsonType(type)) return { refusal: rpcError(415, -32000, 'Send the request as application/json.') };
  if (typeof body !== 'object' || body === null || !nestsWithin(body, MAX_NESTING)) {
    return { refusal: rpcError(400, -32600, 'The body is not a JSON-RPC message.') };
  }
  return { messages: body };
}

function callsPersonalTool(messages: unknown): boolean {
  const list = Array.isArray(messages) ? messages : [messages];
  return list.some((m: { method?: unknown; params?: { name?: unknown } } | null) =>
    m?.method === 'tools/call' && typeof m.params?.name === 'string' && PERSONAL_TOOLS.has(m.params.name));
}

function authInfoOf(caller: Caller): AuthInfo {
  return { token: caller.token, clientId: caller.clientId, scopes: caller.scopes, expiresAt: caller.expiresAt, extra: { caller } };
}

export function createMcpEndpoint(options: McpEndpointOptions): McpEndpoint {
  const { config, logger } = options;
  const auth: BearerAuth | undefined = createBearerAuth(config, options.keys);
  const limiter = createRateLimiter(config.rateLimitPerMinute);
  const metadataPaths = new Set([METADATA_PATH, auth ? new URL(auth.metadataUrl).pathname : METADATA_PATH]);
  const deps = { ...options.deps, personalTools: auth !== undefined };
  const newServer = (): McpServer => createMcpServer({ deps, logger, canElicit: options.stateful });
  const sessions: Sessions | undefined = options.stateful ? createSessions(config.sessions, logger) : undefined;

  const unauthorized = (refusal?: { error: string; description: string; scope?: string }, status = 401) =>
    rpcError(status, -32001, refusal?.description ?? 'Sign in with the council to use this.', { 'www-authenticate': challenge(auth, refusal) });

  /** The verified caller, none, or the refusal for a token that does not pass. */
  async function identify(request: Request): Promise<{ caller?: Caller } | { refusal: Response }> {
    const header = request.headers.get('authorization');
    // Without an identity provider no token means anything here; the open tools need none.
    if (!header || !auth) return {};
    const token = /^Bearer +([A-Za-z0-9._~+/-]+=*)$/i.exec(header)?.[1];
    if (!token) return { refusal: unauthorized({ error: 'invalid_request', description: 'Send the token as Authorization: Bearer <token>.' }) };
    const check = await auth.verify(token);
    if (!check.ok) return { refusal: unauthorized({ error: check.error, description: check.description }) };
    return { caller: check.caller };
  }

  async function serveStateless(request: Request, parsedBody: unknown, authInfo: AuthInfo | undefined): Promise<Response> {
    if (request.method !== 'POST') return rpcError(405, -32000, 'This server keeps no sessions: send POST requests only.', { allow: 'POST' });
    const server = newServer();
    const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    await server.connect(transport);
    try {
      return await transport.handleRequest(request, { parsedBody, authInfo });
    } finally {
      await server.close();
    }
  }

  async function serveSession(request: Request, parsedBody: unknown, authInfo: AuthInfo | undefined, owner: string | undefined): Promise<Response> {
    const store = sessions as Sessions;
    const id = request.headers.get('mcp-session-id');
    if (id) {
      const session = store.find(id, owner);
      // Unknown, expired or someone else's: 404 tells the client to start a new session.
      if (!session) return rpcError(404, -32001, 'Session not found: initialise a new one.');
      return session.transport.handleRequest(request, { parsedBody, authInfo });
    }
    if (request.method !== 'POST' || !isInitializeRequest(parsedBody)) {
      return rpcError(400, -32000, 'Start with an initialize request, then send its Mcp-Session-Id header.');
    }
    const server = newServer();
    const transport: WebStandardStreamableHTTPServerTransport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (sessionId: string): void => store.add(sessionId, { server, transport, owner }),
      onsessionclosed: (sessionId) => store.remove(sessionId),
    });
    await server.connect(transport);
    return transport.handleRequest(request, { parsedBody, authInfo });
  }

  async function answer({ request, body, clientAddress }: McpHttpRequest): Promise<Response> {
    const path = new URL(request.url).pathname.replace(/\/+$/, '') || '/';
    if (metadataPaths.has(path)) {
      if (request.method !== 'GET') return json(405, { error: 'Use GET.' }, { allow: 'GET' });
      return auth ? json(200, auth.metadata(), { 'cache-control': 'max-age=3600' }) : json(404, { error: 'This server has no identity provider configured.' });
    }
    if (!['POST', 'GET', 'DELETE'].includes(request.method)) return rpcError(405, -32000, 'Use POST, GET or DELETE.', { allow: 'POST, GET, DELETE' });
    const identified = await identify(request);
    if ('refusal' in identified) return identified.refusal;
    const { caller } = identified;
    const limit = limiter.take(caller ? `sub:${caller.subject}` : `ip:${clientAddress}`);
    if (!limit.ok) return rpcError(429, -32000, 'Too many requests: wait a moment and try again.', { 'retry-after': String(limit.retryAfterSeconds) });
    if (!caller && config.readOnlyTools === 'token') return unauthorized();

    let parsedBody: unknown;
    if (request.method === 'POST') {
      const read = readMessages(body, request.headers.get('content-type'));
      if ('refusal' in read) return read.refusal;
      parsedBody = read.messages;
      if (auth && callsPersonalTool(parsedBody)) {
        if (!caller) return unauthorized();
        if (!caller.scopes.includes(auth.personalScope)) {
          return unauthorized({ error: 'insufficient_scope', description: `This needs the ${auth.personalScope} scope.`, scope: auth.personalScope }, 403);
        }
      }
    }
    const authInfo = caller ? authInfoOf(caller) : undefined;
    return sessions ? serveSession(request, parsedBody, authInfo, caller?.subject) : serveStateless(request, parsedBody, authInfo);
  }

  return {
    handles: (path) => {
      const clean = path.replace(/\/+$/, '') || '/';
      return clean === MCP_PATH || metadataPaths.has(clean);
    },
    answer,
    close: async () => {
      await sessions?.closeAll();
    },
  };
}
