/**
 * The Open311 connector reading what real servers answer, in XML and JSON (fixtures from
 * mySociety's open311-adapter and FixMyStreet, see test/fixtures/open311/README.md).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import nock from 'nock';
import { Open311Reporter } from '../../../src/connectors/open311/open311-reporter';
import type { IssueReport } from '../../../src/core/council';
import { CouncilDataError } from '../../../src/core/errors';
import { ReportRejectedError } from '../../../src/core/reports/errors';

const HOST = 'https://open311.council.example';
const BASE = '/v2';
const fixture = (name: string) => readFileSync(path.join(__dirname, '../../fixtures/open311', name), 'utf8');
const XML = { 'content-type': 'text/xml' };

function reporter(format: 'json' | 'xml' | 'auto' = 'auto', serviceCodes?: Record<string, string>) {
  return new Open311Reporter({ endpoint: `${HOST}${BASE}`, apiKey: 'test', timeZone: 'Europe/London', format, serviceCodes });
}

const pothole: IssueReport = { issueType: 'POTHOLE', location: '22 Acacia Avenue', description: 'Deep hole', attributes: { depth: '100', shape: 'triangle' } };

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('a server that speaks XML (format: xml)', () => {
  it('reads the service list and a definition, and asks only the required question', async () => {
    const scope = nock(HOST)
      .get(`${BASE}/services.xml`).reply(200, fixture('adapter-services.xml'), XML)
      .get(`${BASE}/services/POT.xml`).reply(200, fixture('adapter-definition-pot.xml'), XML);
    const questions = await reporter('xml').questionsFor('POTHOLE');
    expect(questions).toEqual([{ code: 'depth', question: 'depth of pothole, in centimetres', required: true, values: undefined, datatype: 'number' }]);
    expect(scope.isDone()).toBe(true);
  });

  it('files a report and reads back its id and the council\'s notice, then its status', async () => {
    let form: URLSearchParams | undefined;
    const scope = nock(HOST)
      .get(`${BASE}/services.xml`).reply(200, fixture('adapter-services.xml'), XML)
      .get(`${BASE}/services/POT.xml`).reply(200, fixture('adapter-definition-pot.xml'), XML)
      .post(`${BASE}/requests.xml`).reply(200, (_uri, body) => {
        form = new URLSearchParams(body as string);
        return fixture('adapter-post-request.xml');
      }, XML)
      .get(`${BASE}/requests/1.xml`).reply(200, fixture('adapter-request-0.xml'), XML);
    const rep = reporter('xml');
    expect(await rep.submit(pothole)).toEqual({ kind: 'accepted', reference: '1', notice: 'This is a test service' });
    expect(form?.get('service_code')).toBe('POT');
    expect(form?.get('attribute[shape]')).toBe('triangle');
    expect(await rep.status('1')).toEqual({
      reference: '0', status: 'open', statusNotes: undefined, serviceName: 'Pothole Repairs',
      expectedDate: undefined, updatedDate: '2014-01-01',
    });
    expect(scope.isDone()).toBe(true);
  });

  it('reads an id from the one-line answer FixMyStreet got from a council', async () => {
    nock(HOST)
      .get(`${BASE}/services.xml`).reply(200, fixture('adapter-services.xml'), XML)
      .get(`${BASE}/services/POT.xml`).reply(200, fixture('adapter-definition-pot.xml'), XML)
      .post(`${BASE}/requests.xml`).reply(200, fixture('fms-post-request.xml'), XML);
    expect(await reporter('xml').submit(pothole)).toMatchObject({ kind: 'accepted', reference: '248' });
  });

  it('takes a token, and swaps it for an id later', async () => {
    nock(HOST)
      .get(`${BASE}/services.xml`).reply(200, fixture('adapter-services.xml'), XML)
      .get(`${BASE}/services/POT.xml`).reply(200, fixture('adapter-definition-pot.xml'), XML)
      .post(`${BASE}/requests.xml`).reply(201, fixture('spec-post-token.xml'), XML)
      .get(`${BASE}/tokens/12345.xml`).reply(200, fixture('spec-token-lookup.xml'), XML);
    const rep = reporter('xml');
    expect(await rep.submit(pothole)).toEqual({ kind: 'queued', token: '12345', notice: '' });
    expect(await rep.resolveToken('12345')).toBe('638344');
  });

  it('turns the council\'s XML error into its own reason, for the resident and the log', async () => {
    nock(HOST)
      .get(`${BASE}/services.xml`).reply(200, fixture('adapter-services.xml'), XML)
      .get(`${BASE}/services/POT.xml`).reply(200, fixture('adapter-definition-pot.xml'), XML)
      .post(`${BASE}/requests.xml`).reply(400, fixture('fms-error-400.xml'), XML);
    const error = await reporter('xml').submit(pothole).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportRejectedError);
    expect(error).toMatchObject({ status: 400, code: '400', detail: "Service Code cannot be null -- can't proceed with the request." });
  });

  it('says an unknown request is not found, and an empty search found nothing', async () => {
    nock(HOST)
      .get(`${BASE}/requests/99.xml`).reply(404, '<?xml version="1.0" encoding="utf-8"?><errors><error><code>404</code><description>not found</description></error></errors>', XML)
      .get(`${BASE}/services.xml`).reply(200, fixture('adapter-services.xml'), XML)
      .get(`${BASE}/requests.xml`).query(true).reply(200, fixture('adapter-requests-empty.xml'), XML);
    const rep = reporter('xml', { POTHOLE: 'BIN' });
    expect(await rep.status('99')).toBeUndefined();
    expect(await rep.findSubmitted(pothole, 'CV-1', new Date('2026-11-27T10:00:00Z'))).toEqual({ kind: 'not-found' });
  });

  it('calls an HTML page where XML should be the council\'s data problem, never a crash', async () => {
    nock(HOST).get(`${BASE}/services.xml`).reply(200, '<html><body>Down for maintenance</body></html>', { 'content-type': 'text/html' });
    await expect(reporter('xml').questionsFor('POTHOLE')).rejects.toBeInstanceOf(CouncilDataError);
  });
});

describe('format: auto', () => {
  it('reads JSON from a server that has it', async () => {
    const scope = nock(HOST)
      .get(`${BASE}/services.json`).reply(200, fixture('adapter-services.json'))
      .get(`${BASE}/services/POT.json`).reply(200, fixture('adapter-definition-pot.json'))
      .post(`${BASE}/requests.json`).reply(200, fixture('adapter-post-request.json'));
    const rep = reporter();
    expect(await rep.submit(pothole)).toEqual({ kind: 'accepted', reference: '0', notice: 'This is a test service' });
    expect(rep.format).toBe('json');
    expect(scope.isDone()).toBe(true);
  });

  it.each([
    ['a bare 404', 404, 'Bad extension. We support .xml and .json'],
    ['406 Not Acceptable', 406, 'Not Acceptable'],
    ['415', 415, ''],
    ['a 200 that is not JSON', 200, fixture('adapter-services.xml')],
  ])('moves to XML after %s on the JSON path, and remembers it', async (_name, status, body) => {
    const scope = nock(HOST)
      .get(`${BASE}/services.json`).once().reply(status, body)
      .get(`${BASE}/services.xml`).reply(200, fixture('adapter-services.xml'), XML)
      .get(`${BASE}/services/POT.xml`).reply(200, fixture('adapter-definition-pot.xml'), XML)
      .post(`${BASE}/requests.xml`).reply(200, fixture('adapter-post-request.xml'), XML);
    const rep = reporter();
    expect(await rep.submit(pothole)).toMatchObject({ kind: 'accepted', reference: '1' });
    expect(rep.format).toBe('xml');
    // Every call after the first went straight to XML: nock has no second services.json to give.
    expect(scope.isDone()).toBe(true);
  });

  it('takes a 404 in Open311\'s own JSON error shape as "not found", not as "no JSON here"', async () => {
    nock(HOST).get(`${BASE}/requests/7.json`).reply(404, [{ code: 404, description: 'Request 7 not found' }]);
    const rep = reporter();
    expect(await rep.status('7')).toBeUndefined();
    expect(rep.format).toBe('json');
  });
});
