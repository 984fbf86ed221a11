import { readFileSync } from 'node:fs';
import path from 'node:path';
import nock from 'nock';
import { UkbcdBinCollections, type UkbcdBinCollectionsOptions } from '../../../src/connectors/ukbcd/ukbcd-bin-collections';
import { CouncilApiError, CouncilDataError, TimeoutError } from '../../../src/core/errors';
import type { Clock } from '../../../src/core/dates';

const SERVER = 'http://ukbcd.internal:8080';
const HOME = { uprn: '766252532', postcode: 'HP19 7AA', label: '12 Fairford Leys Way', buildingNumber: '12' };

/** Stream words a council officer would write for these councils' own bin names. */
const STREAMS = [
  { id: 'REFUSE', match: ['refuse', 'black', 'household waste', 'regular bin'] },
  { id: 'RECYCLING', match: ['recycling', 'green'] },
  { id: 'FOOD', match: ['food'] },
  { id: 'GARDEN', match: ['garden', 'brown'] },
];

function answer(name: string): string {
  return readFileSync(path.join(__dirname, '../../fixtures/ukbcd', `${name}.json`), 'utf8');
}

function clockAt(iso: string): Clock {
  return { now: () => new Date(iso) };
}

function connector(overrides: Partial<UkbcdBinCollectionsOptions> = {}): UkbcdBinCollections {
  return new UkbcdBinCollections({
    url: SERVER,
    council: 'AylesburyValeCouncil',
    params: { url: 'http://avdcbins.web-labs.co.uk/RefuseApi.asmx', skip_get_url: true },
    streams: STREAMS,
    timeZone: 'Europe/London',
    cacheMinutes: 0,
    clock: clockAt('2023-08-20T09:00:00Z'),
    ...overrides,
  });
}

