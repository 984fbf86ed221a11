/**
 * UK postcodes as residents say them. Speech recognisers hand us "s w one a one a a",
 * "sw1a 1aa", "S.W. 1 A, 1 double A" or NATO words; we turn any of these into `SW1A 1AA`
 * and check it against the GOV.UK pattern. A postcode is not a property: the address
 * dialog still asks which home.
 */

import { ownValue } from './own-value';

/** The GOV.UK bulk-data pattern, applied to the form without a space. */
const POSTCODE_PATTERN = /^(GIR0AA|[A-Z][A-HJ-Y]?[0-9][A-Z0-9]?[0-9][A-Z]{2})$/;

const DIGIT_WORDS: Record<string, string> = {
  zero: '0', nought: '0', nil: '0', one: '1', two: '2', three: '3', four: '4', five: '5',
  six: '6', seven: '7', eight: '8', nine: '9', ten: '10', eleven: '11', twelve: '12',
  thirteen: '13', fourteen: '14', fifteen: '15', sixteen: '16', seventeen: '17', eighteen: '18',
  nineteen: '19', twenty: '20', thirty: '30', forty: '40', fifty: '50', sixty: '60',
  seventy: '70', eighty: '80', ninety: '90',
};

/** Letters said as words: NATO alphabet and the way letters sound. */
const LETTER_WORDS: Record<string, string> = {
  alpha: 'A', alfa: 'A', bravo: 'B', charlie: 'C', delta: 'D', echo: 'E', foxtrot: 'F', golf: 'G',
  hotel: 'H', india: 'I', juliet: 'J', juliett: 'J', kilo: 'K', lima: 'L', mike: 'M', november: 'N',
  oscar: 'O', papa: 'P', quebec: 'Q', romeo: 'R', sierra: 'S', tango: 'T', uniform: 'U',
  victor: 'V', whiskey: 'W', whisky: 'W', xray: 'X', yankee: 'Y', zulu: 'Z',
  bee: 'B', cee: 'C', see: 'C', dee: 'D', ee: 'E', eff: 'F', gee: 'G', aitch: 'H', haitch: 'H',
  jay: 'J', kay: 'K', el: 'L', ell: 'L', em: 'M', en: 'N', pee: 'P', queue: 'Q', cue: 'Q',
  ar: 'R', are: 'R', ess: 'S', tee: 'T', tea: 'T', you: 'U', vee: 'V', ex: 'X', why: 'Y', zed: 'Z', zee: 'Z',
};

/** Words that could be a letter O or a zero: decided by where they fall. */
const O_OR_ZERO = new Set(['o', 'oh']);

/** Words said around a postcode that are not part of it ("my postcode is ..."). */
export const POSTCODE_FILLER: ReadonlySet<string> = new Set(['my', 'postcode', 'post', 'code', 'is', 'it', 'its', "it's", 'the', 'please', 'um', 'er', 'erm', 'uh', 'and', 'for', 'letter']);

/** Tokens the resident said, each a run of letters/digits or an ambiguous O. */
function toChunks(spoken: string): string[] {
  const words = spoken.toLowerCase().replace(/[.,;:!?'"()-]/g, ' ').split(/\s+/).filter(Boolean);
  const chunks: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    if (POSTCODE_FILLER.has(word)) continue;
    // "double a" → "aa", "triple five" → "555"
    const repeat = word === 'double' ? 2 : word === 'triple' ? 3 : 0;
    if (repeat > 0 && i + 1 < words.length) {
      const next = toChunk(words[++i] ?? '');
      chunks.push(...Array<string>(repeat).fill(next));
      continue;
    }
    // "twenty one" → "21"
    const tens = ownValue(DIGIT_WORDS, word);
    const unit = ownValue(DIGIT_WORDS, words[i + 1] ?? '');
    if (tens && tens.length === 2 && tens.endsWith('0') && unit && unit.length === 1 && unit !== '0') {
      chunks.push(tens[0] + unit);
      i++;
      continue;
    }
    chunks.push(toChunk(word));
  }
  return chunks;
}

function toChunk(word: string): string {
  if (O_OR_ZERO.has(word)) return '?';
  return ownValue(DIGIT_WORDS, word) ?? ownValue(LETTER_WORDS, word) ?? word.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** Every reading of the ambiguous O's ('?'); zero first, since the letter O is rare in postcodes. */
function readings(compact: string): string[] {
  const at = compact.indexOf('?');
  if (at < 0) return [compact];
  return ['0', 'O'].flatMap((c) => readings(compact.slice(0, at) + c + compact.slice(at + 1)));
}

/** `AA9A9AA` → `AA9A 9AA`. */
function withSpace(compact: string): string {
  return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
}

/** True for a postcode in the GOV.UK pattern, with or without its space, any case. */
export function isValidPostcode(postcode: string): boolean {
  return POSTCODE_PATTERN.test(postcode.toUpperCase().replace(/\s+/g, ''));
}

/**
 * The postcode the resident said, normalised to `AA9A 9AA`, or undefined when what they said
 * is not a whole valid postcode.
 */
export function normalisePostcode(spoken: string | undefined): string | undefined {
  if (!spoken) return undefined;
  const compact = toChunks(spoken).join('');
  if (compact.length < 5 || compact.length > 7) return undefined;
  const match = readings(compact).find((candidate) => POSTCODE_PATTERN.test(candidate));
  return match ? withSpace(match) : undefined;
}
