/**
 * Who may call /mcp, and what a bad request or a council outage gets: personal tools behind an
 * OAuth bearer token from the council's identity provider (a JWKS served here, with a key made
 * here), the per-client rate limit, hostile bodies, and a council that is down.
 */
import { generateKeyPair } from 'jose';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { connectClient, startIdentityProvider, startMcpStack, type IdentityProvider, type McpStack, textOf } from './mcp-stack';

const JSON_AND_SSE = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
const balanceCall = { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'get_council_tax_balance', arguments: {} } };
const initialize = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'curl', version: '1' } } };

describe('personal tools behind the council\'s identity provider', () => {
  let idp: IdentityProvider;
  let stack: McpStack;
  beforeAll(async () => {
    idp = await startIdentityProvider();
    stack = await startMcpStack({ identity: idp });
  });
  afterAll(async () => {
    await stack.close();
    await idp.close();
  });
  const token = (claims: Record<string, unknown> = {}) => idp.sign({ sub: 'CT-1002003', aud: stack.mcpUrl, client_id: 'gemini', ...claims });

  it('publishes Protected Resource Metadata naming our resource and the identity provider', async () => {
    for (const path of ['/.well-known/oauth-protected-resource', '/.well-known/oauth-protected-resource/mcp']) {
      const response = await fetch(`${stack.url}${path}`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ resource: stack.mcpUrl, authorization_servers: [idp.issuer], scopes_supported: ['council_tax.read'] });
    }
  });

  it('refuses a personal tool without a token: 401 with WWW-Authenticate pointing at the metadata', async () => {
    const response = await fetch(stack.mcpUrl, { method: 'POST', headers: JSON_AND_SSE, body: JSON.stringify(balanceCall) });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe(
      `Bearer realm="council-voice", resource_metadata="${stack.url}/.well-known/oauth-protected-resource/mcp", scope="council_tax.read"`);
  });

  it('refuses tokens that are expired, for another audience, from another issuer, signed by another key, or garbage', async () => {
    const { privateKey: stranger } = await generateKeyPair('RS256');
    const bad = [
      await token({ exp: Math.floor(Date.now() / 1000) - 60 }),
      await token({ aud: 'https://someone-else.example/mcp' }),
      await token({ iss: 'https://evil.example/' }),
      await idp.sign({ sub: 'CT-1002003', aud: stack.mcpUrl }, stranger),
      'not-a-jwt',
    ];
    for (const t of bad) {
      const response = await fetch(stack.mcpUrl, { method: 'POST', headers: { ...JSON_AND_SSE, authorization: `Bearer ${t}` }, body: JSON.stringify(initialize) });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/error="invalid_token"/);
    }
  });

  it('refuses a token without the scope with 403 insufficient_scope', async () => {
    const response = await fetch(stack.mcpUrl, { method: 'POST', headers: { ...JSON_AND_SSE, authorization: `Bearer ${await token({ scope: 'profile' })}` }, body: JSON.stringify(balanceCall) });
    expect(response.status).toBe(403);
    expect(response.headers.get('www-authenticate')).toMatch(/error="insufficient_scope", .*scope="council_tax.read"/);
  });

  it('lists the balance tool and answers it for the token\'s resident, from the council\'s account API', async () => {
    const client = await connectClient(stack, { token: await token() });
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toContain('get_council_tax_balance');
    const result = (await client.callTool({ name: 'get_council_tax_balance', arguments: {} })) as CallToolResult;
    await client.close();
    expect(result.isError).toBeFalsy();
    const data = result.structuredContent as { year: string; balance: number };
    expect(data.year).toBe('2026/27');
    expect(data.balance).toBeGreaterThan(0);
    expect(textOf(result)).toContain(`£${data.balance.toLocaleString('en-GB', { minimumFractionDigits: 2 })}`);
  });

  it('does not let another resident use a signed-in session', async () => {
    const client = await connectClient(stack, { token: await token() });
    const sessionId = (client.transport as { sessionId?: string } | undefined)?.sessionId;
    expect(sessionId).toBeDefined();
    const other = await token({ sub: 'CT-1002010' });
    const response = await fetch(stack.mcpUrl, {
      method: 'POST',
      headers: { ...JSON_AND_SSE, authorization: `Bearer ${other}`, 'mcp-session-id': sessionId ?? '', 'mcp-protocol-version': '2025-06-18' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list' }),
    });
    await client.close();
    expect(response.status).toBe(404);
  });
});

