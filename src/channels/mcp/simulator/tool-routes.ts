/**
 * The simulator's way to the MCP tools, at /simulator/mcp-api: the tools as an MCP client sees
 * them, and a call to one. Both go through this server's own /mcp with the SDK's Client over
 * Streamable HTTP, so staff see exactly what an assistant gets. The simulated client cannot
 * answer questions mid-call, so report_problem shows its read-back and needs confirm: true.
 */
import express, { type Request, type Router } from 'express';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { z } from 'zod';
import { MCP_PATH } from '../mcp-endpoint';

const callSchema = z.object({
  tool: z.string().min(1).max(64),
  arguments: z.record(z.string(), z.unknown()).default({}),
  /** A bearer token for the personal tools (from the council's identity provider). */
  token: z.string().max(4096).optional(),
}).strict();

export type ToolCallRequest = z.infer<typeof callSchema>;

/** Opens a client on this server's /mcp, runs `use`, and closes it. */
async function withClient<T>(req: Request, token: string | undefined, use: (client: Client) => Promise<T>): Promise<T> {
  const url = new URL(MCP_PATH, `${req.protocol}://${req.get('host')}`);
  const client = new Client({ name: 'council-voice-simulator', version: '1.0.0' });
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const transport = new StreamableHTTPClientTransport(url, { requestInit: { headers } });
  await client.connect(transport);
  try {
    return await use(client);
  } finally {
    // close() alone leaves the session on the server until it expires (a DELETE ends it), and
    // every simulated call would hold one of the sessions real assistants are allowed.
    await transport.terminateSession().catch(() => undefined);
    await client.close();
  }
}

/** Why the MCP server refused, in a sentence for staff (401 needs a token, 429 a pause). */
function describeFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/\b401\b|unauthori[sz]ed/i.test(message)) return 'The MCP server wants a sign-in token for that (a personal tool).';
  if (/\b429\b/.test(message)) return 'The MCP server is rate-limiting this computer: wait a minute.';
  return `The MCP server refused the call: ${message.slice(0, 200)}`;
}

export function createMcpToolRoutes(): Router {
  const router = express.Router();
  router.get('/tools', async (req, res) => {
    try {
      const token = typeof req.query.token === 'string' ? req.query.token : undefined;
      const { tools } = await withClient(req, token, (client) => client.listTools());
      res.json({ tools });
    } catch (error) {
      res.status(502).json({ error: describeFailure(error) });
    }
  });
  router.post('/calls', express.json({ limit: '64kb' }), async (req, res) => {
    const parsed = callSchema.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ error: `Send { tool, arguments }: ${parsed.error.issues[0]?.message ?? 'not that shape'}.` });
      return;
    }
    const { tool, arguments: args, token } = parsed.data;
    try {
      const result = await withClient(req, token, (client) => client.callTool({ name: tool, arguments: args }));
      res.json({ result });
    } catch (error) {
      res.status(502).json({ error: describeFailure(error) });
    }
  });
  return router;
}
