/**
 * Numbers as speech recognisers hand them over: "twelve", "forty seven", "one hundred and two",
 * or digit by digit ("one two three four"). Used for house numbers and reference numbers.
 */
import { ownValue } from './own-value';

const UNITS: Record<string, number> = {
  zero: 0, oh: 0, nought: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };

/** Replaces runs of number words with digits: "number twelve b" → "number 12 b". */
export function wordsToDigits(text: string): string {
  const words = text.toLowerCase().split(/[\s-]+/).filter(Boolean);
  const out: string[] = [];
  let value: number | undefined;
  const flush = () => {
    if (value !== undefined) out.push(String(value));
    value = undefined;
  };
  for (const word of words) {
    const tens = ownValue(TENS, word);
    const unit = ownValue(UNITS, word);
    if (tens !== undefined) {
      flush();
      value = tens;
    } else if (unit !== undefined) {
      // "forty seven" joins; "one two" stays two numbers.
      if (value !== undefined && value % 10 === 0 && value >= 20 && value < 100 && unit < 10 && unit > 0) value += unit;
      else if (value !== undefined && value % 100 === 0 && value >= 100 && unit < 100) value += unit;
      else { flush(); value = unit; }
    } else if (word === 'hundred' && value !== undefined && value < 10) {
      value *= 100;
    } else if (word === 'and' && value !== undefined && value >= 100) {
      continue;
    } else {
      flush();
      out.push(word);
    }
  }
  flush();
  return out.join(' ');
}

/** A reference said digit by digit or written: "one two three four" or "1 2 3 4" → "1234". */
export function spokenDigits(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const joined = text.toLowerCase().split(/[\s,.-]+/).map((w) => {
    const unit = ownValue(UNITS, w);
    return unit !== undefined && unit < 10 ? String(unit) : w;
  }).join('');
  return /^[0-9a-z]+$/i.test(joined) && /\d/.test(joined) ? joined.toUpperCase() : undefined;
}
