/**
 * A resident's sentence, read once and prepared for comparing with every sample: word ids,
 * mended slips, filler marks and weights. Everything per-sentence is cached here.
 */
import { markFillers } from './fillers';
import { POLARITY_WORDS, type Lexicon } from './lexicon';
import { isNumberWord } from './numbers';
import { stem, tokenise, type TokenisedText } from './text';

/** What one slot-type reader found in a span of the sentence. */
export interface SlotReading {
  /** 0–1: how surely the span is a value of the type. */
  quality: number;
  /** The words as heard (or the normalised value for built-ins: digits, ISO dates). */
  value: string;
  /** The resolved id, for types with values. */
  id?: string;
  /** The canonical name of the resolved value. */
  name?: string;
}

export interface Sentence {
  text: TokenisedText;
  /** Token words, with slips mended where the model knows the meant word. */
  words: string[];
  /** Stems of `words`. */
  stems: string[];
  wordIds: Int32Array;
  stemIds: Int32Array;
  /** 1 for words as typed, less for mended ones. */
  certainty: Float64Array;
  /** Tokens folded into the token before ("pot" "hole" → "pothole"): they weigh nothing. */
  folded: boolean[];
  filler: boolean[];
  /** Tokens that turn the request round ("not", "stop", "off"). */
  polar: boolean[];
  weights: Float64Array;
  /** prefixWeights[i] is the weight of tokens before i. */
  prefixWeights: Float64Array;
  totalWeight: number;
  /** Slot readings by type and span, filled as the matcher asks. */
  readings: Map<number, SlotReading | null>;
  /** Weight each slot reader could take from the sentence, by reader index (see upper-bound.ts). */
  reach: number[];
  /** Per-sentence scratch space for slow readers (dates). */
  scratch: Map<string, unknown>;
}

/** A mended word counts for this much of a word typed right. */
export const MENDED_CERTAINTY = 0.85;

export function readSentence(input: string, lexicon: Lexicon): Sentence {
  const text = tokenise(input);
  const n = text.tokens.length;
  const words = text.tokens.map((t) => t.word);
  const certainty = new Float64Array(n).fill(1);
  const folded = new Array<boolean>(n).fill(false);
  for (let i = 0; i < n; i++) {
    const word = words[i] ?? '';
    const next = words[i + 1];
    const joined = next !== undefined && !lexicon.vocabulary.has(word) ? lexicon.vocabulary.join(word, next) : undefined;
    if (joined) {
      words[i] = joined;
      folded[i + 1] = true;
      i++;
      continue;
    }
    // Number words are never slips: "forty" is not a misspelt "fort".
    const mended = isNumberWord(word) ? undefined : lexicon.vocabulary.correct(word);
    if (mended) {
      words[i] = mended;
      certainty[i] = MENDED_CERTAINTY;
    }
  }
  const filler = markFillers(words);
  const weights = new Float64Array(n);
  const prefixWeights = new Float64Array(n + 1);
  const stems = words.map(stem);
  const wordIds = new Int32Array(n);
  const stemIds = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const word = words[i] ?? '';
    wordIds[i] = folded[i] ? -2 : lexicon.wordId(word);
    stemIds[i] = folded[i] ? -2 : lexicon.stemId(stems[i] ?? '');
    weights[i] = folded[i] ? 0 : filler[i] ? Math.min(0.08, lexicon.weight(word)) : lexicon.weight(word);
    prefixWeights[i + 1] = (prefixWeights[i] ?? 0) + (weights[i] ?? 0);
  }
  return {
    text, words, stems, wordIds, stemIds, certainty, folded, filler, weights,
    polar: words.map((w, i) => !folded[i] && POLARITY_WORDS.has(w)), prefixWeights,
    totalWeight: prefixWeights[n] ?? 0, readings: new Map(), reach: [], scratch: new Map(),
  };
}

/** The comparable words of tokens `from`..`to` (exclusive), folded tokens left out. */
export function spanWords(sentence: Sentence, from: number, to: number): string[] {
  const out: string[] = [];
  for (let i = from; i < to; i++) if (!sentence.folded[i]) out.push(sentence.words[i] ?? '');
  return out;
}

/** The stems of tokens `from`..`to` (exclusive), folded tokens left out. */
export function spanStems(sentence: Sentence, from: number, to: number): string[] {
  const out: string[] = [];
  for (let i = from; i < to; i++) if (!sentence.folded[i]) out.push(sentence.stems[i] ?? '');
  return out;
}

/** The lowest certainty among tokens `from`..`to`. */
export function spanCertainty(sentence: Sentence, from: number, to: number): number {
  let c = 1;
  for (let i = from; i < to; i++) c = Math.min(c, sentence.certainty[i] ?? 1);
  return c;
}
