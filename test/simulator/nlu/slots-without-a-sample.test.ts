/**
 * Slot values no sample lays out: a street said without "on" or "at", and an issue named by its
 * words spread through the sentence. Sentences written for this test, none in the held-out set.
 */
import { loadLanguageModel } from '../../../src/language-model/load-language-model';
import { createNlu } from '../../../src/simulator/nlu/create-nlu';
import { SAMPLE_NOW } from '../support/fill-samples';

const nlu = createNlu(loadLanguageModel('en-GB'), { now: () => SAMPLE_NOW, timeZone: 'Europe/London' });

describe('a street said without a preposition', () => {
  it('is the location, with a house number said before it', () => {
    expect(nlu.understand('pothole church street').slots).toMatchObject({ issueType: { id: 'POTHOLE' }, location: { value: 'church street' } });
    expect(nlu.understand('there is fly tipping 14 meadow close').slots.location?.value).toBe('14 meadow close');
    expect(nlu.understand('dog mess all along beech grove').slots.location?.value).toBe('beech grove');
  });

  it('keeps its house number out of the request: "fly tipping 14 meadow close" is a report, not report 14', () => {
    const result = nlu.understand('fly tipping 14 meadow close');
    expect(result.intent.name).toBe('ReportIssueIntent');
    expect(result.slots.location?.value).toBe('14 meadow close');
    expect(result.slots.reference).toBeUndefined();
  });

  it('is not made of everyday words: "the road" alone names no street', () => {
    expect(nlu.understand('there is a pothole and the road is dangerous').slots.location).toBeUndefined();
  });
});

describe('an issue named by its words spread through the sentence', () => {
  it('is found when two of one issue\'s own words agree', () => {
    const result = nlu.understand('the drains by the shops keep overflowing');
    expect(result.intent.name).toBe('ReportIssueIntent');
    expect(result.slots.issueType?.id).toBe('BLOCKED_DRAIN');
  });

  it('is not guessed from one word another issue could share', () => {
    expect(nlu.understand('I want to report a problem with the road').slots.issueType).toBeUndefined();
  });
});