function serve(council: string, body: string, status = 200): nock.Scope {
  return nock(SERVER).get(`/api/bin_collection/${council}`).query(true).reply(status, body, { 'content-type': 'application/json' });
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('asking the UKBinCollectionData server', () => {
  it('sends the resident\'s UPRN, postcode and house number with the council\'s own parameters', async () => {
    const scope = nock(SERVER).get('/api/bin_collection/AylesburyValeCouncil').query({
      uprn: '766252532', postcode: 'HP19 7AA', house_number: '12',
      url: 'http://avdcbins.web-labs.co.uk/RefuseApi.asmx', skip_get_url: 'true',
    }).reply(200, answer('AylesburyValeCouncil'));
    await connector().upcomingCollections(HOME, '2023-08-20', 7);
    expect(scope.isDone()).toBe(true);
  });

  it('sends only the details the council needs, takes the house number from a saved label, and fills {uprn} in a parameter', async () => {
    const scope = nock(SERVER).get('/api/bin_collection/GlasgowCityCouncil').query({
      house_number: '12',
      url: 'https://www.glasgow.gov.uk/forms/refuseandrecyclingcalendar/PrintCalendar.aspx?UPRN=906700034497',
    }).reply(200, answer('GlasgowCityCouncil'));
    const glasgow = connector({
      council: 'GlasgowCityCouncil',
      params: { url: 'https://www.glasgow.gov.uk/forms/refuseandrecyclingcalendar/PrintCalendar.aspx?UPRN={uprn}' },
      addressFields: ['house_number'],
      clock: clockAt('2023-07-15T09:00:00Z'),
    });
    await glasgow.upcomingCollections({ uprn: '906700034497', label: '12 Kelvin Way', postcode: 'G3 7TA' }, '2023-07-15', 7);
    expect(scope.isDone()).toBe(true);
  });
});

describe('reading real scrapers\' answers', () => {
  it('maps the council\'s own bin words to streams and says the bank-holiday Tuesday is moved from Monday (Aylesbury Vale)', async () => {
    serve('AylesburyValeCouncil', answer('AylesburyValeCouncil'));
    expect(await connector().upcomingCollections(HOME, '2023-08-20', 16)).toEqual([
      { date: '2023-08-21', streams: ['REFUSE', 'FOOD'] },
      { date: '2023-08-29', streams: ['RECYCLING', 'FOOD', 'GARDEN'], movedFrom: '2023-08-28' },
      { date: '2023-09-04', streams: ['REFUSE', 'FOOD'] },
    ]);
  });

  it('reads the days a scraper wrote as the council\'s page shows them, with month names (Hounslow)', async () => {
    serve('LondonBoroughHounslow', answer('LondonBoroughHounslow'));
    const collections = await connector({ council: 'LondonBoroughHounslow', clock: clockAt('2023-07-10T09:00:00Z') }).upcomingCollections(HOME, '2023-07-10', 28);
    expect(collections.map((c) => c.date)).toEqual(['2023-07-11', '2023-07-18', '2023-07-25', '2023-08-01']);
    expect(collections[0]?.streams).toEqual(expect.arrayContaining(['REFUSE', 'FOOD', 'RECYCLING']));
  });

  it('finds the Friday collection moved to Saturday (Harrogate) and the Christmas one moved to Wednesday (North Tyneside)', async () => {
    serve('HarrogateBoroughCouncil', answer('HarrogateBoroughCouncil'));
    const harrogate = await connector({ council: 'HarrogateBoroughCouncil' }).upcomingCollections(HOME, '2023-08-28', 7);
    expect(harrogate).toEqual([{ date: '2023-09-02', streams: ['REFUSE'], movedFrom: '2023-09-01' }]);

    serve('NorthTynesideCouncil', answer('NorthTynesideCouncil'));
    // "Regular bin (green)" is refuse there: an officer names the words that tell the bins apart.
    const tynesideStreams = [{ id: 'REFUSE', match: ['regular bin'] }, { id: 'RECYCLING', match: ['recycling bin'] }];
    const tyneside = connector({ council: 'NorthTynesideCouncil', streams: tynesideStreams, clock: clockAt('2023-12-18T09:00:00Z') });
    expect(await tyneside.upcomingCollections(HOME, '2023-12-18', 14)).toEqual([
      { date: '2023-12-19', streams: ['REFUSE'] },
      { date: '2023-12-27', streams: ['RECYCLING'], movedFrom: '2023-12-26' },
    ]);
  });

  it('invents no move where the council collected on the bank holiday (Leeds) or has no usual day (Glasgow)', async () => {
    serve('LeedsCityCouncil', answer('LeedsCityCouncil'));
    const leeds = await connector({ council: 'LeedsCityCouncil', clock: clockAt('2023-07-15T09:00:00Z') }).upcomingCollections(HOME, '2023-07-15', 84);
    expect(leeds.find((c) => c.date === '2023-08-28')).toEqual({ date: '2023-08-28', streams: ['RECYCLING'] });
    expect(leeds.some((c) => c.movedFrom)).toBe(false);

    serve('GlasgowCityCouncil', answer('GlasgowCityCouncil'));
    const glasgow = await connector({ council: 'GlasgowCityCouncil', clock: clockAt('2023-07-15T09:00:00Z') }).upcomingCollections(HOME, '2023-07-15', 90);
    expect(glasgow.length).toBeGreaterThan(5);
    expect(glasgow.some((c) => c.movedFrom)).toBe(false);
  });

  it('reads the Christmas move through a scraper that put last January beside this December (Gateshead)', async () => {
    serve('GatesheadCouncil', answer('GatesheadCouncil'));
    const gateshead = connector({ council: 'GatesheadCouncil', clock: clockAt('2023-12-18T09:00:00Z') });
    expect(await gateshead.upcomingCollections(HOME, '2023-12-18', 14)).toEqual([
      { date: '2023-12-19', streams: ['RECYCLING'] },
      { date: '2023-12-27', streams: ['REFUSE'], movedFrom: '2023-12-26' },
    ]);
  });

  it('reads Merton\'s answer, whose scraper writes bin_type where the API promises type', async () => {
    serve('MertonCouncil', answer('MertonCouncil'));
    const merton = connector({
      council: 'MertonCouncil',
      clock: clockAt('2023-07-17T09:00:00Z'),
      streams: [{ id: 'FOOD', match: ['food'] }, { id: 'RECYCLING', match: ['paper', 'plastics'] }, { id: 'REFUSE', match: ['rubbish'] }],
    });
    expect(await merton.upcomingCollections(HOME, '2023-07-17', 14)).toEqual([
      { date: '2023-07-19', streams: ['FOOD', 'RECYCLING'] },
      { date: '2023-07-26', streams: ['RECYCLING', 'REFUSE'] },
    ]);
  });

  it('lists for the officer\'s check the bin types that matched no stream', async () => {
    serve('NorthTynesideCouncil', answer('NorthTynesideCouncil'));
    const tyneside = connector({ council: 'NorthTynesideCouncil', streams: [{ id: 'REFUSE', match: ['regular bin'] }, { id: 'RECYCLING', match: ['recycling bin'] }], clock: clockAt('2023-07-18T09:00:00Z') });
    const inspection = await tyneside.inspect(HOME, '2023-07-18', 14);
    expect(inspection.unmatched).toEqual([
      { date: '2023-07-19', text: 'Special collection (bookable)' },
      { date: '2023-07-26', text: 'Special collection (bookable)' },
    ]);
    expect(inspection.collections.map((c) => c.date)).toEqual(['2023-07-18', '2023-07-25']);
  });
});

describe('the council\'s data problems are CouncilDataError, never a crash', () => {
  const dataProblem = async (body: string, council = 'AylesburyValeCouncil', now = '2023-08-20T09:00:00Z') => {
    serve(council, body);
    const failure = connector({ council, clock: clockAt(now) }).upcomingCollections(HOME, now.slice(0, 10), 28);
    await expect(failure).rejects.toBeInstanceOf(CouncilDataError);
    await expect(failure).rejects.toMatchObject({ service: 'bins' });
    return failure.catch((error: Error) => error.message);
  };

  it('an empty list', async () => {
    expect(await dataProblem('{"bins": []}')).toContain('no collections');
  });

  it('only dates in the past (a scraper that stopped at last year\'s calendar)', async () => {
    expect(await dataProblem(answer('AylesburyValeCouncil'), 'AylesburyValeCouncil', '2026-01-10T09:00:00Z')).toContain('only past');
  });

  it('dates that are not a day at all', async () => {
    expect(await dataProblem('{"bins": [{"type": "Refuse", "collectionDate": "31/02/2024"}]}')).toContain('31/02/2024');
    expect(await dataProblem('{"bins": [{"type": "Refuse", "collectionDate": "Tuesday 31 Feb 2024"}]}')).toContain('not a date');
    expect(await dataProblem('{"bins": [{"type": "Refuse", "collectionDate": "next Tuesday"}]}')).toContain('not a date');
    expect(await dataProblem('{"bins": [{"type": "Refuse", "collectionDate": "11 Smarch 2024"}]}')).toContain('not a date');
  });

  it('a bin with no type at all, HTML, and an error message with a 200', async () => {
    expect(await dataProblem('{"bins": [{"collectionDate": "19/07/2030"}]}')).toContain('no bins list');
    expect(await dataProblem('<html><body>Service Unavailable</body></html>')).toContain('not JSON');
    expect(await dataProblem('{"code": 500, "message": "Council website changed"}')).toContain('Council website changed');
  });
});

describe('when the API server refuses or is slow', () => {
  it('an error answer in the documented shape is the council API failing, with its own message kept', async () => {
    const scope = serve('AylesburyValeCouncil', '{"code": 400, "message": "Invalid UPRN"}', 400);
    const failure = connector().upcomingCollections(HOME, '2023-08-20', 7);
    await expect(failure).rejects.toBeInstanceOf(CouncilApiError);
    await expect(failure).rejects.toMatchObject({ status: 400, detail: 'Invalid UPRN' });
    expect(scope.isDone()).toBe(true);
  });

  it('a scraper exception (connexion\'s problem JSON, 500) is not retried: a scrape is heavy', async () => {
    const scope = serve('AylesburyValeCouncil', '{"detail": "The server encountered an internal error", "status": 500, "title": "Internal Server Error", "type": "about:blank"}', 500);
    await expect(connector().upcomingCollections(HOME, '2023-08-20', 7)).rejects.toMatchObject({ status: 500, detail: 'The server encountered an internal error' });
    expect(scope.isDone()).toBe(true);
  });

  it('gives up on a server slower than the timeout', async () => {
    nock(SERVER).get('/api/bin_collection/AylesburyValeCouncil').query(true).delay(1000).reply(200, answer('AylesburyValeCouncil'));
    await expect(connector({ timeoutMs: 50 }).upcomingCollections(HOME, '2023-08-20', 7)).rejects.toBeInstanceOf(TimeoutError);
  });

  it('serves the last good answer when a refresh fails, and caches per property', async () => {
    let now = new Date('2023-08-20T09:00:00Z');
    const bins = connector({ cacheMinutes: 60, clock: { now: () => now } });
    serve('AylesburyValeCouncil', answer('AylesburyValeCouncil'));
    const first = await bins.upcomingCollections(HOME, '2023-08-20', 7);
    expect(await bins.upcomingCollections(HOME, '2023-08-20', 7)).toEqual(first);
    now = new Date('2023-08-20T11:00:00Z');
    const scope = serve('AylesburyValeCouncil', '{"code": 500, "message": "Selenium timed out"}', 500);
    expect(await bins.upcomingCollections(HOME, '2023-08-20', 7)).toEqual(first);
    expect(scope.isDone()).toBe(true);
    // Another property is another scrape: with no copy of its own, it fails.
    serve('AylesburyValeCouncil', '{"code": 500, "message": "Selenium timed out"}', 500);
    await expect(bins.upcomingCollections({ ...HOME, uprn: '766252533' }, '2023-08-20', 7)).rejects.toBeInstanceOf(CouncilApiError);
  });
});
