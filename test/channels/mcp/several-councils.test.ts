/**
 * The MCP tools over the demo deployment of two councils (councils/, as `npm start` serves it):
 * an assistant naming a property gets the answer of the council that owns it, though the caller
 * is anonymous and has no saved address to go by.
 */
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { connectClient, startMcpStack, type McpStack, textOf } from './mcp-stack';

type Collections = { property: { uprn: string }; collections: { bins: { container: string }[] }[] };
const containersOf = (result: CallToolResult) =>
  new Set((result.structuredContent as Collections).collections.flatMap((c) => c.bins.map((b) => b.container)));

describe('MCP tools in a service of several councils', () => {
  let stack: McpStack;
  let client: Client;
  const call = async (name: string, args: Record<string, unknown>) => (await client.callTool({ name, arguments: args })) as CallToolResult;

  beforeAll(async () => {
    stack = await startMcpStack({ severalCouncils: true });
    client = await connectClient(stack);
  });
  afterAll(async () => {
    await client.close();
    await stack.close();
  });

  it('answers bin days by postcode and house from the council that owns each address', async () => {
    const valley = await call('get_bin_collections', { postcode: 'DV1 1AA', house: '1' });
    expect(valley.isError).toBeFalsy();
    // Demo Valley's own bins, from its UKBinCollectionData server.
    expect(containersOf(valley)).toContain('blue lidded bin');
    expect(containersOf(valley)).not.toContain('green recycling bin');

    const borough = await call('get_bin_collections', { postcode: 'AB1 2CD', house: '10' });
    expect(borough.isError).toBeFalsy();
    expect(containersOf(borough)).toContain('green recycling bin');
    expect(containersOf(borough)).not.toContain('blue lidded bin');
  });

  it('answers by UPRN with the postcode that says whose property it is', async () => {
    const result = await call('get_bin_collections', { uprn: '100095000001', postcode: 'DV1 1AA' });
    expect(result.isError).toBeFalsy();
    expect((result.structuredContent as Collections).property.uprn).toBe('100095000001');
    expect(containersOf(result)).toContain('blue lidded bin');
  });

  it('asks for the postcode when a UPRN alone cannot say which council looks after it', async () => {
    const result = await call('get_bin_collections', { uprn: '100095000001' });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/several councils.*postcode of the property with UPRN 100095000001/);
    // Not the voice dialog's question, which an assistant cannot answer turn by turn.
    expect(textOf(result)).not.toMatch(/What's your postcode\?/);
  });

  it('names the councils it covers for a property none of them owns', async () => {
    const result = await call('get_bin_collections', { uprn: '100095000001', postcode: 'ZZ9 9ZZ' });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/Demo Borough Council and Demo Valley District Council/);
  });

  it('sends a report to the council the postcode belongs to', async () => {
    const borough = await call('report_problem', { issue_type: 'POTHOLE', location: 'Mill Lane', description: 'a deep hole by the school gates', postcode: 'AB1 2CD' });
    // Demo Borough's own question about potholes, asked in its name, not the service's.
    expect((borough.structuredContent as { status: string }).status).toBe('needs-answer');
    expect(textOf(borough)).toMatch(/^Demo Borough Council needs an answer .*How deep is the pothole\?/);

    // Demo Valley takes no reports by voice: its own website and phone, not the other council's.
    const valley = await call('report_problem', { issue_type: 'POTHOLE', location: 'Mill Road', description: 'a deep hole', postcode: 'DV1 1AA' });
    expect(textOf(valley)).toContain('0300 765 4321');
    expect(textOf(valley)).not.toContain('0300 123 4567');
  });
});
