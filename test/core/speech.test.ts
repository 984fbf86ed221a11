import { characters, formatMoney, isEmptySpeech, money, moneyToWords, numberToWords, toPlainText, toSsml } from '../../src/core/speech';

describe('speech rendering', () => {
  it('says money in pounds and pence, as a British speaker would', () => {
    expect(moneyToWords(198012)).toBe('one thousand nine hundred and eighty pounds and twelve pence');
    expect(moneyToWords(100)).toBe('one pound');
    expect(moneyToWords(101)).toBe('one pound and one penny');
    expect(moneyToWords(5)).toBe('five pence');
    expect(moneyToWords(132008)).toBe('one thousand three hundred and twenty pounds and eight pence');
    expect(numberToWords(1_000_005)).toBe('one million and five');
    expect(numberToWords(2_420)).toBe('two thousand four hundred and twenty');
  });

  it('writes money for screens as £1,980.12', () => {
    expect(formatMoney(198012)).toBe('£1,980.12');
    expect(formatMoney(5)).toBe('£0.05');
  });

  it('renders money with a spoken alias and references character by character in SSML', () => {
    const speech = { parts: [{ type: 'text' as const, text: 'Band D is ' }, money(198012), { type: 'text' as const, text: '. Your reference is ' }, characters('40123')] };
    expect(toSsml(speech)).toBe('<speak>Band D is <sub alias="one thousand nine hundred and eighty pounds and twelve pence">£1,980.12</sub>. '
      + 'Your reference is <say-as interpret-as="characters">40123</say-as></speak>');
    expect(toPlainText(speech)).toBe('Band D is £1,980.12. Your reference is 4 0 1 2 3');
  });

  it('escapes text that would break SSML', () => {
    expect(toSsml({ parts: [{ type: 'text', text: 'Fish & chips <b> "quoted"' }] })).toBe('<speak>Fish &amp; chips &lt;b&gt; &quot;quoted&quot;</speak>');
  });

  it('knows a reply that would say nothing from one that speaks', () => {
    expect(isEmptySpeech(undefined)).toBe(true);
    expect(isEmptySpeech({ parts: [{ type: 'text', text: '  ' }, { type: 'pause', ms: 300 }, characters('')] })).toBe(true);
    expect(isEmptySpeech({ parts: [{ type: 'text', text: ' ' }, money(5)] })).toBe(false);
    expect(isEmptySpeech({ parts: [characters('40123')] })).toBe(false);
  });
});
