/**
 * Places said without "on" or "at" before them ("pothole church street", "dog mess all along
 * beech grove"), or where no sample lays the words out that way. A street is a name of one to three
 * words ending in a word British streets end in ("road", "lane", "close"); "the road" alone, or
 * "the road to town", names no street.
 */
import { FILLER_WORDS } from './fillers';
import { GENERAL_STEMS } from './general-words';
import type { Sentence } from './sentence';
import type { Spotted } from './spot';
import { sourceText } from './text';

/** The last words of British street names (Royal Mail's common thoroughfare types). */
export const STREET_ENDINGS: ReadonlySet<string> = new Set([
  'road', 'street', 'lane', 'avenue', 'close', 'drive', 'way', 'crescent', 'grove', 'place', 'terrace', 'gardens', 'hill',
  'row', 'square', 'walk', 'court', 'mews', 'parade', 'rise', 'view', 'green', 'park', 'vale', 'gate', 'wynd', 'brow',
]);
const NAME_WORDS = 3;

/** True for a word that can be part of a street's name: not a joining word, filler or a number on its own. */
function isNameWord(sentence: Sentence, i: number, taken: boolean[]): boolean {
  const word = sentence.words[i] ?? '';
  return !taken[i] && !sentence.filler[i] && !sentence.folded[i] && !FILLER_WORDS.has(word)
    && !GENERAL_STEMS.has(sentence.stems[i] ?? '') && /^[a-z][a-z'-]*$/.test(word);
}

/** The first street-shaped span in the sentence outside `taken`, with a house number before it if said. */
export function spotStreet(sentence: Sentence, taken: boolean[]): Spotted | undefined {
  for (let end = 1; end < sentence.words.length; end++) {
    if (taken[end] || !STREET_ENDINGS.has(sentence.words[end] ?? '')) continue;
    let from = end;
    while (from > 0 && end - from < NAME_WORDS && isNameWord(sentence, from - 1, taken)) from--;
    if (from === end) continue;
    // "12 mill lane", "number 4 church street": the house number is part of the place.
    if (from > 0 && /^\d+[a-z]?$/.test(sentence.words[from - 1] ?? '') && !taken[from - 1]) from--;
    return { from, to: end + 1, reading: { quality: 0.7, value: sourceText(sentence.text, from, end + 1) } };
  }
  return undefined;
}