describe('without an identity provider', () => {
  let stack: McpStack;
  beforeAll(async () => { stack = await startMcpStack(); });
  afterAll(async () => { await stack.close(); });

  it('does not list personal tools, and serves no resource metadata', async () => {
    const client = await connectClient(stack);
    const { tools } = await client.listTools();
    await client.close();
    expect(tools.map((t) => t.name)).not.toContain('get_council_tax_balance');
    expect((await fetch(`${stack.url}/.well-known/oauth-protected-resource`)).status).toBe(404);
  });

  it('answers hostile bodies with 413, 415 and 400, and keeps serving', async () => {
    const post = (body: string | Uint8Array, headers: Record<string, string> = JSON_AND_SSE) => fetch(stack.mcpUrl, { method: 'POST', headers, body });
    expect((await post('x'.repeat(300 * 1024))).status).toBe(413);
    expect((await post(JSON.stringify(initialize), { ...JSON_AND_SSE, 'content-type': 'text/plain' })).status).toBe(415);
    expect((await post(JSON.stringify(initialize), { ...JSON_AND_SSE, 'content-type': 'application/json; charset=latin1' })).status).toBe(415);
    expect((await post('{"jsonrpc": "2.0", "id": 1, "method": ')).status).toBe(400);
    expect((await post(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))).status).toBe(400);
    expect((await post(`${'['.repeat(5000)}${']'.repeat(5000)}`)).status).toBe(400);
    expect((await post('"just a string"')).status).toBe(400);
    const tooDeep = await post(JSON.stringify({ ...initialize, params: { ...initialize.params, deep: JSON.parse(`${'{"a":'.repeat(40)}1${'}'.repeat(40)}`) } }));
    expect(tooDeep.status).toBe(400);
    expect((await fetch(stack.mcpUrl, { method: 'PUT', headers: JSON_AND_SSE, body: '{}' })).status).toBe(405);
    // A tool call before initialize, and an unknown session, are refused without a crash.
    expect((await post(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }))).status).toBe(400);
    const stale = await fetch(stack.mcpUrl, { method: 'POST', headers: { ...JSON_AND_SSE, 'mcp-session-id': 'no-such-session' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }) });
    expect(stale.status).toBe(404);
    const client = await connectClient(stack);
    expect((await client.listTools()).tools.length).toBeGreaterThan(0);
    await client.close();
  });
});

describe('the rate limit', () => {
  let stack: McpStack;
  beforeAll(async () => { stack = await startMcpStack({ mcp: { rateLimitPerMinute: 5 } }); });
  afterAll(async () => { await stack.close(); });

  it('answers 429 with Retry-After once a client is over its budget', async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 7; i += 1) {
      const response = await fetch(stack.mcpUrl, { method: 'POST', headers: JSON_AND_SSE, body: JSON.stringify(initialize) });
      statuses.push(response.status);
      if (response.status === 429) retryAfter = response.headers.get('retry-after');
      await response.body?.cancel();
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect(Number(retryAfter)).toBeLessThanOrEqual(60);
  });
});

describe('when the council\'s systems are down', () => {
  let stack: McpStack;
  beforeAll(async () => { stack = await startMcpStack({ councilDown: true }); });
  afterAll(async () => { await stack.close(); });

  it('answers with isError naming what failed and the council\'s phone and website, and stays up', async () => {
    const client = await connectClient(stack);
    const bins = (await client.callTool({ name: 'get_bin_collections', arguments: { uprn: '100090000010' } })) as CallToolResult;
    expect(bins.isError).toBe(true);
    expect(textOf(bins)).toBe("Sorry, I couldn't get your bin collection dates from the council just now. You can check them at https://www.demo-council.example/, or call 0300 123 4567.");
    const addresses = (await client.callTool({ name: 'find_address', arguments: { postcode: 'AB1 2CD' } })) as CallToolResult;
    expect(addresses.isError).toBe(true);
    expect(textOf(addresses)).toMatch(/address system.*0300 123 4567/);
    // Public facts need no back end.
    const charges = (await client.callTool({ name: 'get_council_tax_charges', arguments: { band: 'A' } })) as CallToolResult;
    expect(charges.isError).toBeFalsy();
    await client.close();
  });

  it('keeps a confirmed report in the outbox to send later, and says so', async () => {
    const client = await connectClient(stack);
    const result = (await client.callTool({
      name: 'report_problem',
      arguments: { issue_type: 'GRAFFITI', location: 'the underpass on Mill Lane', description: 'spray paint on the wall', confirm: true },
    })) as CallToolResult;
    await client.close();
    expect(result.structuredContent).toMatchObject({ status: 'saved' });
    expect(textOf(result)).toMatch(/saved your report and will send it/);
  });
});
