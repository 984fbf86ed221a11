import nock from 'nock';
import { Open311Reporter } from '../../../src/connectors/open311/open311-reporter';
import type { IssueReport } from '../../../src/core/council';
import { CouncilApiError, CouncilDataError } from '../../../src/core/errors';
import { isPermanentFailure } from '../../../src/core/reports/delivery';
import { ReportRejectedError, UncertainSubmissionError, UnsupportedIssueTypeError } from '../../../src/core/reports/errors';

const HOST = 'https://reports.council.example';
const BASE = '/open311/v2';
const JURISDICTION = { jurisdiction_id: 'council.example' };

/** services.json as councils publish it: realtime services, a batch one, keywords as a string. */
const SERVICES = [
  { service_code: 'RD-01', service_name: 'Pothole or road defect', description: 'Holes in the road', metadata: true, type: 'realtime', keywords: 'roads, potholes', group: 'Highways' },
  { service_code: 'SL-02', service_name: 'Street light fault', metadata: false, type: 'realtime', keywords: 'lamp, lighting', group: 'Highways' },
  { service_code: 'WS-09', service_name: 'Missed collection', metadata: 'true', type: 'batch', keywords: 'missed bin, bins', group: 'Waste' },
  { service_code: 'EN-05', service_name: 'Report it', metadata: false, type: 'realtime', keywords: 'graffiti, vandalism', group: 'Environment' },
  { service_code: 'EN-06', service_name: 'Abandoned cars', metadata: false, type: 'realtime', keywords: '', group: 'Fly-tipping and abandoned vehicles' },
];

const POTHOLE_DEFINITION = {
  service_code: 'RD-01',
  attributes: [
    { variable: true, code: 'position', datatype: 'singlevaluelist', required: true, order: 2, description: 'Where in the road is it?', values: [{ key: 'lane', name: 'in the lane' }, { key: 'kerb', name: 'by the kerb' }] },
    { variable: true, code: 'depth', datatype: 'singlevaluelist', required: true, order: 1, description: 'How deep is the pothole?', values: [{ key: 'deep', name: 'deeper than a tennis ball' }] },
    { variable: true, code: 'photo_ref', datatype: 'string', required: false, order: 3, description: 'Photo reference' },
    { variable: false, code: 'note', datatype: 'text', required: true, order: 0, description: 'We aim to inspect within 5 days' },
  ],
};

const MISSED_BIN_DEFINITION = {
  service_code: 'WS-09',
  attributes: [{ variable: true, code: 'bins', datatype: 'multivaluelist', required: true, order: 1, description: 'Which bins were missed?', values: [{ key: 'green', name: 'green' }, { key: 'black', name: 'black' }] }],
};

function reporter(options: { serviceCodes?: Record<string, string>; timeoutMs?: number; now?: () => Date } = {}) {
  return new Open311Reporter({
    endpoint: `${HOST}${BASE}/`,
    apiKey: 'secret-key',
    jurisdictionId: 'council.example',
    timeZone: 'Europe/London',
    serviceCodes: options.serviceCodes,
    timeoutMs: options.timeoutMs,
    clock: options.now ? { now: options.now } : undefined,
  });
}

function council() {
  return nock(HOST);
}

