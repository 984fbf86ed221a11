/**
 * The out-of-domain decision: a sentence that shares only everyday words with the council's
 * samples ("when is", "rate", "how do I change") is another subject, however close its shape.
 * These sentences are written for this test; none is in test/nlu-eval/held-out.yaml.
 */
import { loadLanguageModel } from '../../../src/language-model/load-language-model';
import { findCouncilStems } from '../../../src/simulator/nlu/council-words';
import { FALLBACK } from '../../../src/core/intents';
import { createNlu } from '../../../src/simulator/nlu/create-nlu';
import { stem } from '../../../src/simulator/nlu/text';
import { SAMPLE_NOW } from '../support/fill-samples';

const model = loadLanguageModel('en-GB');
const nlu = createNlu(model, { now: () => SAMPLE_NOW, timeZone: 'Europe/London' });

describe('the words that make a sentence about the council', () => {
  const council = findCouncilStems(model);

  it('are the key words of the intents and the words of slot values', () => {
    for (const word of ['bin', 'band', 'report', 'postcode', 'remind', 'wheelie', 'pothole', 'caddy', 'arrears']) expect(council).toContain(stem(word));
  });

  it('leave out the words every request uses, and words everyday requests use as much', () => {
    for (const word of ['when', 'day', 'is', 'what', 'open', 'change', 'rate', 'tomorrow']) expect(council).not.toContain(stem(word));
  });
});

describe('a request the council does not serve', () => {
  it.each([
    'when is christmas day',
    "what's the interest rate on my savings",
    'how do I change a tyre',
    "what's a good film to watch",
    'open the blinds',
    'how many ounces in a pound',
    'when does the pharmacy shut',
    // Shaped like "it's at {location}", but a place in a sentence is not a report of one.
    "what's the price of bread at asda",
  ])('"%s" falls back as out of domain, showing staff what it was nearest to', (text) => {
    const result = nlu.understand(text);
    expect(result.intent.name).toBe(FALLBACK);
    expect(result.reason.how).toBe('out of domain');
    expect(result.slots).toEqual({});
    expect(result.alternatives.length).toBeGreaterThan(0);
  });

  it('still understands council requests said with the same everyday words', () => {
    expect(nlu.understand('when is bin day this week').intent.name).toBe('GetBinCollectionIntent');
    expect(nlu.understand("what's the rate for band c").intent.name).toBe('CouncilTaxChargeIntent');
    expect(nlu.understand('how do I change my address').intent.name).toBe('SetAddressIntent');
    expect(nlu.understand('can I pay my council tax by card').intent.name).toBe('CouncilTaxPaymentIntent');
    // A postcode alone is about the council, as an address.
    expect(nlu.understand('my postcode is l s two nine j t').intent.name).toBe('SetAddressIntent');
  });
});
