/**
 * What the language model's words are worth. A word found in the samples of few intents
 * ("bin", "pothole") says a lot about the request; one found in most ("the", "is") says little;
 * filler says nothing. Words get small integer ids so matching compares numbers, not strings.
 */
import { FILLER_WORDS } from './fillers';
import { Vocabulary } from './spelling';
import { stem } from './text';

/**
 * Words that turn a request round ("stop my reminders", "switch off", "not that one"). A sample
 * and a sentence that differ in one of these differ in meaning, however many words they share.
 */
export const POLARITY_WORDS = new Set(['not', 'no', 'stop', 'off', 'cancel', 'never', 'nothing', 'none', 'without', 'nope']);

/** Weight of a word the model has never seen: it is evidence the sentence is about something else. */
export const UNKNOWN_WORD_WEIGHT = 1.2;
const FILLER_WEIGHT = 0.08;
const BASE_WEIGHT = 0.25;

export class Lexicon {
  private readonly wordIds = new Map<string, number>();
  private readonly stemIds = new Map<string, number>();
  private readonly stemWeights: number[] = [];
  readonly vocabulary: Vocabulary;

  /**
   * `wordsByIntent`: the literal words of each intent's samples; `extraWords`: words that are
   * known (slot values, synonyms) without being evidence for any one intent.
   */
  constructor(wordsByIntent: Map<string, Set<string>>, extraWords: Iterable<string>) {
    const intentCount = Math.max(1, wordsByIntent.size);
    const intentsPerStem = new Map<string, number>();
    const all = new Set<string>();
    for (const words of wordsByIntent.values()) {
      const stems = new Set<string>();
      for (const word of words) {
        all.add(word);
        stems.add(stem(word));
      }
      for (const s of stems) intentsPerStem.set(s, (intentsPerStem.get(s) ?? 0) + 1);
    }
    for (const word of extraWords) all.add(word);
    for (const word of [...all].sort()) {
      this.wordIds.set(word, this.wordIds.size);
      const s = stem(word);
      if (!this.stemIds.has(s)) {
        this.stemIds.set(s, this.stemIds.size);
        const spread = intentsPerStem.get(s);
        this.stemWeights.push(FILLER_WORDS.has(word) ? FILLER_WEIGHT
          : spread ? BASE_WEIGHT + Math.log(intentCount / spread) : UNKNOWN_WORD_WEIGHT * 0.8);
      }
    }
    this.vocabulary = new Vocabulary(all);
  }

  /** The id of a known word, or -1. */
  wordId(word: string): number {
    return this.wordIds.get(word) ?? -1;
  }

  get stemCount(): number {
    return this.stemIds.size;
  }

  /** The id of a known stem, or -1. */
  stemId(s: string): number {
    return this.stemIds.get(s) ?? -1;
  }

  /** How much a word says about which intent is meant. */
  weight(word: string): number {
    if (FILLER_WORDS.has(word)) return FILLER_WEIGHT;
    const id = this.stemIds.get(stem(word));
    return id === undefined ? UNKNOWN_WORD_WEIGHT : this.stemWeights[id] ?? UNKNOWN_WORD_WEIGHT;
  }
}