const report: IssueReport = {
  issueType: 'POTHOLE',
  location: '12 High Street',
  description: 'Deep hole by the bus stop',
  attributes: { depth: 'deep', position: 'kerb' },
  uprn: '100000000002',
  lat: 51.501,
  long: -0.141,
};

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('finding the council\'s service and its questions', () => {
  it('matches by service name and asks only the required, answerable questions, in the council\'s order', async () => {
    const scope = council()
      .get(`${BASE}/services.json`).query(JURISDICTION).reply(200, SERVICES)
      .get(`${BASE}/services/RD-01.json`).query(JURISDICTION).reply(200, POTHOLE_DEFINITION);
    const questions = await reporter().questionsFor('POTHOLE');
    expect(questions).toEqual([
      { code: 'depth', question: 'How deep is the pothole?', required: true, datatype: 'singlevaluelist', values: [{ key: 'deep', name: 'deeper than a tennis ball' }] },
      { code: 'position', question: 'Where in the road is it?', required: true, datatype: 'singlevaluelist', values: [{ key: 'lane', name: 'in the lane' }, { key: 'kerb', name: 'by the kerb' }] },
    ]);
    expect(scope.isDone()).toBe(true);
  });

  it('reads services.json once for many questions, and asks nothing of a service without metadata', async () => {
    const scope = council().get(`${BASE}/services.json`).query(JURISDICTION).once().reply(200, SERVICES);
    const open311 = reporter();
    expect(await open311.questionsFor('GRAFFITI')).toEqual([]);
    expect(await open311.questionsFor('STREET_LIGHT')).toEqual([]);
    expect(scope.isDone()).toBe(true);
  });

  it('uses the code the council configured for an issue type, over any name match', async () => {
    const scope = council()
      .get(`${BASE}/services.json`).query(JURISDICTION).reply(200, SERVICES)
      .post(`${BASE}/requests.json`).reply(200, (_uri, body) => {
        expect(new URLSearchParams(body as string).get('service_code')).toBe('EN-06');
        return [{ service_request_id: '77' }];
      });
    await reporter({ serviceCodes: { FLY_TIPPING: 'EN-06' } }).submit({ issueType: 'FLY_TIPPING', location: 'Mill Lane', description: 'Mattresses' });
    expect(scope.isDone()).toBe(true);
  });

  it('says the council has no service for an issue type it cannot match', async () => {
    council().get(`${BASE}/services.json`).query(JURISDICTION).reply(200, SERVICES);
    await expect(reporter().questionsFor('DOG_FOULING')).rejects.toBeInstanceOf(UnsupportedIssueTypeError);
  });

  it('keeps answering from the services it read before while the council\'s server is down', async () => {
    let now = new Date('2026-11-27T10:00:00Z');
    const open311 = reporter({ now: () => now });
    council().get(`${BASE}/services.json`).query(JURISDICTION).reply(200, SERVICES);
    await open311.questionsFor('GRAFFITI');
    now = new Date('2026-11-27T12:00:00Z');
    const down = council().get(`${BASE}/services.json`).query(JURISDICTION).times(2).reply(503, 'Service Unavailable');
    expect(await open311.questionsFor('GRAFFITI')).toEqual([]);
    expect(down.isDone()).toBe(true);
  });
});

describe('sending a report (POST requests.json)', () => {
  function withServices() {
    return council()
      .get(`${BASE}/services.json`).query(JURISDICTION).reply(200, SERVICES)
      .get(`${BASE}/services/RD-01.json`).query(JURISDICTION).reply(200, POTHOLE_DEFINITION);
  }

  it('form-encodes the report with the key, jurisdiction, place, UPRN, position and answers, and keeps the id', async () => {
    let sent: URLSearchParams | undefined;
    let contentType: string | undefined;
    const scope = withServices().post(`${BASE}/requests.json`).reply(201, function (_uri, body) {
      sent = new URLSearchParams(body as string);
      contentType = String(this.req.headers['content-type']);
      return [{ service_request_id: 400123, service_notice: 'We aim to inspect within 5 working days.', account_id: null }];
    });
    const result = await reporter().submit(report);
    expect(result).toEqual({ kind: 'accepted', reference: '400123', notice: 'We aim to inspect within 5 working days.' });
    expect(contentType).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(sent ?? [])).toEqual({
      api_key: 'secret-key',
      jurisdiction_id: 'council.example',
      service_code: 'RD-01',
      address_string: '12 High Street',
      address_id: '100000000002',
      lat: '51.501',
      long: '-0.141',
      description: 'Deep hole by the bus stop',
      'attribute[depth]': 'deep',
      'attribute[position]': 'kerb',
    });
    expect(scope.isDone()).toBe(true);
  });

  it('sends a multiple-choice answer as attribute[code][] and takes a token from a batch service', async () => {
    let sent: URLSearchParams | undefined;
    const scope = council()
      .get(`${BASE}/services.json`).query(JURISDICTION).reply(200, SERVICES)
      .get(`${BASE}/services/WS-09.json`).query(JURISDICTION).reply(200, MISSED_BIN_DEFINITION)
      .post(`${BASE}/requests.json`).reply(200, (_uri, body) => {
        sent = new URLSearchParams(body as string);
        return [{ token: 'b7f3-21', service_notice: '' }];
      });
    const result = await reporter().submit({ issueType: 'MISSED_BIN', location: '4 Mill Lane', description: 'Green bin missed', attributes: { bins: 'green' } });
    expect(result).toEqual({ kind: 'queued', token: 'b7f3-21', notice: '' });
    expect(sent?.getAll('attribute[bins][]')).toEqual(['green']);
    expect(scope.isDone()).toBe(true);
  });

  it('accepts a server that answers the created request as an object rather than a list', async () => {
    withServices().post(`${BASE}/requests.json`).reply(200, { service_request_id: '88' });
    await expect(reporter().submit(report)).resolves.toEqual({ kind: 'accepted', reference: '88', notice: undefined });
  });

  it.each([
    [400, '400', 'attribute[depth] is required', true],
    [404, '404', 'service_code RD-01 not found', true],
    [403, '403', 'Invalid api_key', false],
  ])('turns an Open311 %i error into the council\'s own words', async (status, code, description, permanent) => {
    withServices().post(`${BASE}/requests.json`).reply(status, [{ code: Number(code), description }]);
    const error = await reporter().submit(report).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportRejectedError);
    expect(error).toMatchObject({ status, code, detail: description, service: 'reports' });
    expect(isPermanentFailure(error)).toBe(permanent);
  });

  it('treats a 500 page as an outage, to retry later, and does not repeat the POST itself', async () => {
    const scope = withServices().post(`${BASE}/requests.json`).once().reply(500, '<html>Internal Server Error</html>');
    const error = await reporter().submit(report).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CouncilApiError);
    expect(error).not.toBeInstanceOf(ReportRejectedError);
    expect(isPermanentFailure(error)).toBe(false);
    expect(scope.isDone()).toBe(true);
  });

  it('marks an answer it cannot read as uncertain, so the next attempt looks for the report before sending again', async () => {
    withServices().post(`${BASE}/requests.json`).reply(200, 'OK');
    const error = await reporter().submit(report).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UncertainSubmissionError);
    expect(isPermanentFailure(error)).toBe(false);
  });

  it('refuses an answer with neither an id nor a token', async () => {
    withServices().post(`${BASE}/requests.json`).reply(200, [{ service_notice: 'thanks' }]);
    await expect(reporter().submit(report)).rejects.toBeInstanceOf(CouncilDataError);
  });

  it('gives up waiting after the timeout and marks the attempt uncertain, since the council may have filed it', async () => {
    withServices().post(`${BASE}/requests.json`).delay(500).reply(200, [{ service_request_id: '1' }]);
    const error = await reporter({ timeoutMs: 100 }).submit(report).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UncertainSubmissionError);
    expect((error as Error).message).toContain('no answer within 100 ms');
  });
});

