/**
 * Tables keyed by words are looked up as own properties only: a resident who says "constructor"
 * or "__proto__" gets an answer, not a crash or a function's source read back as a number.
 */
import fc from 'fast-check';
import { normalisePostcode } from '../../../src/core/postcode';
import { spokenDigits, wordsToDigits } from '../../../src/core/spoken-numbers';
import { loadLanguageModel } from '../../../src/language-model/load-language-model';
import { createNlu } from '../../../src/simulator/nlu/create-nlu';
import { readNumber } from '../../../src/simulator/nlu/numbers';
import { tokenise } from '../../../src/simulator/nlu/text';

const PROTOTYPE_WORDS = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', 'isPrototypeOf', '__defineGetter__'];
const nlu = createNlu(loadLanguageModel('en-GB'));
const ordinary = fc.constantFrom('when', 'is', 'my', 'bin', 'number', 'twelve', 'report', 'the', 'postcode', 'one', 'two');
const sentences = fc.array(fc.oneof(fc.constantFrom(...PROTOTYPE_WORDS), ordinary), { minLength: 1, maxLength: 8 }).map((w) => w.join(' '));

describe('word tables and words that name Object.prototype properties', () => {
  it('wordsToDigits leaves them as words', () => {
    expect(wordsToDigits('number constructor')).toBe('number constructor');
    fc.assert(fc.property(sentences, (text) => {
      const out = wordsToDigits(text);
      expect(out).not.toMatch(/function|native code|\[object/);
    }));
  });

  it('the simulator understands any sentence holding them without throwing, and never reads them as numbers', () => {
    fc.assert(fc.property(sentences, (text) => {
      const result = nlu.understand(text);
      expect(typeof result.intent.name).toBe('string');
      for (const slot of Object.values(result.slots)) expect(slot.value).not.toMatch(/function|native code/);
    }), { numRuns: 200 });
  });

  it.each(PROTOTYPE_WORDS)('"%s" is no number, no postcode, and tokenises as itself', (word) => {
    expect(readNumber([word.toLowerCase()])).toBeUndefined();
    expect(normalisePostcode(`${word} 1aa`)).toBeUndefined();
    expect(spokenDigits(word)).toBeUndefined();
    expect(tokenise(word).tokens.map((t) => t.word).join('')).toBe(word.toLowerCase().replace(/_/g, ''));
  });
});
