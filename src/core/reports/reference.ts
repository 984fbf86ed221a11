/**
 * Report references as residents say them: "1 2 3 4", "one two three four", "four double oh
 * one", "reference number 4001 23". Turned into the characters the council's system uses.
 */
import { spokenDigits } from '../spoken-numbers';
import { ownValue } from '../own-value';

const REPEATS: Record<string, number> = { double: 2, triple: 3 };

/** Words that carry no part of the reference. */
const FILLER = new Set(['number', 'reference', 'ref', 'report', 'is', 'its', "it's", 'my', 'the', 'and', 'dash', 'hyphen']);

/** A digit word, something with a digit in it, or a spelled letter. */
function isReferencePiece(word: string): boolean {
  return spokenDigits(word) !== undefined || /^[a-z]$/.test(word);
}

/**
 * The reference in `spoken`, upper-cased without spaces, or undefined when something in it is not
 * part of a reference (so the skill asks again instead of looking up nonsense).
 */
export function normaliseReference(spoken: string | undefined): string | undefined {
  if (!spoken) return undefined;
  // A written reference ("FMS-1029") stays whole; spoken words may come hyphenated ("forty-two").
  const words = spoken.toLowerCase().replace(/[.,#:]/g, ' ').split(/\s+/)
    .flatMap((w) => (/\d/.test(w) && /^[a-z0-9-]+$/.test(w) ? [w.replace(/-/g, '')] : w.split('-')))
    .filter(Boolean);
  const kept: string[] = [];
  let repeat = 1;
  for (const raw of words) {
    const times = ownValue(REPEATS, raw);
    if (times !== undefined) {
      repeat = times;
      continue;
    }
    if (FILLER.has(raw)) continue;
    // "four oh oh one": a spoken letter o is a zero.
    const word = raw === 'o' ? 'oh' : raw;
    if (!isReferencePiece(word)) return undefined;
    for (let i = 0; i < repeat; i++) kept.push(word);
    repeat = 1;
  }
  const reference = spokenDigits(kept.join(' '));
  return reference && reference.length <= 30 ? reference : undefined;
}