describe('tokens and status', () => {
  it('swaps a token for its id once the council has one, and not before', async () => {
    const scope = council()
      .get(`${BASE}/tokens/b7f3-21.json`).query(JURISDICTION).reply(200, [{ token: 'b7f3-21' }])
      .get(`${BASE}/tokens/b7f3-21.json`).query(JURISDICTION).reply(200, [{ service_request_id: '400124', token: 'b7f3-21' }])
      .get(`${BASE}/tokens/zzz.json`).query(JURISDICTION).reply(404, [{ code: 404, description: 'token not found' }]);
    const open311 = reporter();
    expect(await open311.resolveToken('b7f3-21')).toBeUndefined();
    expect(await open311.resolveToken('b7f3-21')).toBe('400124');
    expect(await open311.resolveToken('zzz')).toBeUndefined();
    expect(scope.isDone()).toBe(true);
  });

  it('reads a request\'s status, with dates as days in the council\'s zone', async () => {
    const scope = council().get(`${BASE}/requests/400123.json`).query(JURISDICTION).reply(200, [{
      service_request_id: 400123,
      status: 'open',
      status_notes: 'Crew booked',
      service_name: 'Pothole or road defect',
      service_code: 'RD-01',
      requested_datetime: '2026-06-28T09:00:00+01:00',
      updated_datetime: '2026-06-30T16:12:00+01:00',
      // 00:30 on 4 July in London (BST), still 3 July in UTC.
      expected_datetime: '2026-07-03T23:30:00Z',
    }]);
    expect(await reporter().status('400123')).toEqual({
      reference: '400123',
      status: 'open',
      statusNotes: 'Crew booked',
      serviceName: 'Pothole or road defect',
      expectedDate: '2026-07-04',
      updatedDate: '2026-06-30',
    });
    expect(scope.isDone()).toBe(true);
  });

  it('answers "no such report" for an Open311 404 or an empty list, but not for a wrong address', async () => {
    council()
      .get(`${BASE}/requests/1.json`).query(JURISDICTION).reply(404, [{ code: 404, description: 'Request not found' }])
      .get(`${BASE}/requests/2.json`).query(JURISDICTION).reply(200, [])
      .get(`${BASE}/requests/3.json`).query(JURISDICTION).reply(404, '<html>Not Found</html>');
    const open311 = reporter();
    expect(await open311.status('1')).toBeUndefined();
    expect(await open311.status('2')).toBeUndefined();
    await expect(open311.status('3')).rejects.toBeInstanceOf(CouncilApiError);
  });

  it('escapes a reference in the path', async () => {
    const scope = council().get(`${BASE}/requests/a%2Fb.json`).query(JURISDICTION).reply(200, []);
    expect(await reporter().status('a/b')).toBeUndefined();
    expect(scope.isDone()).toBe(true);
  });
});
