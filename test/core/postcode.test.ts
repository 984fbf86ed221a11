import { isValidPostcode, normalisePostcode } from '../../src/core/postcode';

describe('spoken postcodes', () => {
  it.each([
    ['s w one a one a a', 'SW1A 1AA'],
    ['sw1a 1aa', 'SW1A 1AA'],
    ['SW1A1AA', 'SW1A 1AA'],
    ['  sw1a   1aa ', 'SW1A 1AA'],
    ['S.W. 1 A, 1 double A', 'SW1A 1AA'],
    ['sierra whiskey one alpha one alpha alpha', 'SW1A 1AA'],
    ['a b one two c d', 'AB1 2CD'],
    ['ab1 2cd', 'AB1 2CD'],
    ['m one one a e', 'M1 1AE'],
    ['ec1a 1bb', 'EC1A 1BB'],
    ['l s two nine j t', 'LS2 9JT'],
    ['b thirty three eight t h', 'B33 8TH'],
    ['my postcode is dn55 1pt', 'DN55 1PT'],
    ['cr2 6xh', 'CR2 6XH'],
    ['w one oh one a a', 'W10 1AA'],
    ['o l one one a a', 'OL1 1AA'],
    ['g i r oh a a', 'GIR 0AA'],
    ['n one nine g u', 'N1 9GU'],
    ['bee ess one five dee dee', 'BS1 5DD'],
    ['e one triple six? no', undefined],
  ])('"%s" → %s', (spoken, expected) => {
    expect(normalisePostcode(spoken)).toBe(expected);
  });

  it.each(['hello', 'AB1', 'twelve', '', 'ZZ9 9ZZ', 'SW1A 1AAA', 'sw1a 1a1'])('rejects "%s"', (spoken) => {
    expect(normalisePostcode(spoken)).toBeUndefined();
  });

  it('validates written postcodes with or without the space, in any case', () => {
    expect(isValidPostcode('sw1a1aa')).toBe(true);
    expect(isValidPostcode('SW1A 1AA')).toBe(true);
    expect(isValidPostcode('SW1A-1AA')).toBe(false);
  });
});
