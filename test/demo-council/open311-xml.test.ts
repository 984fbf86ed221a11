/**
 * Open311 in XML against the demo council over real HTTP: the service list, a definition, a
 * report answered with an id and one answered with a token, its status, and the council's errors.
 * One server speaks both formats; the other XML only, as many UK servers do.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { Open311Reporter } from '../../src/connectors/open311/open311-reporter';
import { ReportKeyRefusedError, ReportRejectedError } from '../../src/core/reports/errors';
import { createOpen311Router } from '../../src/demo-council/open311-routes';

let now = new Date('2026-11-27T10:00:00Z');
const servers: Server[] = [];
let both: string;
let xmlOnly: string;

async function listen(app: express.Express): Promise<string> {
  const server = createServer(app);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/open311/v2`;
}

beforeAll(async () => {
  const full = express();
  full.use('/open311/v2', createOpen311Router({ now: () => now, tokenDelayMs: 60_000 }));
  both = await listen(full);
  const onlyXml = express();
  onlyXml.use('/open311/v2', createOpen311Router({ now: () => now, tokenDelayMs: 60_000, formats: ['xml'] }));
  xmlOnly = await listen(onlyXml);
});
afterAll(() => Promise.all(servers.map((server) => new Promise<void>((resolve) => {
  server.close(() => resolve());
  server.closeAllConnections();
}))));

const reporterFor = (endpoint: string, format: 'xml' | 'auto', apiKey = 'demo-open311-key') =>
  new Open311Reporter({ endpoint, apiKey, jurisdictionId: 'demo.example', timeZone: 'Europe/London', format });

describe.each([
  ['format: xml, on a server with both', () => reporterFor(both, 'xml')],
  ['format: auto, on a server with XML only', () => reporterFor(xmlOnly, 'auto')],
])('Open311 XML round trips (%s)', (_name, create) => {
  it('reads the services and a definition, asking only what a resident can answer', async () => {
    const reporter = create();
    expect((await reporter.listServices()).map((s) => s.service_code)).toContain('HW-POT');
    // The pothole's title is a hidden field the skill fills in, and the missed bin's report URL is server_set.
    expect((await reporter.questionsFor('POTHOLE')).map((q) => q.code)).toEqual(['depth']);
    expect(await reporter.questionsFor('MISSED_BIN')).toEqual([]);
    expect(reporter.format).toBe('xml');
  });

  it('files a report, gets its id and notice, and reads its status back', async () => {
    now = new Date('2026-11-27T10:00:00Z');
    const reporter = create();
    const sent = await reporter.submit({ issueType: 'POTHOLE', location: 'Mill Lane', description: 'Deep hole by the bus stop', attributes: { depth: 'deep' } });
    expect(sent).toMatchObject({ kind: 'accepted', reference: expect.stringMatching(/^\d+$/), notice: 'We aim to deal with this within 5 working days.' });
    const reference = sent.kind === 'accepted' ? sent.reference : '';
    expect(await reporter.status(reference)).toMatchObject({ reference, status: 'open', serviceName: 'Pothole', expectedDate: '2026-12-04' });
  });

  it('gets a token for a batch service, then the id once the batch has run', async () => {
    now = new Date('2026-11-27T10:00:00Z');
    const reporter = create();
    const queued = await reporter.submit({ issueType: 'MISSED_BIN', location: '2 High Street', description: 'Missed', uprn: '100000000002' });
    expect(queued.kind).toBe('queued');
    const token = queued.kind === 'queued' ? queued.token : '';
    expect(await reporter.resolveToken(token)).toBeUndefined();
    now = new Date('2026-11-27T10:01:00Z');
    expect(await reporter.resolveToken(token)).toMatch(/^\d+$/);
  });

  it('hears the council\'s reason when it refuses a report, and says when a request is unknown', async () => {
    const reporter = create();
    const error = await reporter.submit({ issueType: 'FLY_TIPPING', location: 'Mill Lane', description: 'Sofa', attributes: { size: 'lorry' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportRejectedError);
    expect(error).toMatchObject({ status: 400, detail: 'attribute[size] must be one of: bags, car, van' });
    expect(await reporter.status('1')).toBeUndefined();
  });
});

describe('a refused key against the demo council', () => {
  it('is a ReportKeyRefusedError carrying the council\'s words', async () => {
    const error = await reporterFor(xmlOnly, 'auto', 'wrong-key').submit({ issueType: 'GRAFFITI', location: 'Underpass', description: 'Tags' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportKeyRefusedError);
    expect(error).toMatchObject({ status: 403, detail: 'api_key is missing or not valid' });
  });
});
