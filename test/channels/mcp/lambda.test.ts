/**
 * /mcp on Lambda: API Gateway HTTP API events through the channel's own entry, stateless, against
 * the demo council. report_problem needs its confirm: true call there (no session to elicit on).
 */
import type { HttpApiResult } from '../../../src/entry/lambda-channels';
import { freshHandler as freshLambda, useLambdaEnvironment } from '../../support/lambda-bench';

type Handler = (event: unknown) => Promise<HttpApiResult>;
const freshHandler = () => freshLambda<Handler>(() => import('../../../src/channels/mcp/lambda'));

let id = 0;
/** The event API Gateway sends for a JSON-RPC message POSTed to /mcp. */
function rpcEvent(method: string, params: unknown, more: { body?: string; headers?: Record<string, string> } = {}) {
  return {
    version: '2.0',
    routeKey: 'POST /mcp',
    rawPath: '/prod/mcp',
    rawQueryString: '',
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'mcp-protocol-version': '2025-06-18', ...more.headers },
    requestContext: { http: { method: 'POST', sourceIp: '203.0.113.7' } },
    body: more.body ?? JSON.stringify({ jsonrpc: '2.0', id: ++id, method, params }),
    isBase64Encoded: false,
  };
}

describe('the MCP Lambda entry (stateless)', () => {
  useLambdaEnvironment();

  test('initialises without a session, and sends a report only on the confirm: true call, once', async () => {
    const handler = await freshHandler();
    const init = await handler(rpcEvent('initialize', { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'gemini', version: '1' } }));
    expect(init.statusCode).toBe(200);
    expect(init.headers['mcp-session-id']).toBeUndefined();
    expect(JSON.parse(init.body).result.serverInfo.name).toBe('council-voice');

    const report = { issue_type: 'STREET_LIGHT', location: 'outside 4 High Street', description: 'the light is out', answers: { day_burning: 'no' } };
    const call = async (args: Record<string, unknown>) => {
      const out = await handler(rpcEvent('tools/call', { name: 'report_problem', arguments: args }));
      expect(out.statusCode).toBe(200);
      return JSON.parse(out.body).result.structuredContent as { status: string; reference?: string };
    };
    expect(await call(report)).toMatchObject({ status: 'needs-confirmation' });
    // 'saved' when the council takes longer than the turn's budget (a loaded machine): it is in the outbox.
    const sent = await call({ ...report, confirm: true });
    expect(['sent', 'saved']).toContain(sent.status);
    if (sent.status === 'sent') expect(sent.reference).toEqual(expect.any(String));
    // A retried confirm finds the same outbox entry (a new container would too: the outbox is shared).
    const again = await call({ ...report, confirm: true });
    if (sent.status === 'sent') expect(again).toEqual(sent);
    else expect(['sent', 'saved']).toContain(again.status);
    // And the council holds one report, not two (none yet if both answers came back 'saved').
    const listed = await (await fetch(`${process.env.DEMO_COUNCIL_URL}/open311/v2/requests.json`)).json() as { description?: string }[];
    const filed = listed.filter((r) => r.description?.includes(report.description)).length;
    if (sent.status === 'sent') expect(filed).toBe(1);
    else expect(filed).toBeLessThanOrEqual(1);
  });

  test('refuses what the server refuses: too large, not JSON, and GET (no sessions to stream)', async () => {
    const handler = await freshHandler();
    expect((await handler(rpcEvent('x', {}, { body: 'x'.repeat(300 * 1024) }))).statusCode).toBe(413);
    expect((await handler(rpcEvent('x', {}, { body: '{"jsonrpc":' }))).statusCode).toBe(400);
    expect((await handler(rpcEvent('tools/list', {}, { headers: { 'content-type': 'text/plain' } }))).statusCode).toBe(415);
    const get = await handler({ routeKey: 'GET /mcp', rawPath: '/mcp', headers: { accept: 'text/event-stream' }, requestContext: { http: { method: 'GET', sourceIp: '203.0.113.7' } } });
    expect(get.statusCode).toBe(405);
  });
});
