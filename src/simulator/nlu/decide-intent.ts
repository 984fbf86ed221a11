/**
 * The answer: each intent scored on its nearest sample's alignment and the classifier's view of
 * the words together; the fallback when the words are the out-of-domain kind (by the classifier,
 * by words the model has never seen, or for want of a council word), or nothing scores enough.
 */
import { BUILT_IN_INTENTS, FALLBACK } from '../../core/intents';
import type { IntentModel, LanguageModel } from '../../language-model/language-model';
import type { IntentClassifier } from './classifier';
import { mentionsCouncil } from './council-words';
import type { DateReference } from './dates';
import { fillSlots } from './fill-slots';
import type { NearestSamples } from './nearest-samples';
import { round, toSlots, type NluResult } from './nlu-result';
import { isNumberWord } from './numbers';
import type { Sentence } from './sentence';
import type { SlotReader } from './slot-types';

/** How much the best sample's alignment counts against the classifier's view of the words. */
const ALIGNMENT_SHARE = 0.5;
/** A sentence this close to a sample is in domain whatever the classifier thinks. */
const NEAR_SAMPLE = 0.7;
/** A sentence with this share of its weight in words the model has never seen is about something else. */
const FOREIGN_SHARE = 0.3;
/** A sentence near a sample may still be about something else when this much of it is new words ("when is christmas day"). */
const NEAR_SAMPLE_FOREIGN = 0.15;

/** The share of a sentence's weight in words no intent's samples or values use ("pizza", "telly"). */
function foreignShare(sentence: Sentence): number {
  let foreign = 0;
  for (let i = 0; i < sentence.words.length; i++) {
    const word = sentence.words[i] ?? '';
    // Numbers and single letters are references, house numbers and postcodes, not other subjects.
    if ((sentence.stemIds[i] ?? -1) === -1 && !isNumberWord(word) && word.length > 1) foreign += sentence.weights[i] ?? 0;
  }
  return sentence.totalWeight > 0 ? foreign / sentence.totalWeight : 0;
}

export interface DeciderInput {
  model: LanguageModel;
  classifier: IntentClassifier;
  /** From findCouncilStems. */
  councilStems: Set<string>;
  readers: Map<string, SlotReader>;
  reference: DateReference;
  threshold: number;
}

export type Decider = (sentence: Sentence, nearest: NearestSamples) => NluResult;

/** The decision, with what it needs made once. */
export function createDecider({ model, classifier, councilStems, readers, reference, threshold }: DeciderInput): Decider {
  const intentsByName = new Map<string, IntentModel>(model.intents.map((intent) => [intent.name, intent]));
  const postcodeReaders = [...readers.values()].filter((r) => r.kind === 'postcode');
  return (sentence, bestByIntent) => {
    const { posteriors } = classifier.classify(sentence);
    const unknownShare = foreignShare(sentence);
    const scored = model.intents.filter((intent) => intent.name !== FALLBACK && intent.samples.length > 0).map((intent) => {
      const aligned = bestByIntent.get(intent.name)?.alignment.score ?? 0;
      const combined = ALIGNMENT_SHARE * aligned + (1 - ALIGNMENT_SHARE) * (posteriors.get(intent.name) ?? 0);
      // A sample said as written is certain; the classifier can lift an intent, never sink its best sample.
      return { name: intent.name, aligned, score: aligned >= 0.999 ? 1 : Math.max(aligned, combined) };
    }).sort((a, b) => b.score - a.score || b.aligned - a.aligned || a.name.localeCompare(b.name));
    const [first, ...rest] = scored;
    const alternatives = rest.slice(0, 3).filter((r) => r.score > 0.05).map((r) => ({ name: r.name, confidence: round(r.score) }));
    const outOfDomain = posteriors.get(FALLBACK) ?? 0;
    const nearest = first && bestByIntent.get(first.name);
    // Words in a free-form slot ("it's on Mill Lane", "the lid is broken") are meant to be new.
    const saysFreely = nearest?.alignment.inOrder === true
      && nearest.template.items.some((item) => item.kind === 'slot' && item.reader.freeForm)
      && nearest.template.items.every((item) => item.kind === 'word' || Object.hasOwn(nearest.alignment.slots, item.slot));
    // A council intent needs a council word: "when is the village fete" shares only "when is" with
    // bin days. Close to a sample in known words ("what goes out next week") is enough without one.
    // New words are expected in a free-form slot ("number the old rectory"), but only of a sentence
    // close to its sample: "what's the price of bread at asda" is not "it's at {location}".
    const near = first !== undefined && first.aligned >= NEAR_SAMPLE && (saysFreely || unknownShare <= NEAR_SAMPLE_FOREIGN);
    const offTopic = first !== undefined && !near && !BUILT_IN_INTENTS.includes(first.name) && !mentionsCouncil(sentence, councilStems, postcodeReaders);
    const foreign = first !== undefined && first.aligned < 0.999
      && (offTopic || (!saysFreely && first.aligned < NEAR_SAMPLE && (outOfDomain > (posteriors.get(first.name) ?? 0) || unknownShare > FOREIGN_SHARE)));
    if (!first || first.score < threshold || foreign) {
      const shown = first ? [{ name: first.name, confidence: round(first.score) }, ...alternatives.slice(0, 2)] : [];
      return {
        intent: { name: FALLBACK, confidence: round(first && !foreign ? 1 - first.score : Math.max(outOfDomain, unknownShare)) },
        slots: {},
        alternatives: shown,
        reason: { how: foreign ? 'out of domain' : 'below threshold' },
      };
    }
    const slots = fillSlots(sentence, intentsByName.get(first.name), nearest?.alignment.slots ?? {}, readers, reference);
    const how = !nearest || nearest.alignment.score < first.score - 0.1 ? 'by its words' : nearest.alignment.inOrder ? 'in order' : 'any order';
    return {
      intent: { name: first.name, confidence: round(first.score) },
      slots: toSlots(slots),
      alternatives,
      reason: { ...(nearest ? { sample: nearest.template.sample } : {}), how },
    };
  };
}
