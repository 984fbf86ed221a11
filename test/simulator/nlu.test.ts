/**
 * The simulator's NLU, judged as staff would judge it: does it understand what residents say
 * the way Alexa or Dialogflow would, from the same language model?
 */
import { loadLanguageModel } from '../../src/language-model/load-language-model';
import { FALLBACK } from '../../src/core/intents';
import { createNlu } from '../../src/simulator/nlu/create-nlu';
import { fillSample, SAMPLE_NOW } from './support/fill-samples';

const model = loadLanguageModel('en-GB');
const nlu = createNlu(model, { now: () => SAMPLE_NOW, timeZone: 'Europe/London' });

describe('every sample utterance in the model', () => {
  const cases = model.intents.flatMap((intent) => intent.samples.flatMap((sample) =>
    fillSample(model, intent, sample).map((filled) => ({ intent: intent.name, sample, ...filled }))));

  it('covers every intent that has samples', () => {
    const withSamples = model.intents.filter((i) => i.samples.length > 0).map((i) => i.name);
    expect(new Set(cases.map((c) => c.intent))).toEqual(new Set(withSamples));
    expect(cases.length).toBeGreaterThan(300);
  });

  // One test per intent listing every sentence it gets wrong: thousands of one-line tests cost
  // more in the runner than in the NLU, and a list shows the pattern of what is misunderstood.
  const intents = [...new Set(cases.map((c) => c.intent))];
  it.each(intents)('understands every filled sample of %s, with its slots', (intent) => {
    const wrong: string[] = [];
    for (const { text, slots } of cases.filter((c) => c.intent === intent)) {
      const result = nlu.understand(text);
      if (result.intent.name !== intent) wrong.push(`"${text}" heard as ${result.intent.name}`);
      for (const [name, want] of Object.entries(slots)) {
        const got = want.id ? result.slots[name]?.id : result.slots[name]?.value.toLowerCase();
        const expected = want.id ?? want.value?.toLowerCase();
        if (got !== expected) wrong.push(`"${text}" ${name}: ${String(got)}, expected ${String(expected)}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('what a resident says, and what the platform would hear', () => {
  it.each([
    ['my postcode is s w one a one a a', 's w one a one a a'],
    ['my postcode is SW1A 1AA', 'sw1a 1aa'],
    ['the postcode is a b one two c d', 'a b one two c d'],
    ['postcode l s two nine j t', 'l s two nine j t'],
  ])('reads the postcode in "%s"', (text, postcode) => {
    const result = nlu.understand(text);
    expect(result.intent.name).toBe('SetAddressIntent');
    expect(result.slots.postcode?.value).toBe(postcode);
  });

  it('splits a house number from a spoken postcode', () => {
    const result = nlu.understand('I live at 12 a b one two c d');
    expect(result.slots).toMatchObject({ houseNumber: { value: '12' }, postcode: { value: 'a b one two c d' } });
  });

  it('resolves synonyms to ids, as Alexa entity resolution does', () => {
    expect(nlu.understand('when is the green bin collected').slots.binType).toEqual({ value: 'green bin', id: 'RECYCLING', name: 'recycling' });
    expect(nlu.understand('how much is band dee').slots.band?.id).toBe('D');
    expect(nlu.understand('report dog poo on mill lane').slots).toMatchObject({ issueType: { id: 'DOG_FOULING' }, location: { value: 'mill lane' } });
  });

  it('reads dates in the council\'s time zone, as AMAZON.DATE gives them', () => {
    // SAMPLE_NOW is Friday 20 November 2026.
    expect(nlu.understand('is my bin collected tomorrow').slots.date?.value).toBe('2026-11-21');
    expect(nlu.understand('is the recycling collected next tuesday').slots).toMatchObject({ date: { value: '2026-11-24' }, binType: { id: 'RECYCLING' } });
    // A weekday on its own is the coming one, as Alexa reads it: residents ask about collections ahead.
    expect(nlu.understand('will the black bin be emptied on tuesday').slots.date?.value).toBe('2026-11-24');
    const lateNight = createNlu(model, { now: () => new Date('2026-06-20T23:30:00Z'), timeZone: 'Europe/London' });
    // 00:30 on Sunday 21 June in London: tomorrow is Monday 22 June.
    expect(lateNight.understand('is it bin day tomorrow').slots.date?.value).toBe('2026-06-22');
  });

  it('reads numbers written or spoken, for a model with an AMAZON.NUMBER-like slot', () => {
    const counting = createNlu({
      locale: 'en-GB',
      types: {},
      intents: [
        { name: 'OrderBinsIntent', slots: [{ name: 'count', type: 'NUMBER' }], samples: ['I need {count} new bins', 'order {count} bins'] },
        { name: 'stop', slots: [], samples: ['stop'] },
      ],
    }, { now: () => SAMPLE_NOW });
    expect(counting.understand('I need 3 new bins').slots.count?.value).toBe('3');
    expect(counting.understand('I need forty seven new bins').slots.count?.value).toBe('47');
    expect(counting.understand('order a hundred and five bins').slots.count?.value).toBe('105');
    expect(counting.understand('order twelve bins please').slots.count?.value).toBe('12');
  });

  it('reads reference numbers written or spoken digit by digit', () => {
    expect(nlu.understand('check report 400123').slots.reference?.value).toBe('400123');
    expect(nlu.understand('check report one two three four').slots.reference?.value).toBe('1234');
    expect(nlu.understand('any update on case three three nine one').slots.reference?.value).toBe('3391');
  });

  it('ignores hesitation and politeness', () => {
    for (const text of ['um could you tell me when my bin day is please', 'alexa erm when is my bin day thank you', 'please can you tell me when is bin day']) {
      const result = nlu.understand(text);
      expect(result.intent.name).toBe('GetBinCollectionIntent');
      expect(result.intent.confidence).toBeGreaterThan(0.6);
    }
  });

  it('forgives small spelling slips and words run together or split', () => {
    expect(nlu.understand('whne is my bin day').intent.name).toBe('GetBinCollectionIntent');
    expect(nlu.understand('when is the recylcing collected').slots.binType?.id).toBe('RECYCLING');
    expect(nlu.understand('report a pot hole').slots.issueType?.id).toBe('POTHOLE');
  });

  it('understands words in another order, with a little less confidence', () => {
    const straight = nlu.understand('when is my recycling collected');
    const turned = nlu.understand('my recycling when is it collected');
    expect(turned.intent.name).toBe('GetBinCollectionIntent');
    expect(turned.slots.binType?.id).toBe('RECYCLING');
    expect(turned.intent.confidence).toBeLessThan(straight.intent.confidence);
  });

  it('is sure of a sample said exactly, and falls back below the threshold', () => {
    expect(nlu.understand('when is my bin day').intent).toEqual({ name: 'GetBinCollectionIntent', confidence: 1 });
    const weather = nlu.understand('what is the weather in Leeds');
    expect(weather.intent.name).toBe(FALLBACK);
    expect(weather.slots).toEqual({});
    // Staff still see what it was nearest to.
    expect(weather.alternatives.length).toBeGreaterThan(0);
  });

  it('hears what follows a yes or no when that is clearly something else ("no, that\'s all thanks")', () => {
    for (const text of ["no that's all thanks", "no, that's all", "nope that's everything"]) {
      expect(nlu.understand(text).intent.name).toBe('stop');
    }
    expect(nlu.understand('yes when is my bin day').intent.name).toBe('GetBinCollectionIntent');
    // A yes or no with nothing clear after it stays a yes or no.
    expect(nlu.understand('no thank you').intent.name).toBe('no');
    expect(nlu.understand("no it's wrong").intent.name).toBe('no');
    expect(nlu.understand('yes please').intent.name).toBe('yes');
  });

  it('gives the same answer every time', () => {
    const first = nlu.understand('is there a pothole on the high street');
    for (let i = 0; i < 5; i++) expect(nlu.understand('is there a pothole on the high street')).toEqual(first);
  });
});

describe('a bare answer to the question the skill asked', () => {
  it('fills the slot asked for', () => {
    const house = nlu.understand('12', { awaiting: { intent: 'SetAddressIntent', slot: 'houseNumber' } });
    expect(house.intent.name).toBe('SetAddressIntent');
    expect(house.slots).toEqual({ houseNumber: { value: '12' } });
    const postcode = nlu.understand("it's a b one two c d", { awaiting: { intent: 'SetAddressIntent', slot: 'postcode' } });
    expect(postcode.slots.postcode?.value).toBe('a b one two c d');
    const bin = nlu.understand('the green one', { awaiting: { intent: 'GetBinCollectionIntent', slot: 'binType' } });
    expect(bin.intent.name).toBe('GetBinCollectionIntent');
    expect(bin.slots.binType?.id).toBe('RECYCLING');
  });

  it('lets the resident say something else instead', () => {
    const awaiting = { intent: 'SetAddressIntent', slot: 'houseNumber' };
    expect(nlu.understand('stop', { awaiting }).intent.name).toBe('stop');
    expect(nlu.understand('help', { awaiting }).intent.name).toBe('help');
    expect(nlu.understand('when is my bin day', { awaiting }).intent.name).toBe('GetBinCollectionIntent');
  });

  it('takes the words for a free-text slot asked for, even when they sound like the same intent', () => {
    const awaiting = { intent: 'ReportIssueIntent', slot: 'description' };
    // "by the bus stop" reads like a location, but the skill asked what the problem is.
    const answer = nlu.understand('a deep hole by the bus stop', { awaiting });
    expect(answer.intent.name).toBe('ReportIssueIntent');
    expect(answer.slots).toEqual({ description: { value: 'a deep hole by the bus stop' } });
    expect(answer.reason.how).toBe('answer to a question');
    // A whole new report said clearly is still the report, not its description.
    const report = nlu.understand('report a pothole on mill lane', { awaiting });
    expect(report.slots.description).toBeUndefined();
    expect(report.slots.issueType?.id).toBe('POTHOLE');
    expect(nlu.understand('stop', { awaiting }).intent.name).toBe('stop');
  });

  it('does not take a word that is no postcode as the postcode', () => {
    const result = nlu.understand('banana', { awaiting: { intent: 'SetAddressIntent', slot: 'postcode' } });
    expect(result.slots.postcode).toBeUndefined();
  });
});
