import { readFileSync } from 'node:fs';
import path from 'node:path';
import nock from 'nock';
import { IcsBinCollections } from '../../../src/connectors/ics-bin-collections';
import { Conversation, createTestSkill, demoInfo, heard } from '../../support/test-skill';

// Moved and cancelled collections as councils write them, from the feed to the words the
// resident hears: the real iCalendar connector reads each feed (nock serves it), the skill answers.
const COUNCIL = 'https://bins.example.gov.uk';
const HOME = { uprn: '100031234567', label: '7 Broad Valley Drive', postcode: 'NG5 8AA' };

function feed(name: string): string {
  return readFileSync(path.join(__dirname, '../../fixtures/ics', name), 'utf8');
}

/** A resident with a saved address whose council publishes `fixture`, on `now` (UTC). */
async function residentWithFeed(fixture: string, now: string) {
  nock(COUNCIL).get(`/bins/${HOME.uprn}.ics`).reply(200, feed(fixture), { 'content-type': 'text/calendar' });
  const bins = new IcsBinCollections({
    urlTemplate: `${COUNCIL}/bins/{uprn}.ics`,
    streams: demoInfo.binStreams.map((s) => ({ id: s.id, match: MATCH[s.id] ?? [s.name] })),
    timeZone: 'Europe/London',
    cacheMinutes: 60,
  });
  const test = createTestSkill({ now, council: { bins } });
  await test.profiles.put({ userId: 'resident-1', address: HOME });
  return new Conversation(test.skill);
}

/** The demo council's match words (councils/demo-council.yaml). */
const MATCH: Record<string, string[]> = {
  REFUSE: ['refuse', 'rubbish', 'general waste', 'black'],
  RECYCLING: ['recycling', 'green'],
  FOOD: ['food', 'caddy'],
  GARDEN: ['garden', 'brown'],
  GLASS: ['glass', 'blue box'],
};

