import { readFileSync } from 'node:fs';
import path from 'node:path';
import nock from 'nock';
import { IcsBinCollections, type IcsBinCollectionsOptions } from '../../src/connectors/ics-bin-collections';
import { CouncilApiError, CouncilDataError, TimeoutError } from '../../src/core/errors';

const COUNCIL = 'https://bins.example.gov.uk';
const UPRN = '100023336956';
const FEED_PATH = `/waste/${UPRN}/calendar.ics`;

/** The demo council's stream words, as a council would configure them. */
const STREAMS = [
  { id: 'REFUSE', match: ['refuse', 'rubbish', 'general waste', 'black'] },
  { id: 'RECYCLING', match: ['recycling', 'green'] },
  { id: 'FOOD', match: ['food', 'caddy'] },
  { id: 'GARDEN', match: ['garden', 'brown'] },
  { id: 'GLASS', match: ['glass', 'blue box'] },
];

function fixture(name: string): string {
  return readFileSync(path.join(__dirname, '../fixtures/ics', name), 'utf8');
}

function connector(overrides: Partial<IcsBinCollectionsOptions> = {}): IcsBinCollections {
  return new IcsBinCollections({
    urlTemplate: `${COUNCIL}/waste/{uprn}/calendar.ics`,
    streams: STREAMS,
    timeZone: 'Europe/London',
    cacheMinutes: 0,
    ...overrides,
  });
}

