/**
 * MCP as one channel: its serving (/mcp with sessions on the server), its own Lambda function
 * behind the HTTP API (stateless), and the simulator's tool form.
 */
import type { Channel } from '../channel';
import { mcpServing } from './serving';
import { createMcpToolRoutes } from './simulator/tool-routes';

export const mcpChannel: Channel = {
  ...mcpServing,
  // Measured 628 KB: zod (the SDK's, with its JSON Schema output) and ajv, the MCP SDK, our core and connectors.
  // zod stays in index.js (the MCP SDK checks every message with it); the calendar and XML readers wait for first use.
  lambda: { name: 'mcp', entry: 'src/channels/mcp/lambda.ts', maxBytes: 700_000, lazyPackages: ['ical.js', 'fast-xml-parser'] },
  // Tools, not words: no typed turns; the page's tool form calls /simulator/mcp-api.
  simulator: { label: 'MCP tools', createApiRoutes: () => createMcpToolRoutes() },
};
