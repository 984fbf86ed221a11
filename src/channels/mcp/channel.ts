/**
 * MCP as one channel: its serving (/mcp with sessions on the server), its own Lambda function
 * behind the HTTP API (stateless), and the simulator's tool form.
 */
import type { Channel } from '../channel';
import { mcpServing } from './serving';
import { createMcpToolRoutes } from './simulator/tool-routes';

export const mcpChannel: Channel = {
  ...mcpServing,
  // Measured 757 KB: zod (the SDK's, with its JSON Schema output) and ajv, ical.js, the MCP SDK, our core and connectors.
  lambda: { name: 'mcp', entry: 'src/channels/mcp/lambda.ts', maxBytes: 800_000 },
  // Tools, not words: no typed turns; the page's tool form calls /simulator/mcp-api.
  simulator: { label: 'MCP tools', createApiRoutes: () => createMcpToolRoutes() },
};
