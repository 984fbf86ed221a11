import { spokenDigits, wordsToDigits } from '../../src/core/spoken-numbers';

describe('numbers as speech recognisers hand them over', () => {
  it('joins "forty seven" and keeps "one two" as two numbers', () => {
    expect(wordsToDigits('number forty seven b')).toBe('number 47 b');
    expect(wordsToDigits('one two')).toBe('1 2');
    expect(wordsToDigits('one hundred and two')).toBe('102');
  });

  it('leaves words that are Object.prototype members as words, not numbers', () => {
    expect(wordsToDigits('number constructor')).toBe('number constructor');
    expect(wordsToDigits('twelve toString valueOf __proto__')).toBe('12 tostring valueof __proto__');
    expect(spokenDigits('four constructor one')).toBe('4CONSTRUCTOR1');
    expect(spokenDigits('hasOwnProperty')).toBeUndefined();
  });
});
