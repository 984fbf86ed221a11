/**
 * The MCP tools end to end: the SDK's own Client over Streamable HTTP, against createApp over a
 * real composition and the demo council. Each test asserts what an assistant (and so the
 * resident) would get back.
 */
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { connectClient, startMcpStack, type McpStack, textOf } from './mcp-stack';

async function call(client: Client, name: string, args: Record<string, unknown> = {}): Promise<CallToolResult> {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

describe('MCP tools against the demo council', () => {
  let stack: McpStack;
  let client: Client;

  beforeAll(async () => {
    stack = await startMcpStack();
    client = await connectClient(stack);
  });
  afterAll(async () => {
    await client.close();
    await stack.close();
  });

  it('lists the tools with input and output schemas, and marks the read-only ones', async () => {
    const { tools } = await client.listTools();
    const byName = new Map(tools.map((t) => [t.name, t]));
    expect([...byName.keys()].sort()).toEqual(['find_address', 'get_bin_collections', 'get_council_contact', 'get_council_tax_charges', 'get_report_status', 'report_problem']);
    for (const tool of tools) {
      expect(tool.inputSchema.type).toBe('object');
      expect(tool.outputSchema?.type).toBe('object');
      expect(tool.annotations?.readOnlyHint).toBe(tool.name !== 'report_problem');
    }
    const report = byName.get('report_problem');
    expect(report?.inputSchema.required).toEqual(expect.arrayContaining(['issue_type', 'location', 'description']));
    expect((report?.inputSchema.properties?.issue_type as { enum: string[] }).enum).toContain('POTHOLE');
  });

  it('finds the addresses at a postcode, with UPRNs', async () => {
    const result = await call(client, 'find_address', { postcode: 'ab1 2cd' });
    const data = result.structuredContent as { postcode: string; addresses: { uprn: string; address: string }[] };
    expect(result.isError).toBeFalsy();
    expect(data.postcode).toBe('AB1 2CD');
    expect(data.addresses).toHaveLength(6);
    expect(data.addresses).toContainEqual(expect.objectContaining({ uprn: '100090000010', address: expect.stringMatching(/^10 High Street/) }));
    expect(textOf(result)).toContain('6 addresses at AB1 2CD');
  });

  it('says a postcode is not one, as a tool error the assistant can correct', async () => {
    const result = await call(client, 'find_address', { postcode: 'not a code' });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/not a UK postcode/);
  });

  it('gives the next bin collections by UPRN: ISO dates, bins, and a sentence', async () => {
    const result = await call(client, 'get_bin_collections', { uprn: '100090000010' });
    const data = result.structuredContent as { property: { uprn: string }; collections: { date: string; bins: { id: string; container: string }[] }[] };
    expect(result.isError).toBeFalsy();
    expect(data.property.uprn).toBe('100090000010');
    expect(data.collections.length).toBeGreaterThan(1);
    for (const c of data.collections) expect(c.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(data.collections.flatMap((c) => c.bins.map((b) => b.id))).toEqual(expect.arrayContaining(['REFUSE', 'RECYCLING']));
    const first = data.collections[0];
    // The sentence names the first collection's bins, as the voice answer does.
    expect(textOf(result)).toContain(first?.bins[0]?.container);
    expect(textOf(result)).not.toMatch(/anything else/i);
  });

  it('finds the property from a postcode and house, and lists the candidates when the house is ambiguous', async () => {
    const byHouse = await call(client, 'get_bin_collections', { postcode: 'AB1 2CD', house: '10' });
    expect((byHouse.structuredContent as { property: { uprn: string } }).property.uprn).toBe('100090000010');
    const flats = await call(client, 'get_bin_collections', { postcode: 'AB1 2CD', house: '12' });
    const candidates = (flats.structuredContent as { candidates: { uprn: string }[] }).candidates.map((c) => c.uprn).sort();
    expect(candidates).toEqual(['100090000121', '100090000122']);
    const nowhere = await call(client, 'get_bin_collections', { postcode: 'AB1 2CD', house: '99' });
    expect(nowhere.isError).toBe(true);
    const nothing = await call(client, 'get_bin_collections', {});
    expect(nothing.isError).toBe(true);
    expect(textOf(nothing)).toMatch(/UPRN/);
  });

  it('gives council tax charges for one band and for all', async () => {
    const d = await call(client, 'get_council_tax_charges', { band: 'D' });
    expect(d.structuredContent).toEqual({ year: '2026/27', instalments: 10, charges: [{ band: 'D', annual: 1980.12, per_instalment: expect.any(Number) }] });
    expect(textOf(d)).toContain('£1,980.12');
    const all = await call(client, 'get_council_tax_charges');
    expect((all.structuredContent as { charges: unknown[] }).charges).toHaveLength(8);
    // Money written as everywhere else in the service: £1,980.12, not £1980.12.
    expect(textOf(all)).toContain('Band D: £1,980.12 a year (2026/27)');
  });

  it('gives the council contacts and what the service can do', async () => {
    const result = await call(client, 'get_council_contact');
    expect(result.structuredContent).toEqual({
      council: 'Demo Borough Council', phone: '0300 123 4567', website: 'https://www.demo-council.example/',
      // No identity provider here, so no balance: residents cannot sign in through this channel.
      services: ['bin-collections', 'report-problem', 'report-status', 'council-tax-charges'],
    });
    expect(textOf(result)).toContain('0300 123 4567');
  });

  it('reports a problem only on confirm: true, asks the council\'s question first, and a retried confirm files nothing twice', async () => {
    const report = { issue_type: 'POTHOLE', location: 'Mill Lane by the bus stop', description: 'a deep hole in the road' };
    const first = await call(client, 'report_problem', report);
    expect(first.structuredContent).toMatchObject({ status: 'needs-answer', question: { code: 'depth', options: expect.arrayContaining([{ key: 'deep', name: 'deeper than a tennis ball' }]) } });

    const readBack = await call(client, 'report_problem', { ...report, answers: { depth: 'deep' } });
    expect(readBack.structuredContent).toMatchObject({ status: 'needs-confirmation', report: { issue_type: 'POTHOLE', location: report.location, answers: { depth: 'deep' } } });
    expect(textOf(readBack)).toMatch(/Shall I send it to Demo Borough Council\?.*Nothing has been sent yet/);
    const posted = () => stack.calls.filter((c) => c.method === 'POST' && c.url.includes('/requests')).length;
    expect(posted()).toBe(0);

    const sent = await call(client, 'report_problem', { ...report, answers: { depth: 'deep' }, confirm: true });
    const { status, reference } = sent.structuredContent as { status: string; reference: string };
    expect(status).toBe('sent');
    expect(reference).toMatch(/^\w+$/);
    expect(textOf(sent)).toContain(reference.split('').join(' '));
    expect(posted()).toBe(1);

    const retried = await call(client, 'report_problem', { ...report, answers: { depth: 'deep' }, confirm: true });
    expect(retried.structuredContent).toMatchObject({ status: 'sent', reference });
    expect(posted()).toBe(1);

    const status2 = await call(client, 'get_report_status', { reference });
    expect(status2.structuredContent).toMatchObject({ reference, found: true, status: 'open' });
  });

  it('says when a report reference is unknown', async () => {
    const result = await call(client, 'get_report_status', { reference: '99999999' });
    expect(result.structuredContent).toMatchObject({ reference: '99999999', found: false });
  });
});

describe('report_problem with a client that supports elicitation', () => {
  let stack: McpStack;
  beforeAll(async () => { stack = await startMcpStack(); });
  afterAll(async () => { await stack.close(); });
  const posted = () => stack.calls.filter((c) => c.method === 'POST' && c.url.includes('/requests')).length;
  const report = { issue_type: 'POTHOLE', location: 'Station Road', description: 'a hole by the kerb' };

  it('asks the council\'s question and the yes through the client, then sends', async () => {
    const asked: string[] = [];
    const client = await connectClient(stack, {
      elicit: (message, schema) => {
        asked.push(message);
        const fields = Object.keys((schema as { properties: Record<string, unknown> }).properties);
        return fields.includes('send') ? { action: 'accept', content: { send: true } } : { action: 'accept', content: { answer: 'shallow' } };
      },
    });
    // confirm is not needed (nor trusted) when the server can ask the resident itself.
    const result = await call(client, 'report_problem', report);
    await client.close();
    expect(asked).toEqual(['How deep is the pothole?', expect.stringMatching(/^Here's your report: a pothole\. Where: Station Road\..*Shall I send it/)]);
    expect(result.structuredContent).toMatchObject({ status: 'sent', reference: expect.any(String), report: { answers: { depth: 'shallow' } } });
    expect(posted()).toBe(1);
  });

  it('sends nothing when the resident says no', async () => {
    const client = await connectClient(stack, {
      elicit: (_message, schema) => (Object.keys((schema as { properties: Record<string, unknown> }).properties).includes('send')
        ? { action: 'accept', content: { send: false } }
        : { action: 'accept', content: { answer: 'deep' } }),
    });
    const result = await call(client, 'report_problem', { ...report, confirm: true, description: 'another hole' });
    await client.close();
    expect(result.structuredContent).toMatchObject({ status: 'not-sent' });
    expect(textOf(result)).toMatch(/not sent/);
    expect(posted()).toBe(1);
  });
});
