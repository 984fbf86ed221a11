/**
 * A naive Bayes intent classifier trained on the model's samples at start-up. Where the aligner
 * asks "which sample is this sentence?", this asks "whose words are these?", so a sentence said in
 * an order no sample has, or with words around it no sample has, still finds its intent. Slot
 * values count as their type ("{BIN_TYPE}"), so "the wheelie bin" and "the food caddy" teach the
 * same thing. Out-of-domain examples train a class of their own: the fallback.
 * Deterministic: counts and logarithms, no randomness.
 */
import type { LanguageModel } from '../../language-model/language-model';
import { FILLER_WORDS } from './fillers';
import { findDates, type DateReference } from './dates';
import type { Sentence } from './sentence';
import { type SlotReader } from './slot-types';
import { isTaken, spotNumbers, spotValue } from './spot';
import { spotStreet } from './spot-street';
import { markSlots, SLOT_MARK } from './templates';

/** What a slot of each type stands for among the features; undefined: its words are kept as words. */
export type SlotFeature = string | undefined;

/** Pseudo-count for a feature an intent never used: small, so a rare word still tells. */
const SMOOTHING = 0.1;
/** Features in a bag: words (stems) and pairs of neighbouring words. */
const BIGRAM_WEIGHT = 0.5;
/** Posteriors are computed on the average log-likelihood per feature, sharpened by this. */
const SHARPNESS = 3;

export interface Classification {
  /** Probability per class (intents, and the out-of-domain class), summing to 1. */
  posteriors: Map<string, number>;
}

export interface IntentClassifier {
  classify(sentence: Sentence): Classification;
}

function pairs(tokens: string[]): string[] {
  const out: string[] = [];
  for (let i = 1; i < tokens.length; i++) out.push(`${tokens[i - 1]}_${tokens[i]}`);
  return out;
}

export interface ClassifierInput {
  model: LanguageModel;
  /** Out-of-domain examples, trained as `fallbackName`. */
  outOfDomain: string[];
  fallbackName: string;
  /** Readers of value types, for spotting values in a sentence. */
  valueReaders: SlotReader[];
  postcodeReaders: SlotReader[];
  dates: DateReference;
  /** The feature a slot of this type becomes (`{BIN_TYPE}`, `{number}`), or undefined. */
  featureOfType: (type: string) => SlotFeature;
  /** True when some slot type is a street (spot-street.ts): a street said is a place, not its words or a reference number. */
  streets: boolean;
  /** Reads a sample as a sentence, so a value written into it ("my recycling wasn't taken") counts as its type, as in a sentence. */
  read: (text: string) => Sentence;
}