function serve(name: string): nock.Scope {
  return nock(COUNCIL).get(FEED_PATH).reply(200, fixture(name), { 'content-type': 'text/calendar' });
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('reading a council feed', () => {
  it('expands alternate weeks, skips exceptions and says when a bank holiday moved a collection', async () => {
    const scope = serve('friday-round.ics');
    const collections = await connector().upcomingCollections({ uprn: UPRN }, '2026-11-27', 42);
    expect(collections).toEqual([
      { date: '2026-11-27', streams: ['REFUSE', 'FOOD'] },
      { date: '2026-12-04', streams: ['RECYCLING', 'FOOD', 'GARDEN'] },
      // Food was cancelled this week (STATUS:CANCELLED override); glass is named only in CATEGORIES.
      { date: '2026-12-11', streams: ['REFUSE', 'GLASS'] },
      { date: '2026-12-11', streams: ['FOOD'], status: 'cancelled' },
      // Recycling has an EXDATE and no replacement nearby: cancelled; garden comes from an RDATE.
      { date: '2026-12-18', streams: ['FOOD', 'GARDEN'] },
      { date: '2026-12-18', streams: ['RECYCLING'], status: 'cancelled' },
      { date: '2026-12-26', streams: ['REFUSE', 'FOOD'], movedFrom: '2026-12-25' },
      { date: '2027-01-02', streams: ['RECYCLING', 'FOOD'], movedFrom: '2027-01-01' },
    ]);
    expect(scope.isDone()).toBe(true);
  });

  it('counts the window from the first day: a collection moved into it from outside still appears', async () => {
    serve('friday-round.ics');
    const collections = await connector().upcomingCollections({ uprn: UPRN }, '2027-01-02', 1);
    expect(collections).toEqual([{ date: '2027-01-02', streams: ['RECYCLING', 'FOOD'], movedFrom: '2027-01-01' }]);
  });

  it('keeps a night-time collection on its Monday across the October clock change', async () => {
    serve('clock-change.ics');
    // 00:30 in British Summer Time is 23:30 on Sunday in UTC, so grouping by UTC date would say Sunday.
    // 19 October is an EXDATE and 2 November moves to Tuesday, both written in local time.
    const collections = await connector().upcomingCollections({ uprn: UPRN }, '2026-10-10', 35);
    expect(collections).toEqual([
      { date: '2026-10-12', streams: ['FOOD'] },
      { date: '2026-10-19', streams: ['FOOD'], status: 'cancelled' },
      { date: '2026-10-26', streams: ['FOOD'] },
      { date: '2026-11-03', streams: ['FOOD'], movedFrom: '2026-11-02' },
      { date: '2026-11-09', streams: ['FOOD'] },
    ]);
  });

  it('reads one-off all-day events and matches whole words only', async () => {
    serve('single-dates.ics');
    const collections = await connector().upcomingCollections({ uprn: UPRN }, '2026-12-01', 28);
    // "Greenwich" is not "green": that event is not a bin day.
    expect(collections).toEqual([
      { date: '2026-12-01', streams: ['REFUSE', 'FOOD'] },
      { date: '2026-12-08', streams: ['RECYCLING', 'FOOD'] },
    ]);
  });

  it('lists for the officer\'s check the events that matched no stream, beside the collections', async () => {
    serve('friday-round.ics');
    const inspection = await connector().inspect({ uprn: UPRN }, '2027-01-01', 14);
    expect(inspection.unmatched).toEqual([{ date: '2027-01-08', text: 'Real Christmas trees: leave yours out by 7am' }]);
    expect(inspection.collections).toEqual([
      { date: '2027-01-02', streams: ['RECYCLING', 'FOOD'], movedFrom: '2027-01-01' },
      { date: '2027-01-08', streams: ['REFUSE', 'FOOD'] },
    ]);
  });

  it('answers no collections from a calendar with no events', async () => {
    serve('empty.ics');
    await expect(connector().upcomingCollections({ uprn: UPRN }, '2026-12-01', 28)).resolves.toEqual([]);
  });

  it('calls a page that is not iCalendar unusable data from the bins service', async () => {
    serve('malformed.ics');
    const failure = connector().upcomingCollections({ uprn: UPRN }, '2026-12-01', 28);
    await expect(failure).rejects.toBeInstanceOf(CouncilDataError);
    await expect(failure).rejects.toMatchObject({ service: 'bins' });
  });

  it('puts the property in the feed address and the subscribe link', async () => {
    const bins = connector({ publicUrlTemplate: 'webcal://bins.example.gov.uk/{uprn}.ics' });
    expect(bins.calendarUrl({ uprn: '10 0' })).toBe('webcal://bins.example.gov.uk/10%200.ics');
    expect(connector().calendarUrl({ uprn: UPRN })).toBe(`${COUNCIL}${FEED_PATH}`);
  });
});

describe('when the council server misbehaves', () => {
  it('reports an unknown property (404) as the council refusing', async () => {
    const scope = nock(COUNCIL).get(FEED_PATH).reply(404, 'Not found');
    await expect(connector().upcomingCollections({ uprn: UPRN }, '2026-12-01', 7)).rejects.toMatchObject({ status: 404, service: 'bins' });
    expect(scope.isDone()).toBe(true);
  });

  it('retries a 500 once, then gives up with the council error', async () => {
    const scope = nock(COUNCIL).get(FEED_PATH).times(2).reply(500, 'Internal error');
    await expect(connector().upcomingCollections({ uprn: UPRN }, '2026-12-01', 7)).rejects.toBeInstanceOf(CouncilApiError);
    expect(scope.isDone()).toBe(true);
  });

  it('recovers when the retry after a 500 succeeds', async () => {
    const scope = nock(COUNCIL).get(FEED_PATH).reply(500).get(FEED_PATH).reply(200, fixture('friday-round.ics'));
    const collections = await connector().upcomingCollections({ uprn: UPRN }, '2026-11-27', 7);
    expect(collections).toEqual([{ date: '2026-11-27', streams: ['REFUSE', 'FOOD'] }]);
    expect(scope.isDone()).toBe(true);
  });

  it('gives up on a server slower than the timeout', async () => {
    const scope = nock(COUNCIL).get(FEED_PATH).times(2).delay(1000).reply(200, fixture('friday-round.ics'));
    await expect(connector({ timeoutMs: 50 }).upcomingCollections({ uprn: UPRN }, '2026-12-01', 7)).rejects.toBeInstanceOf(TimeoutError);
    expect(scope.isDone()).toBe(true);
  });
});
