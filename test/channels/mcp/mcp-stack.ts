/**
 * The real thing for MCP tests: the demo council on a free port, the application composed over
 * it (SQLite in a temporary folder), served by createApp on another free port; optionally an
 * identity provider whose signing key is generated here and whose JWKS is served over HTTP.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { mcpConfigSchema } from '../../../src/channels/mcp';
import { DEMO_CONFIG_PATH, DEMO_DEPLOYMENT_PATH, loadConfig } from '../../../src/config/load-config';
import { loadDeployment } from '../../../src/config/load-deployment';
import type { HttpCall } from '../../../src/connectors/http';
import { silentLogger } from '../../../src/core/logger';
import { startDemoCouncil, type DemoCouncil } from '../../../src/demo-council/server';
import { compose } from '../../../src/entry/compose';
import { createApp } from '../../../src/server/create-app';
import type { Composition } from '../../../src/server/composition';

export interface IdentityProvider {
  issuer: string;
  jwksUrl: string;
  /** A token signed with the provider's key; claims override the defaults (audience, 5 minutes, the scope). */
  sign(claims: JWTPayload & { exp?: number }, key?: CryptoKey): Promise<string>;
  close(): Promise<void>;
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** An identity provider: only its JWKS is served, as a resource server needs nothing else of it. */
export async function startIdentityProvider(): Promise<IdentityProvider> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const server = createServer((req, res) => {
    if (req.url !== '/jwks.json') return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
  });
  const url = await listen(server);
  const issuer = `${url}/`;
  return {
    issuer,
    jwksUrl: `${url}/jwks.json`,
    sign: (claims, key = privateKey) => new SignJWT({ scope: 'council_tax.read', ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
      .setIssuer(typeof claims.iss === 'string' ? claims.iss : issuer)
      .setIssuedAt()
      .setExpirationTime(claims.exp ?? Math.floor(Date.now() / 1000) + 300)
      .sign(key),
    close: () => closeServer(server),
  };
}

export interface McpStack {
  url: string;
  mcpUrl: string;
  composition: Composition;
  demo?: DemoCouncil;
  /** Every call the council connectors made. */
  calls: HttpCall[];
  close(): Promise<void>;
}

export interface StackOptions {
  /** The `mcp:` section of the council file (resourceUrl is filled in once the port is known). */
  mcp?: Record<string, unknown>;
  identity?: IdentityProvider;
  /** Point the connectors at a council that is not there. */
  councilDown?: boolean;
  /** Serve the demo deployment of several councils (councils/), not the one demo council. */
  severalCouncils?: boolean;
  /** Mount the staff simulator too (its /simulator/mcp-api calls the tools through /mcp). */
  simulator?: boolean;
}

export async function startMcpStack(options: StackOptions = {}): Promise<McpStack> {
  const identity = options.identity && { issuer: options.identity.issuer, jwksUrl: options.identity.jwksUrl };
  const demo = options.councilDown ? undefined : await startDemoCouncil({ port: 0, identity });
  const server = createServer();
  const url = await listen(server);
  const mcpUrl = `${url}/mcp`;
  const config = loadConfig(DEMO_CONFIG_PATH, { DEMO_COUNCIL_URL: demo?.url ?? 'http://127.0.0.1:9' });
  config.mcp = mcpConfigSchema.parse({
    ...(identity ? { resourceUrl: mcpUrl, identityProvider: identity } : {}),
    ...options.mcp,
  });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'mcp-e2e-'));
  const env = { DEMO_COUNCIL_URL: demo?.url ?? 'http://127.0.0.1:9', UKBCD_URL: `${demo?.url ?? 'http://127.0.0.1:9'}/ukbcd` };
  const deployment = options.severalCouncils ? loadDeployment(DEMO_DEPLOYMENT_PATH, env) : undefined;
  if (deployment) deployment.front.mcp = config.mcp;
  const composition = compose({ config, deployment, logger: silentLogger, dataDir, env: {} });
  const calls: HttpCall[] = [];
  composition.watchCalls((call) => calls.push(call));
  server.on('request', createApp(composition, { simulator: options.simulator ?? false }));
  return {
    url,
    mcpUrl,
    composition,
    demo,
    calls,
    close: async () => {
      await closeServer(server);
      await demo?.close();
      await composition.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** An SDK client connected to the stack; with `elicitation`, it answers the server's questions with `answer`. */
export async function connectClient(stack: McpStack, options: { token?: string; elicit?: (message: string, schema: unknown) => { action: 'accept' | 'decline' | 'cancel'; content?: Record<string, unknown> } } = {}): Promise<Client> {
  const client = new Client({ name: 'council-voice-test', version: '1.0.0' }, { capabilities: options.elicit ? { elicitation: { form: {} } } : {} });
  if (options.elicit) {
    const answer = options.elicit;
    const { ElicitRequestSchema } = await import('@modelcontextprotocol/sdk/types.js');
    client.setRequestHandler(ElicitRequestSchema, async (request) => {
      const params = request.params as { message: string; requestedSchema?: unknown };
      return answer(params.message, params.requestedSchema);
    });
  }
  const headers: Record<string, string> = options.token ? { authorization: `Bearer ${options.token}` } : {};
  await client.connect(new StreamableHTTPClientTransport(new URL(stack.mcpUrl), { requestInit: { headers } }));
  return client;
}

/** A tool result's text parts, as an assistant would read them. */
export function textOf(result: CallToolResult): string {
  return result.content.map((c) => (c.type === 'text' ? c.text : '')).join(' ');
}