export function trainClassifier(input: ClassifierInput): IntentClassifier {
  const counts = new Map<string, Map<string, number>>();
  const totals = new Map<string, number>();
  const vocabulary = new Set<string>();
  function learn(intent: string, tokens: string[]): void {
    const row = counts.get(intent) ?? new Map<string, number>();
    counts.set(intent, row);
    const features: [string, number][] = [...tokens.map((t) => [t, 1] as [string, number]), ...pairs(tokens).map((p) => [p, BIGRAM_WEIGHT] as [string, number])];
    for (const [feature, weight] of features) {
      row.set(feature, (row.get(feature) ?? 0) + weight);
      totals.set(intent, (totals.get(intent) ?? 0) + weight);
      vocabulary.add(feature);
    }
  }
  /** A sample's features: each `{slot}` gap as its type's feature, the rest read as a sentence's words are. */
  function sampleFeatures(sample: string, featureOfSlot: (slot: string) => SlotFeature): string[] {
    const { marked, slots } = markSlots(sample);
    const sentence = input.read(marked);
    const preset = sentence.words.map((word) => {
      const mark = SLOT_MARK.exec(word);
      return mark ? featureOfSlot(slots[Number(mark[1])] ?? '') ?? '' : undefined;
    });
    return sentenceFeatures(sentence, preset);
  }
  for (const intent of input.model.intents) {
    const typeOf = new Map(intent.slots.map((s) => [s.name, s.type]));
    for (const sample of intent.samples) {
      learn(intent.name, sampleFeatures(sample, (slot) => input.featureOfType(typeOf.get(slot) ?? 'FREE_TEXT')));
    }
  }
  for (const sentence of input.outOfDomain) learn(input.fallbackName, sampleFeatures(sentence, () => undefined));
  const classes = [...counts.keys()].sort();
  const size = vocabulary.size;
  const logs = new Map<string, Map<string, number>>();
  const unseen = new Map<string, number>();
  for (const name of classes) {
    const total = (totals.get(name) ?? 0) + SMOOTHING * size;
    const row = new Map<string, number>();
    for (const [feature, count] of counts.get(name) ?? []) row.set(feature, Math.log((count + SMOOTHING) / total));
    logs.set(name, row);
    unseen.set(name, Math.log(SMOOTHING / total));
  }

  /** The sentence's features: spotted values and numbers as their type, other words as stems. */
  function sentenceFeatures(sentence: Sentence, preset: (string | undefined)[] = []): string[] {
    const n = sentence.words.length;
    const replaced = Array.from({ length: n }, (_, i) => preset[i]);
    const taken = replaced.map((feature) => feature !== undefined);
    const mark = (from: number, to: number, feature: string) => {
      for (let i = from; i < to; i++) { taken[i] = true; replaced[i] = i === from ? feature : ''; }
    };
    for (const reader of input.postcodeReaders) {
      const spot = spotValue(sentence, reader, taken);
      if (spot) mark(spot.from, spot.to, input.featureOfType(reader.type) ?? '');
    }
    for (const reader of input.valueReaders) {
      for (let spot = spotValue(sentence, reader, taken); spot; spot = spotValue(sentence, reader, taken)) {
        mark(spot.from, spot.to, input.featureOfType(reader.type) ?? '');
      }
    }
    // "14 meadow close": a place, as a location gap in a sample is; its number is no reference.
    const street = input.streets ? spotStreet(sentence, taken) : undefined;
    if (street) mark(street.from, street.to, '');
    for (const date of findDates(sentence, input.dates)) {
      if (!isTaken(taken, date.from, date.to)) mark(date.from, date.to, input.featureOfType('DATE') ?? '');
    }
    for (const number of spotNumbers(sentence)) {
      if (!isTaken(taken, number.from, number.to)) mark(number.from, number.to, input.featureOfType('NUMBER') ?? '');
    }
    const tokens: string[] = [];
    for (let i = 0; i < n; i++) {
      if (sentence.folded[i]) continue;
      const feature = replaced[i];
      if (feature !== undefined) {
        if (feature) tokens.push(feature);
        continue;
      }
      if (sentence.filler[i] || FILLER_WORDS.has(sentence.words[i] ?? '')) continue;
      const token = sentence.stems[i] ?? '';
      tokens.push(token);
    }
    return tokens;
  }

  return {
    classify(sentence) {
      const tokens = sentenceFeatures(sentence);
      const features: [string, number][] = [...tokens.map((t) => [t, 1] as [string, number]), ...pairs(tokens).map((p) => [p, BIGRAM_WEIGHT] as [string, number])]
        .filter(([feature]) => vocabulary.has(feature));
      const weight = features.reduce((sum, [, w]) => sum + w, 0);
      const scores = classes.map((name) => {
        const row = logs.get(name);
        const floor = unseen.get(name) ?? 0;
        let sum = 0;
        for (const [feature, w] of features) sum += w * (row?.get(feature) ?? floor);
        return weight > 0 ? (SHARPNESS * sum) / Math.sqrt(weight) : 0;
      });
      const top = Math.max(...scores);
      const exps = scores.map((s) => Math.exp(s - top));
      const total = exps.reduce((a, b) => a + b, 0);
      const posteriors = new Map(classes.map((name, i) => [name, (exps[i] ?? 0) / total]));
      return { posteriors };
    },
  };
}
