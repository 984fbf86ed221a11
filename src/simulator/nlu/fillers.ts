/**
 * Words that carry no request: hesitations, politeness, the wake word. They weigh almost nothing
 * when a sentence is compared with the samples, so "um, could you tell me when my bin day is,
 * please" reads as "when my bin day is".
 */

/** Single words that are filler wherever they fall. */
export const FILLER_WORDS = new Set([
  'um', 'umm', 'uh', 'er', 'erm', 'err', 'hmm', 'ah', 'oh', 'well', 'so', 'just', 'actually', 'like',
  'alexa', 'google', 'hey', 'hi', 'hello', 'please', 'thanks', 'cheers', 'kindly', 'then', 'mate', 'love',
]);

/** Phrases that are filler at the start of a sentence ("could you tell me when ..."). */
const LEADING_PHRASES = [
  'could you tell me', 'can you tell me', 'would you tell me', 'could you please tell me', 'can you please tell me',
  'please tell me', 'tell me', 'do you know', 'i would like to know', 'i want to know', 'i need to know',
  'i was wondering', 'i wonder', 'can you let me know', 'let me know', 'ok google', 'okay google', 'excuse me',
  'sorry', 'right', 'so',
].map((p) => p.split(' '));

/** Phrases that are filler at the end ("... please", "... thank you"). */
const TRAILING_PHRASES = ['thank you', 'thanks', 'please', 'for me', 'thank you very much', 'cheers', 'then'].map((p) => p.split(' '));

function matchesAt(words: string[], at: number, phrase: string[]): boolean {
  return phrase.every((word, i) => words[at + i] === word);
}

/**
 * Marks which words are filler: single filler words anywhere, and politeness phrases at either
 * end. A sentence that is nothing but filler ("thank you", "right") keeps its words.
 */
export function markFillers(words: string[]): boolean[] {
  const filler = words.map((w) => FILLER_WORDS.has(w));
  let start = 0;
  for (let changed = true; changed;) {
    changed = false;
    while (start < words.length && filler[start]) start++;
    const phrase = LEADING_PHRASES.find((p) => p.length < words.length - start && matchesAt(words, start, p));
    if (phrase) {
      for (let i = 0; i < phrase.length; i++) filler[start + i] = true;
      start += phrase.length;
      changed = true;
    }
  }
  let end = words.length;
  for (let changed = true; changed;) {
    changed = false;
    while (end > start && filler[end - 1]) end--;
    const phrase = TRAILING_PHRASES.find((p) => p.length < end - start && matchesAt(words, end - p.length, p));
    if (phrase) {
      for (let i = end - phrase.length; i < end; i++) filler[i] = true;
      end -= phrase.length;
      changed = true;
    }
  }
  return filler.every(Boolean) ? words.map(() => false) : filler;
}
