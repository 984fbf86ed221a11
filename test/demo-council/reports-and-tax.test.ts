import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { DEMO_CONFIG_PATH, loadConfig } from '../../src/config/load-config';
import { CouncilTaxApi } from '../../src/connectors/council-tax-api';
import { Open311Reporter } from '../../src/connectors/open311/open311-reporter';
import { AccountLinkError } from '../../src/core/errors';
import { ReportRejectedError } from '../../src/core/reports/errors';
import { createCouncilTaxRouter } from '../../src/demo-council/council-tax-routes';
import { createOpen311Router } from '../../src/demo-council/open311-routes';
import { startDemoCouncil, type DemoCouncil } from '../../src/demo-council/server';

const ISSUE_TYPES = ['POTHOLE', 'STREET_LIGHT', 'FLY_TIPPING', 'GRAFFITI', 'MISSED_BIN', 'DOG_FOULING', 'ABANDONED_VEHICLE', 'BLOCKED_DRAIN'];

// End to end: the demo council config, the real connectors, and the demo council over real HTTP.
describe('the demo council\'s Open311 and council tax, through the real connectors', () => {
  let council: DemoCouncil;
  let reporter: Open311Reporter;
  let tax: CouncilTaxApi;

  beforeAll(async () => {
    council = await startDemoCouncil({ port: 0 });
    const config = loadConfig(DEMO_CONFIG_PATH, { DEMO_COUNCIL_URL: council.url });
    reporter = new Open311Reporter({ ...config.reports!, timeZone: config.council.timeZone });
    tax = new CouncilTaxApi(config.councilTax!.account!);
  });
  afterAll(() => council.close());

  it('has a service for every kind of problem the skill knows', async () => {
    for (const issueType of ISSUE_TYPES) await expect(reporter.questionsFor(issueType)).resolves.toBeInstanceOf(Array);
  });

  it('asks the pothole question, takes a report with its answer, and reports its status', async () => {
    expect(await reporter.questionsFor('POTHOLE')).toEqual([{
      code: 'depth', question: 'How deep is the pothole?', required: true, datatype: 'singlevaluelist',
      values: [{ key: 'shallow', name: 'shallower than a tennis ball' }, { key: 'deep', name: 'deeper than a tennis ball' }],
    }]);
    const result = await reporter.submit({ issueType: 'POTHOLE', location: '10 High Street', uprn: '100090000010', description: 'Deep hole', attributes: { depth: 'deep' } });
    expect(result).toMatchObject({ kind: 'accepted', reference: expect.stringMatching(/^4002\d\d$/), notice: 'We aim to deal with this within 5 working days.' });
    const status = await reporter.status(result.kind === 'accepted' ? result.reference : '');
    expect(status).toMatchObject({ status: 'open', serviceName: 'Pothole', statusNotes: 'Received. It is with the team that deals with it.' });
    expect(status?.expectedDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('refuses a report missing a required answer, in words the skill can pass on', async () => {
    const error = await reporter.submit({ issueType: 'POTHOLE', location: 'Mill Lane', description: 'Hole' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportRejectedError);
    expect(error).toMatchObject({ status: 400, detail: 'attribute[depth] is required: How deep is the pothole?' });
  });

  it('answers a missed bin with a token, as a batch service does', async () => {
    const result = await reporter.submit({ issueType: 'MISSED_BIN', location: '2 High Street', description: 'Green bin missed' });
    expect(result.kind).toBe('queued');
    // The demo's batch runs after 20 seconds: no number yet.
    expect(await reporter.resolveToken(result.kind === 'queued' ? result.token : '')).toBeUndefined();
  });

  it('has the sample reports, and no report by an unknown number', async () => {
    expect(await reporter.status('400123')).toMatchObject({ status: 'open', statusNotes: 'Inspected: a repair crew is booked.', expectedDate: '2026-12-04' });
    expect(await reporter.status('400100')).toMatchObject({ status: 'closed', serviceName: 'Street light not working' });
    expect(await reporter.status('1')).toBeUndefined();
  });

  it('refuses a wrong API key with a 403', async () => {
    const config = loadConfig(DEMO_CONFIG_PATH, { DEMO_COUNCIL_URL: council.url });
    const wrongKey = new Open311Reporter({ ...config.reports!, apiKey: 'not-the-key', timeZone: 'Europe/London' });
    await expect(wrongKey.submit({ issueType: 'GRAFFITI', location: 'Underpass', description: 'Tags' })).rejects.toMatchObject({ status: 403, detail: 'api_key is missing or not valid' });
  });

  it('gives an account to a valid demo token, and refuses an expired one', async () => {
    expect(await tax.account('demo-token-paid')).toEqual({ accountReference: 'CT-1002010', band: 'E', balancePence: 0, nextInstalment: undefined });
    await expect(tax.account('demo-token-expired')).rejects.toBeInstanceOf(AccountLinkError);
    await expect(tax.account('made-up-token')).rejects.toBeInstanceOf(AccountLinkError);
  });

  it('looks up the band of a demo home by UPRN', async () => {
    expect(await tax.bandFor('100090000002')).toBe('C');
    expect(await tax.bandFor('100090000010')).toBe('D');
    expect(await tax.bandFor('999999')).toBeUndefined();
  });
});

describe('the demo council on a given day', () => {
  let server: Server;
  let base: string;
  let now = new Date('2026-11-27T10:00:00Z');

  beforeAll(async () => {
    const app = express();
    app.use('/open311/v2', createOpen311Router({ now: () => now, tokenDelayMs: 60_000 }));
    app.use('/council-tax/v1', createCouncilTaxRouter({ now: () => now }));
    server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  }));

  it('gives a batch report its number once the batch has run, with an expected date in working days', async () => {
    const reporter = new Open311Reporter({ endpoint: `${base}/open311/v2`, apiKey: 'demo-open311-key', jurisdictionId: 'demo.example', timeZone: 'Europe/London' });
    const queued = await reporter.submit({ issueType: 'MISSED_BIN', location: '2 High Street', description: 'Missed' });
    const token = queued.kind === 'queued' ? queued.token : '';
    expect(await reporter.resolveToken(token)).toBeUndefined();
    now = new Date('2026-11-27T10:01:00Z');
    const id = await reporter.resolveToken(token);
    expect(id).toMatch(/^\d+$/);
    // Friday 27 November plus two working days is Tuesday 1 December.
    expect(await reporter.status(id ?? '')).toMatchObject({ status: 'open', serviceName: 'Missed bin collection', expectedDate: '2026-12-01' });
  });

  it('works out the balance and the next instalment from the day, for an account paid on time', async () => {
    now = new Date('2026-11-27T10:00:00Z');
    const tax = new CouncilTaxApi({ url: `${base}/council-tax/v1` });
    // £1,980.12 in ten: £198.03 in April, then £198.01; eight paid by 27 November.
    expect(await tax.account('demo-token-resident')).toEqual({
      accountReference: 'CT-1002003',
      band: 'D',
      balancePence: 39602,
      nextInstalment: { date: '2026-12-01', amountPence: 19801 },
    });
  });

  it('answers a request without a token with a 401 and a Bearer challenge', async () => {
    const response = await fetch(`${base}/council-tax/v1/account`);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="demo-council"');
  });

  it('answers Open311 errors as [{code, description}]', async () => {
    const response = await fetch(`${base}/open311/v2/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ api_key: 'demo-open311-key', service_code: 'NOPE', address_string: 'x' }).toString(),
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual([{ code: 404, description: 'service_code NOPE not found' }]);
  });
});