const binDay = (chat: Conversation, date?: string, binType?: { value: string; id: string }) =>
  chat.say('GetBinCollectionIntent', { ...(date ? { date: { value: date } } : {}), ...(binType ? { binType } : {}) });

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('a collection moved by a RECURRENCE-ID override', () => {
  it('moved earlier: the Saturday before, and "is it on Monday?" answers with the Saturday', async () => {
    const chat = await residentWithFeed('recurrence-id-moves.ics', '2026-05-20T09:00:00Z');
    expect(heard(await binDay(chat))).toMatch(/^Your next collection is this Saturday: the black bin\. That's moved from the usual day, Monday 25 May\./);
    expect(heard(await binDay(chat, '2026-05-25'))).toMatch(/^No, that collection has moved: the black bin will be collected this Saturday instead\./);
  });

  it('moved later: the Tuesday after', async () => {
    const chat = await residentWithFeed('recurrence-id-moves.ics', '2026-08-26T09:00:00Z');
    expect(heard(await binDay(chat))).toMatch(/^Your next collection is on Tuesday 1 September: the black bin\. That's moved from the usual day, Monday 31 August\./);
    expect(heard(await binDay(chat, '2026-08-31'))).toMatch(/^No, that collection has moved: the black bin will be collected on Tuesday 1 September instead\./);
    expect(heard(await binDay(chat, '2026-09-01'))).toMatch(/^Yes\. On Tuesday 1 September is a collection day: the black bin\. That's moved from the usual day, Monday 31 August\./);
  });
});

describe('EXDATE on the usual day and a one-off "Changed Collection" (Gedling Borough Council feeds)', () => {
  it('moved earlier: the green bin on Saturday 23 May instead of the Spring bank holiday', async () => {
    const chat = await residentWithFeed('real/gedling-monday-g1.ics', '2026-05-20T09:00:00Z');
    expect(heard(await binDay(chat))).toBe(
      "Your next collection is this Saturday: the green recycling bin. That's moved from the usual day, Monday 25 May. "
      + 'Then the black bin on Monday 1 June. Is there anything else I can help with?',
    );
    // The case: asked about the usual Monday, the answer is the Saturday, not a collection weeks later.
    expect(heard(await binDay(chat, '2026-05-25'))).toMatch(/^No, that collection has moved: the green recycling bin will be collected this Saturday instead\./);
    const recycling = { value: 'recycling', id: 'RECYCLING' };
    expect(heard(await binDay(chat, '2026-05-25', recycling))).toMatch(/^No, that collection has moved: the green recycling bin will be collected this Saturday instead\./);
    expect(heard(await binDay(chat, undefined, recycling))).toMatch(/^Your green recycling bin is next collected this Saturday\. That's moved from the usual day, Monday 25 May\./);
  });

  it('moved later: Boxing Day\'s black bin on the Saturday, while glass stays on the Friday', async () => {
    const chat = await residentWithFeed('real/gedling-friday-g2.ics', '2025-12-22T09:00:00Z');
    expect(heard(await binDay(chat))).toMatch(/^Your next collection is this Saturday: the black bin\. That's moved from the usual day, Friday 26 December\./);
    expect(heard(await binDay(chat, '2025-12-26'))).toMatch(/^No, that collection has moved: the black bin will be collected this Saturday instead\./);
    // New Year: the green bin moves to Saturday 3 January, the glass box is still collected on Friday 2 January.
    expect(heard(await binDay(chat, '2026-01-02'))).toMatch(/^Yes\. On Friday 2 January is a collection day: the blue glass box\./);
    expect(heard(await binDay(chat, '2026-01-02', { value: 'recycling', id: 'RECYCLING' })))
      .toMatch(/^No, that collection has moved: the green recycling bin will be collected on Saturday 3 January instead\./);
  });

  it('a Monday brought forward to Saturday with no rule behind it (Christmas week) is still a move', async () => {
    const chat = await residentWithFeed('real/gedling-monday-g1.ics', '2025-12-16T09:00:00Z');
    expect(heard(await binDay(chat, '2025-12-22'))).toMatch(/^No, that collection has moved: the green recycling bin and the blue glass box will be collected this Saturday instead\./);
  });
});

describe('no rule at all: every date its own event, the usual weekday broken', () => {
  it('moved earlier: Saturday instead of the bank holiday Monday', async () => {
    const chat = await residentWithFeed('no-rule-moves.ics', '2026-05-22T09:00:00Z');
    expect(heard(await binDay(chat))).toMatch(/^Your next collection is tomorrow: the black bin\. That's moved from the usual day, Monday 25 May\./);
    expect(heard(await binDay(chat, '2026-05-25'))).toMatch(/^No, that collection has moved: the black bin will be collected tomorrow instead\./);
  });

  it('moved later: Tuesday instead of Monday; the Thursday recycling is not called a move', async () => {
    const chat = await residentWithFeed('no-rule-moves.ics', '2026-08-28T09:00:00Z');
    const reply = heard(await binDay(chat));
    expect(reply).toMatch(/^Your next collection is on Tuesday 1 September: the black bin\. That's moved from the usual day, Monday 31 August\. Then the green recycling bin on Thursday 10 September\./);
    expect(reply.match(/moved/g)).toHaveLength(1);
    expect(heard(await binDay(chat, '2026-08-31'))).toMatch(/^No, that collection has moved: the black bin will be collected on Tuesday 1 September instead\./);
  });
});

describe('a usual day taken out with nothing in its place', () => {
  it('says the garden waste collection is cancelled, not that the resident must sign up (Gedling garden round)', async () => {
    const chat = await residentWithFeed('real/gedling-monday-f-garden.ics', '2025-12-24T09:00:00Z');
    const garden = { value: 'garden waste', id: 'GARDEN' };
    const reply = heard(await binDay(chat, undefined, garden));
    expect(reply).toMatch(/^There's no collection for the brown garden bin on Monday 29 December: it's cancelled\. I couldn't find another garden waste collection in the next four weeks\./);
    expect(reply).not.toContain('sign up');
    expect(heard(await binDay(chat, '2025-12-29', garden))).toMatch(/^No, the collection for the brown garden bin on Monday 29 December is cancelled\. I couldn't find when it's next collected\. You can check at https:\/\/www\.demo-council\.example\//);
  });

  it('names a cancellation among the collections that do happen, and keeps it off the next-collection answer', async () => {
    const chat = await residentWithFeed('friday-round.ics', '2026-12-14T09:00:00Z');
    const reply = heard(await binDay(chat));
    expect(reply).toMatch(/^Your next collection is this Friday: the food caddy and the brown garden bin\./);
    expect(reply).toContain("There's no collection for the green recycling bin this Friday: it's cancelled.");
    expect(heard(await binDay(chat, '2026-12-18', { value: 'recycling', id: 'RECYCLING' })))
      .toMatch(/^No, the collection for the green recycling bin this Friday is cancelled\. It's next collected on Saturday 2 January\./);
  });
});
