import { readFileSync } from 'node:fs';
import path from 'node:path';
import nock from 'nock';
import { IcsBinCollections } from '../../src/connectors/ics-bin-collections';
import type { HttpCall } from '../../src/connectors/http';
import { CouncilApiError } from '../../src/core/errors';
import type { Logger } from '../../src/core/logger';

const COUNCIL = 'https://bins.example.gov.uk';
const UPRN = '100023336956';
const FEED_PATH = `/waste/${UPRN}/calendar.ics`;
const STREAMS = [
  { id: 'REFUSE', match: ['refuse', 'black'] },
  { id: 'RECYCLING', match: ['recycling'] },
  { id: 'FOOD', match: ['food'] },
  { id: 'GARDEN', match: ['garden'] },
  { id: 'GLASS', match: ['glass'] },
];

const fridayRound = readFileSync(path.join(__dirname, '../fixtures/ics/friday-round.ics'), 'utf8');
// The same feed after the council switched refuse to recycling on 27 November.
const revisedRound = fridayRound.replace('SUMMARY:Black bin - general waste', 'SUMMARY:Recycling');

function setUp(cacheMinutes = 60) {
  let now = new Date('2026-11-26T18:00:00Z');
  const calls: HttpCall[] = [];
  const warnings: unknown[][] = [];
  const logger: Logger = { info: () => {}, error: () => {}, warn: (...args: unknown[]) => warnings.push(args) };
  const bins = new IcsBinCollections({
    urlTemplate: `${COUNCIL}/waste/{uprn}/calendar.ics`,
    streams: STREAMS,
    timeZone: 'Europe/London',
    cacheMinutes,
    clock: { now: () => now },
    onCall: (call) => calls.push(call),
    logger,
  });
  const advanceMinutes = (minutes: number) => { now = new Date(now.getTime() + minutes * 60_000); };
  const nextFriday = () => bins.upcomingCollections({ uprn: UPRN }, '2026-11-27', 1);
  return { bins, calls, warnings, advanceMinutes, nextFriday };
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('caching collection calendars per property', () => {
  it('answers a second question from the cached calendar without calling the council', async () => {
    const scope = nock(COUNCIL).get(FEED_PATH).once().reply(200, fridayRound);
    const { calls, advanceMinutes, nextFriday } = setUp(60);
    await nextFriday();
    advanceMinutes(59);
    expect(await nextFriday()).toEqual([{ date: '2026-11-27', streams: ['REFUSE', 'FOOD'] }]);
    expect(calls).toHaveLength(1);
    expect(scope.isDone()).toBe(true);
  });

  it('fetches again once the cached copy is older than cacheMinutes', async () => {
    const scope = nock(COUNCIL).get(FEED_PATH).reply(200, fridayRound).get(FEED_PATH).reply(200, revisedRound);
    const { advanceMinutes, nextFriday } = setUp(60);
    await nextFriday();
    advanceMinutes(61);
    expect(await nextFriday()).toEqual([{ date: '2026-11-27', streams: ['RECYCLING', 'FOOD'] }]);
    expect(scope.isDone()).toBe(true);
  });

  it('keeps answering from the stale copy when the refresh fails, and logs no property details', async () => {
    const scope = nock(COUNCIL)
      .get(FEED_PATH).reply(200, fridayRound)
      .get(FEED_PATH).times(2).reply(503, 'Service unavailable');
    const { warnings, advanceMinutes, nextFriday } = setUp(60);
    await nextFriday();
    advanceMinutes(120);
    expect(await nextFriday()).toEqual([{ date: '2026-11-27', streams: ['REFUSE', 'FOOD'] }]);
    expect(scope.isDone()).toBe(true);
    expect(warnings).toHaveLength(1);
    expect(JSON.stringify(warnings)).not.toContain(UPRN);
  });

  it('after a failed refresh, waits five minutes before asking the council again', async () => {
    const scope = nock(COUNCIL)
      .get(FEED_PATH).reply(200, fridayRound)
      .get(FEED_PATH).times(2).reply(500)
      .get(FEED_PATH).reply(200, revisedRound);
    const { calls, advanceMinutes, nextFriday } = setUp(60);
    await nextFriday();
    advanceMinutes(120);
    await nextFriday();
    advanceMinutes(4);
    expect(await nextFriday()).toEqual([{ date: '2026-11-27', streams: ['REFUSE', 'FOOD'] }]);
    expect(calls).toHaveLength(3);
    advanceMinutes(2);
    expect(await nextFriday()).toEqual([{ date: '2026-11-27', streams: ['RECYCLING', 'FOOD'] }]);
    expect(scope.isDone()).toBe(true);
  });

  it('still fails when there is no copy to fall back on', async () => {
    nock(COUNCIL).get(FEED_PATH).times(2).reply(500);
    await expect(setUp(60).nextFriday()).rejects.toBeInstanceOf(CouncilApiError);
  });

  it('shares one fetch between questions asked at the same moment', async () => {
    const scope = nock(COUNCIL).get(FEED_PATH).once().delay(50).reply(200, fridayRound);
    const { calls, nextFriday } = setUp(60);
    const answers = await Promise.all([nextFriday(), nextFriday(), nextFriday()]);
    expect(answers.map((a) => a[0]?.streams)).toEqual([['REFUSE', 'FOOD'], ['REFUSE', 'FOOD'], ['REFUSE', 'FOOD']]);
    expect(calls).toHaveLength(1);
    expect(scope.isDone()).toBe(true);
  });

  it('gives each caller its own answer, so one that edits it cannot change the next', async () => {
    nock(COUNCIL).get(FEED_PATH).once().reply(200, fridayRound);
    const { nextFriday } = setUp(60);
    const first = await nextFriday();
    first[0]?.streams.reverse();
    first.pop();
    expect(await nextFriday()).toEqual([{ date: '2026-11-27', streams: ['REFUSE', 'FOOD'] }]);
  });

  it('asks every time when caching is switched off', async () => {
    const scope = nock(COUNCIL).get(FEED_PATH).twice().reply(200, fridayRound);
    const { calls, nextFriday } = setUp(0);
    await nextFriday();
    await nextFriday();
    expect(calls).toHaveLength(2);
    expect(scope.isDone()).toBe(true);
  });
});
