import { CouncilApiError, TimeoutError } from '../../../src/core/errors';
import { toSsml } from '../../../src/core/speech';
import { InMemoryBinCollections } from '../../support/in-memory-council';
import { Conversation, createTestSkill, heard } from '../../support/test-skill';

const SAVED = { uprn: '100000000002', label: '12 High Street', postcode: 'AB1 2CD' };

async function residentWithAddress(now?: string) {
  const test = createTestSkill({ now });
  await test.profiles.put({ userId: 'resident-1', address: SAVED });
  return { ...test, chat: new Conversation(test.skill) };
}

describe('bin day for a resident with a saved address', () => {
  it('says the next collection, its bins, and when the other bins go', async () => {
    const { chat } = await residentWithAddress();
    const reply = await chat.say('GetBinCollectionIntent');
    expect(heard(reply)).toBe(
      'Your next collection is on Tuesday 1 December: the green recycling bin and the food caddy. '
      + 'Then the black bin on Tuesday 8 December. Is there anything else I can help with?',
    );
    expect(reply.endSession).toBe(false);
    expect(reply.reprompt).toBeDefined();
    expect(reply.card?.text).toContain('Tuesday 1 December: green recycling bin, food caddy');
  });

  it('says "tomorrow" the day before and a full date beyond this week', async () => {
    const tomorrow = await residentWithAddress('2026-11-30T18:00:00Z');
    expect(heard(await tomorrow.chat.say('GetBinCollectionIntent'))).toMatch(/^Your next collection is tomorrow: /);
    const early = await residentWithAddress('2026-11-20T09:00:00Z');
    expect(heard(await early.chat.say('GetBinCollectionIntent'))).toMatch(/^Your next collection is on Tuesday 1 December: /);
  });

  it('uses the London date, not UTC, just after midnight in summer time', async () => {
    // 23:30 UTC on 1 June is 00:30 on 2 June in London (BST): a collection on 2 June is today.
    const bins = new InMemoryBinCollections({ [SAVED.uprn]: [{ date: '2026-06-02', streams: ['REFUSE'] }, { date: '2026-06-09', streams: ['RECYCLING'] }] });
    const test = createTestSkill({ now: '2026-06-01T23:30:00Z', council: { bins } });
    await test.profiles.put({ userId: 'resident-1', address: SAVED });
    expect(heard(await new Conversation(test.skill).say('GetBinCollectionIntent'))).toMatch(/^Your next collection is today: the black bin\./);
  });

  it('answers for one kind of bin', async () => {
    const { chat } = await residentWithAddress();
    const reply = await chat.say('GetBinCollectionIntent', { binType: { value: 'black bin', id: 'REFUSE' } });
    expect(heard(reply)).toMatch(/^Your black bin is next collected on Tuesday 8 December\./);
  });

  it('says when a collection has moved, and from which usual day', async () => {
    const { chat } = await residentWithAddress('2026-12-23T09:00:00Z');
    const reply = await chat.say('GetBinCollectionIntent');
    expect(heard(reply)).toContain('on Wednesday 30 December: the green recycling bin and the food caddy. '
      + "That's moved from the usual day, Tuesday 29 December.");
  });

  it('answers yes or no for a date', async () => {
    const { chat } = await residentWithAddress('2026-11-30T10:00:00Z');
    const yes = await chat.say('GetBinCollectionIntent', { date: { value: '2026-12-01' } });
    expect(heard(yes)).toMatch(/^Yes\. Tomorrow is a collection day: the green recycling bin and the food caddy\./);
    const no = await chat.say('GetBinCollectionIntent', { date: { value: '2026-12-02' } });
    expect(heard(no)).toMatch(/^No, there's no collection this Wednesday\. Your next collection is on Tuesday 8 December/);
    const notThatBin = await chat.say('GetBinCollectionIntent', { date: { value: '2026-12-01' }, binType: { value: 'rubbish', id: 'REFUSE' } });
    expect(heard(notThatBin)).toMatch(/^No, your general rubbish isn't collected tomorrow\. It's next collected on Tuesday 8 December\./);
  });

  it('says so when a stream is not collected at the address', async () => {
    const { chat } = await residentWithAddress();
    const reply = await chat.say('GetBinCollectionIntent', { binType: { value: 'garden', id: 'GARDEN' } });
    expect(heard(reply)).toContain("I couldn't find a garden waste collection for 12 High Street");
    expect(reply.endSession).toBe(false);
  });

  it('shows a visual only on devices with a screen', async () => {
    const { chat } = await residentWithAddress();
    expect((await chat.say('GetBinCollectionIntent')).visual).toBeUndefined();
    const withScreen = await chat.say('GetBinCollectionIntent', {}, { device: { hasScreen: true } });
    expect(withScreen.visual?.rows[0]?.bins.map((b) => b.container)).toEqual(['green recycling bin', 'food caddy']);
  });

  it('apologises with the council website when the bins system fails, and keeps the session open', async () => {
    const test = await residentWithAddress();
    test.bins.failWith = new CouncilApiError('bins', 500, 'http://council.example/waste');
    const reply = await test.chat.say('GetBinCollectionIntent');
    expect(heard(reply)).toContain("Sorry, I couldn't get your bin collection dates from the council just now. You can check them at https://www.demo-council.example/");
    expect(heard(reply)).not.toMatch(/500|error|http:\/\/council/i);
    expect(reply.endSession).toBe(false);
    test.bins.failWith = new TimeoutError('bins', 'http://council.example/waste', 2500);
    expect(heard(await test.chat.say('GetBinCollectionIntent'))).toContain("couldn't get your bin collection dates");
  });

  it('answers with an apology, not silence, when the back end takes longer than the deadline', async () => {
    const test = createTestSkill({ deadlineMs: 50 });
    await test.profiles.put({ userId: 'resident-1', address: SAVED });
    test.bins.delayMs = 500;
    const reply = await new Conversation(test.skill).say('GetBinCollectionIntent');
    expect(heard(reply)).toMatch(/^Sorry/);
    expect(reply.endSession).toBe(false);
  });

  it('renders valid SSML with escaped text', async () => {
    const { chat } = await residentWithAddress();
    const ssml = toSsml((await chat.say('GetBinCollectionIntent')).speech);
    expect(ssml).toMatch(/^<speak>.*<\/speak>$/);
    expect(ssml).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)/);
  });
});
