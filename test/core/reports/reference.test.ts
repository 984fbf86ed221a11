import { normaliseReference } from '../../../src/core/reports/reference';

describe('report references as residents say them', () => {
  it.each([
    ['1234', '1234'],
    ['1 2 3 4', '1234'],
    ['one two three four', '1234'],
    ['four double oh one two three', '400123'],
    ['four oh oh one two three', '400123'],
    ['triple seven one', '7771'],
    ['reference number 4001 23', '400123'],
    ['my reference is 400123', '400123'],
    ['a b 1 2', 'AB12'],
    ['fms-1029', 'FMS1029'],
    ['400,123', '400123'],
  ])('"%s" is %s', (spoken, reference) => {
    expect(normaliseReference(spoken)).toBe(reference);
  });

  it.each([[''], ['the broken one'], ['pothole'], ['a b c'], [undefined]])('"%s" is not a reference', (spoken) => {
    expect(normaliseReference(spoken)).toBeUndefined();
  });
});
