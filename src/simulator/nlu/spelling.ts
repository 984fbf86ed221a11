/**
 * Small spelling slips ("whne", "recylcing") and split words ("pot hole", "post code"), mended
 * against the words the language model knows. Typed text has slips; speech recognition splits.
 */

/** Optimal string alignment distance (Levenshtein plus adjacent swaps), stopping above `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const above = rows[i - 1] ?? [];
      let value = Math.min((above[j] ?? Infinity) + 1, (row[j - 1] ?? Infinity) + 1, (above[j - 1] ?? Infinity) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (rows[i - 2]?.[j - 2] ?? Infinity) + 1);
      }
      row.push(value);
      best = Math.min(best, value);
    }
    if (i > 0 && best > limit) return limit + 1;
    rows.push(row);
  }
  return rows[a.length]?.[b.length] ?? limit + 1;
}

/** How far a word of this length may be from the one meant: short words must be exact. */
function allowedSlips(length: number): number {
  if (length < 4) return 0;
  return length < 8 ? 1 : 2;
}

/** The words of the language model, able to suggest the word meant by a slip. */
export class Vocabulary {
  private readonly words: string[];
  private readonly known: Set<string>;
  private readonly corrections = new Map<string, string | undefined>();

  constructor(words: Iterable<string>) {
    this.known = new Set(words);
    // Sorted so that ties between equally near words always resolve the same way.
    this.words = [...this.known].sort();
  }

  has(word: string): boolean {
    return this.known.has(word);
  }

  /** The known word nearest to an unknown one, within the slips its length allows. */
  correct(word: string): string | undefined {
    if (this.known.has(word) || /\d/.test(word)) return undefined;
    if (this.corrections.has(word)) return this.corrections.get(word);
    const limit = allowedSlips(word.length);
    let best: string | undefined;
    let bestDistance = limit + 1;
    if (limit > 0) {
      for (const candidate of this.words) {
        if (candidate.length < 4) continue;
        const distance = editDistance(word, candidate, Math.min(limit, bestDistance));
        if (distance < bestDistance) {
          best = candidate;
          bestDistance = distance;
          if (distance === 1 && limit === 1) break;
        }
      }
    }
    // Remembered (a few thousand words at most) so repeated sentences cost nothing.
    if (this.corrections.size < 5000) this.corrections.set(word, best);
    return best;
  }

  /** "pot" + "hole" → "pothole" when the model knows the joined word and not the parts together. */
  join(first: string, second: string): string | undefined {
    const joined = first + second;
    return this.known.has(joined) && !(this.known.has(first) && this.known.has(second)) ? joined : undefined;
  }
}
