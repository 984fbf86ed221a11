/**
 * The simulator's local NLU: understands a typed sentence the way the platforms would, from the
 * same language model they are given. Deterministic: the same sentence, model and date always
 * give the same answer.
 */
import { FALLBACK, NO, YES } from '../../core/intents';
import type { LanguageModel } from '../../language-model/language-model';
import { readBareAnswer } from './bare-answer';
import { trainClassifier, type SlotFeature } from './classifier';
import { findCouncilStems } from './council-words';
import { createDecider } from './decide-intent';
import { findNearestSamples } from './nearest-samples';
import { round, toSlots, type Nlu, type NluOptions, type NluResult } from './nlu-result';
import { readSentence, type Sentence, type SlotReading } from './sentence';
import { createSlotReaders, type SlotReader } from './slot-types';
import { compileModel } from './templates';

export type { Nlu, NluContext, NluOptions, NluResult, NluSlot } from './nlu-result';

export const DEFAULT_THRESHOLD = 0.45;
/** A sentence at least this sure of another intent is not an answer to the question asked. */
const CLEAR_INTENT = 0.8;

/** The classifier feature a slot of each type becomes: its type for values, its shape for the rest. */
function featureOf(readers: Map<string, SlotReader>): (type: string) => SlotFeature {
  return (type) => {
    const reader = readers.get(type);
    if (!reader) return undefined;
    if (reader.kind === 'values') return `{${type}}`;
    return reader.kind === 'words' ? undefined : `{${reader.kind}}`;
  };
}

/** Builds the NLU for a model: slot readers, templates and the classifier, made once. */
export function createNlu(model: LanguageModel, options: NluOptions = {}): Nlu {
  const reference = { now: options.now ?? (() => new Date()), timeZone: options.timeZone ?? 'Europe/London' };
  const readers = createSlotReaders(model.types, reference);
  const compiled = compileModel(model, readers);
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const slotTypes = new Map(model.intents.flatMap((intent) => intent.slots.map((s) => [`${intent.name}.${s.name}`, s.type] as const)));
  const classifier = trainClassifier({
    model,
    outOfDomain: model.outOfDomain ?? [],
    fallbackName: FALLBACK,
    valueReaders: [...readers.values()].filter((r) => r.kind === 'values'),
    postcodeReaders: [...readers.values()].filter((r) => r.kind === 'postcode'),
    dates: reference,
    featureOfType: featureOf(readers),
    streets: [...readers.values()].some((r) => r.streets === true),
    read: (text) => readSentence(text, compiled.lexicon),
  });
  const decide = createDecider({ model, classifier, councilStems: findCouncilStems(model), readers, reference, threshold });
  const classify = (sentence: Sentence): NluResult => decide(sentence, findNearestSamples(sentence, compiled));

  /** The sentence read as a bare answer to the slot asked for ("12", "the green one", "it's 12"). */
  function readAnswer(sentence: Sentence, intent: string, slot: string): SlotReading | undefined {
    const reader = readers.get(slotTypes.get(`${intent}.${slot}`) ?? '');
    return reader && readBareAnswer(sentence, reader);
  }
  /** One-word yes and no samples ("no", "nope", "yeah"), which open a sentence without deciding it. */
  const answerWords = new Set(model.intents.filter((i) => i.name === YES || i.name === NO)
    .flatMap((i) => i.samples).filter((sample) => /^[a-z]+$/i.test(sample)).map((sample) => sample.toLowerCase()));

  /**
   * "No, that's all thanks" or "yes, when is my bin day": a yes or no followed by words that are
   * clearly another intent said in full means that intent, as a person hearing it would take it.
   */
  function leadingAnswer(text: string): NluResult | undefined {
    const opening = /^\s*([a-z]+)\b[\s,.!]*(.*)$/is.exec(text);
    const rest = opening?.[2]?.trim();
    if (!opening || !rest || !answerWords.has((opening[1] ?? '').toLowerCase())) return undefined;
    const result = classify(readSentence(rest, compiled.lexicon));
    const clear = result.intent.name !== FALLBACK && result.intent.name !== YES && result.intent.name !== NO
      && result.reason.how === 'in order' && result.intent.confidence >= CLEAR_INTENT;
    return clear ? result : undefined;
  }

  return {
    model,
    resolveSlot(intent, slot, words) {
      const reading = readAnswer(readSentence(words, compiled.lexicon), intent, slot);
      return reading ? toSlots({ [slot]: reading })[slot] ?? { value: words } : { value: words };
    },
    understand(text, context = {}) {
      const sentence = readSentence(text, compiled.lexicon);
      const whole = classify(sentence);
      const result = whole.reason.how === 'in order' && whole.intent.confidence >= 0.999 ? whole : leadingAnswer(text) ?? whole;
      const awaiting = context.awaiting;
      if (!awaiting) return result;
      // The awaited intent without the awaited slot ("a deep hole by the bus stop" read as a report
      // with only a location) has not answered the question: the bare answer is tried as well.
      if (result.intent.name === awaiting.intent && Object.hasOwn(result.slots, awaiting.slot)) return result;
      const answer = readAnswer(sentence, awaiting.intent, awaiting.slot);
      // A free-text slot takes whatever the resident says when it was asked for, as Alexa's
      // dialog does for an elicited slot; only a clear other intent ("stop") wins over it.
      const floor = slotTypes.get(`${awaiting.intent}.${awaiting.slot}`) === 'FREE_TEXT' ? 0 : threshold;
      if (!answer || answer.quality < floor) return result;
      const clearlyElse = result.intent.name !== FALLBACK && result.intent.confidence >= CLEAR_INTENT && result.intent.confidence > answer.quality;
      if (clearlyElse) return result;
      return {
        intent: { name: awaiting.intent, confidence: round(answer.quality) },
        slots: toSlots({ [awaiting.slot]: answer }),
        alternatives: [result.intent, ...result.alternatives].filter((a) => a.name !== FALLBACK && a.name !== awaiting.intent).slice(0, 3),
        reason: { how: 'answer to a question' },
      };
    },
  };
}
