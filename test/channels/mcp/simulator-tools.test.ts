/**
 * The staff simulator's way to the tools (/simulator/mcp-api): each call goes through this
 * server's own /mcp as an assistant would, and ends its session when done, so staff testing
 * never pushes a real assistant's session out of the server's limited room for them.
 */
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import request from 'supertest';
import { connectClient, startMcpStack, textOf, type McpStack } from './mcp-stack';

describe('the simulator calling the MCP tools', () => {
  let stack: McpStack;
  let assistant: Client;

  beforeAll(async () => {
    // Room for two sessions: the assistant's, and one more.
    stack = await startMcpStack({ simulator: true, mcp: { sessions: { max: 2, idleMinutes: 30 } } });
    assistant = await connectClient(stack);
  });
  afterAll(async () => {
    await assistant.close();
    await stack.close();
  });

  it('answers each call and leaves the assistant\'s session where it was', async () => {
    for (let i = 0; i < 4; i += 1) {
      const called = await request(stack.url).post('/simulator/mcp-api/calls').send({ tool: 'get_council_contact', arguments: {} });
      expect(called.status).toBe(200);
      expect(textOf(called.body.result as CallToolResult)).toContain('0300 123 4567');
    }
    const still = (await assistant.callTool({ name: 'get_council_contact', arguments: {} })) as CallToolResult;
    expect(textOf(still)).toContain('0300 123 4567');
  });
});
