/**
 * Finding slot values anywhere in a sentence, not only where a sample puts them: "right, it's the
 * grey wheelie bin I'm asking about" has a bin type whatever the words around it. Longest match
 * first, as a person reading the sentence would.
 */
import { readNumber } from './numbers';
import type { Sentence, SlotReading } from './sentence';
import type { SlotReader } from './slot-types';

export interface Spotted {
  from: number;
  to: number;
  reading: SlotReading;
}

/** Short everyday words that are also values ("a", "see", "e" as tax bands): never spotted alone. */
function isTooSlight(sentence: Sentence, from: number, to: number): boolean {
  if (to - from > 1) return false;
  return (sentence.words[from] ?? '').length < 4;
}

/** True when any word from `from` to `to` is already another slot's. */
export function isTaken(taken: boolean[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (taken[i]) return true;
  return false;
}

/**
 * The best span a reader recognises: the longest, then the surest, then the first. Spans in
 * `taken` (already explained by another slot) are left alone.
 */
export function spotValue(sentence: Sentence, reader: SlotReader, taken: boolean[] = []): Spotted | undefined {
  const n = sentence.words.length;
  let best: Spotted | undefined;
  for (let from = 0; from < n; from++) {
    if (taken[from] || sentence.filler[from] || (reader.opens && !reader.opens(sentence, from))) continue;
    for (let to = Math.min(n, from + reader.maxTokens); to > from; to--) {
      if (best && to - from < best.to - best.from) break;
      if (isTaken(taken, from, to) || isTooSlight(sentence, from, to)) continue;
      const reading = reader.read(sentence, from, to);
      if (!reading) continue;
      const longer = !best || to - from > best.to - best.from;
      if (longer || reading.quality > best!.reading.quality) best = { from, to, reading };
      break;
    }
  }
  return best;
}

/** True for a word that makes a number by itself (not "a" or "and", which only join one). */
function isNumberCore(word: string): boolean {
  return /^\d+$/.test(word) || readNumber([word]) !== undefined;
}

/**
 * Runs of number words and digits ("three three nine one", "one hundred and six", "400123"),
 * as token spans with their digits, longest first within each run.
 */
export function spotNumbers(sentence: Sentence): Spotted[] {
  const found: Spotted[] = [];
  const words = sentence.words;
  for (let from = 0; from < words.length; from++) {
    if (!isNumberCore(words[from] ?? '') && !(words[from] === 'double' || words[from] === 'triple')) continue;
    let to = from;
    while (to < words.length && (isNumberCore(words[to] ?? '') || ['and', 'double', 'triple'].includes(words[to] ?? ''))) to++;
    while (to > from && words[to - 1] === 'and') to--;
    for (let end = to; end > from; end--) {
      const value = readNumber(words.slice(from, end));
      if (value === undefined) continue;
      found.push({ from, to: end, reading: { quality: 1, value } });
      from = end - 1;
      break;
    }
  }
  return found;
}
