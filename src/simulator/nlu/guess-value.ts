/**
 * A value named by its words scattered through the sentence rather than in one span: "the drains
 * by the shops keep overflowing" names no synonym of a blocked drain, but "drains" and
 * "overflowing" are words only the blocked drain's synonyms use. Only when two or more such words
 * agree on one value, so a single shared word never fills a slot.
 */
import type { SlotType } from '../../language-model/language-model';
import { FILLER_WORDS } from './fillers';
import type { Sentence, SlotReading } from './sentence';
import { sourceText, stem, tokenise } from './text';

/** Words that name nothing: they never point at a value. */
const LINKING_WORDS = new Set(['the', 'a', 'an', 'my', 'our', 'your', 'in', 'on', 'at', 'of', 'to', 'by', 'is', 'are', 'was', 'were', 'it', 'there', 'and', 'has', 'have', 'been', 'be'].map(stem));
/** How many of a value's own words must be heard. */
const WORDS_NEEDED = 2;
/** Surer than a free-text guess, less sure than the value said in full. */
const GUESS_QUALITY = 0.6;

export type ValueGuesser = (sentence: Sentence, taken: boolean[]) => SlotReading | undefined;

/** A guesser for a type with values: each value's words that no other value of the type uses. */
export function createValueGuesser(type: SlotType): ValueGuesser {
  const valuesOfStem = new Map<string, Set<number>>();
  const values = type.values ?? [];
  values.forEach((value, index) => {
    for (const phrase of [value.name, ...value.synonyms]) {
      for (const token of tokenise(phrase).tokens) {
        if (FILLER_WORDS.has(token.word) || LINKING_WORDS.has(token.stem)) continue;
        const owners = valuesOfStem.get(token.stem) ?? new Set<number>();
        owners.add(index);
        valuesOfStem.set(token.stem, owners);
      }
    }
  });
  const ownStem = new Map<string, number>();
  for (const [s, owners] of valuesOfStem) if (owners.size === 1) ownStem.set(s, [...owners][0] ?? 0);

  return (sentence, taken) => {
    const heard = new Map<number, { stems: Set<string>; from: number; to: number }>();
    for (let i = 0; i < sentence.words.length; i++) {
      if (taken[i] || sentence.folded[i] || sentence.filler[i]) continue;
      const owner = ownStem.get(sentence.stems[i] ?? '');
      if (owner === undefined) continue;
      const entry = heard.get(owner) ?? { stems: new Set<string>(), from: i, to: i + 1 };
      entry.stems.add(sentence.stems[i] ?? '');
      entry.to = i + 1;
      heard.set(owner, entry);
    }
    const ranked = [...heard.entries()].sort((a, b) => b[1].stems.size - a[1].stems.size || a[0] - b[0]);
    const [best, second] = ranked;
    if (!best || best[1].stems.size < WORDS_NEEDED || (second && second[1].stems.size === best[1].stems.size)) return undefined;
    const value = values[best[0]];
    if (!value) return undefined;
    return { quality: GUESS_QUALITY, value: sourceText(sentence.text, best[1].from, best[1].to), id: value.id, name: value.name };
  };
}
