/**
 * Numbers as residents say or type them: "12", "twelve", "forty seven", "a hundred and five",
 * and reference numbers read digit by digit ("one two three four", "four double oh one").
 */

// Maps, not object literals: a word like "constructor" must not find Object.prototype's.
const UNITS = new Map<string, number>(Object.entries({
  zero: 0, oh: 0, nought: 0, nil: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7,
  eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15,
  sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
}));
const TENS = new Map<string, number>(Object.entries({
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
}));
const SCALES = new Map<string, number>([['hundred', 100], ['thousand', 1000], ['million', 1_000_000]]);

/** True when `word` can be part of a spoken or written number. */
export function isNumberWord(word: string): boolean {
  return /^\d+$/.test(word) || UNITS.has(word) || TENS.has(word) || SCALES.has(word)
    || word === 'and' || word === 'a' || word === 'double' || word === 'triple';
}

/** "one two three four" or "1 2 3 4" or "double four": a string of single digits. */
function readDigits(words: string[]): string | undefined {
  let out = '';
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    const repeat = word === 'double' ? 2 : word === 'triple' ? 3 : 1;
    const next = repeat > 1 ? words[++i] ?? '' : word;
    const unit = UNITS.get(next);
    const digit = /^\d+$/.test(next) ? next : unit !== undefined && unit < 10 ? String(unit) : undefined;
    if (digit === undefined) return undefined;
    out += digit.repeat(repeat);
  }
  return out;
}

/** "a hundred and five" → 105, "forty seven" → 47; undefined when the words are not one number. */
function readComposed(words: string[]): number | undefined {
  let total = 0;
  let group = 0;
  let seen = false;
  let last: 'unit' | 'tens' | 'scale' | 'and' | undefined;
  for (const [i, word] of words.entries()) {
    if (word === 'and') {
      if (!seen || last === 'and') return undefined;
      last = 'and';
      continue;
    }
    if (word === 'a' && i === 0 && SCALES.has(words[1] ?? '')) {
      group = 1;
      seen = true;
      last = 'unit';
      continue;
    }
    const unit = UNITS.get(word);
    const tens = TENS.get(word);
    const scale = SCALES.get(word);
    if (unit !== undefined) {
      // "forty seven" is one number; "seven seven" is not.
      if (last === 'unit' || (last === 'tens' && unit >= 10)) return undefined;
      group += unit;
      last = 'unit';
    } else if (tens !== undefined) {
      if (last === 'unit' || last === 'tens') return undefined;
      group += tens;
      last = 'tens';
    } else if (scale !== undefined) {
      if (!seen) return undefined;
      if (scale === 100) {
        group = (group || 1) * 100;
      } else {
        total += (group || 1) * scale;
        group = 0;
      }
      last = 'scale';
    } else if (/^\d+$/.test(word) && words.length === 1) {
      return Number(word);
    } else {
      return undefined;
    }
    seen = true;
  }
  if (!seen || last === 'and') return undefined;
  return total + group;
}

/**
 * The number the words make, as digits ("47", "0123"), or undefined. Single digits said one
 * after another are read as a digit string, the way people give reference numbers.
 */
export function readNumber(words: string[]): string | undefined {
  if (words.length === 0) return undefined;
  if (words.length === 1 && /^\d+$/.test(words[0] ?? '')) return words[0];
  const composed = readComposed(words);
  if (composed !== undefined) return String(composed);
  return words.length > 1 ? readDigits(words) : undefined;
}
