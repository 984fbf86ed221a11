/**
 * The simulator's local NLU: understands a typed sentence the way the platforms would, from the
 * same language model they are given. Deterministic: the same sentence, model and date always
 * give the same answer.
 */
import { BUILT_IN_INTENTS, FALLBACK, NO, YES } from '../../core/intents';
import type { LanguageModel } from '../../language-model/language-model';
import { ANY_ORDER_SHARE, alignAnyOrder, alignInOrder, type Alignment } from './align';
import { trainClassifier, type SlotFeature } from './classifier';
import { findCouncilStems, mentionsCouncil } from './council-words';
import { fillSlots } from './fill-slots';
import { isNumberWord } from './numbers';
import { readSentence, type Sentence, type SlotReading } from './sentence';
import { createSlotReaders, type SlotReader } from './slot-types';
import { compileModel, type Template } from './templates';
import { upperBound } from './upper-bound';

/** The intent for words that match nothing: the core's own fallback. */
export const FALLBACK_INTENT = FALLBACK;

/** A slot as understood: the words heard, and the id and name they resolved to (custom types). */
export interface NluSlot {
  value: string;
  id?: string;
  name?: string;
}

export interface NluResult {
  /** Confidence is 0–1: the share of the sentence and the best sample that matched. */
  intent: { name: string; confidence: number };
  /** Only the slots that were filled. */
  slots: Record<string, NluSlot>;
  /** The next-best intents, for staff to see what was nearly understood. */
  alternatives: { name: string; confidence: number }[];
  /** Why: the sample that matched best, and how. */
  reason: { sample?: string; how: 'in order' | 'any order' | 'by its words' | 'answer to a question' | 'below threshold' | 'out of domain' };
}

export interface NluOptions {
  /** Clock for relative dates ("tomorrow"); the system clock by default. */
  now?: () => Date;
  /** The council's zone, for what "tomorrow" means. */
  timeZone?: string;
  /** Below this confidence a sentence is the fallback intent. */
  threshold?: number;
}

/** What the conversation so far says about the next sentence. */
export interface NluContext {
  /** The skill asked for this slot of this intent: a bare answer fills it. */
  awaiting?: { intent: string; slot: string };
}

export interface Nlu {
  understand(text: string, context?: NluContext): NluResult;
  /** Words given for one slot, resolved as that slot's type would (ids for custom values). */
  resolveSlot(intent: string, slot: string, words: string): NluSlot;
  readonly model: LanguageModel;
}

export const DEFAULT_THRESHOLD = 0.45;
/** How much the best sample's alignment counts against the classifier's view of the words. */
const ALIGNMENT_SHARE = 0.5;
/** A sentence this close to a sample is in domain whatever the classifier thinks. */
const NEAR_SAMPLE = 0.7;
/** A sentence with this share of its weight in words the model has never seen is about something else. */
const FOREIGN_SHARE = 0.3;
/** A sentence near a sample may still be about something else when this much of it is new words ("when is christmas day"). */
const NEAR_SAMPLE_FOREIGN = 0.15;
/** A sentence at least this sure of another intent is not an answer to the question asked. */
const CLEAR_INTENT = 0.8;
/** Templates that cannot reach this are not worth aligning, even as alternatives. */
const WORTH_ALIGNING = 0.2;
/** Alignments tried for one sentence, in all and for one intent (the speed limit: see bench/nlu.ts). */
const MAX_ALIGNED = 48;
const MAX_ALIGNED_PER_INTENT = 8;
/** The answer and three alternatives. */
const SHOWN_INTENTS = 4;

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** The classifier feature a slot of each type becomes: its type for values, its shape for the rest. */
function featureOf(readers: Map<string, SlotReader>): (type: string) => SlotFeature {
  return (type) => {
    const reader = readers.get(type);
    if (!reader) return undefined;
    if (reader.kind === 'values') return `{${type}}`;
    return reader.kind === 'words' ? undefined : `{${reader.kind}}`;
  };
}

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

function toSlots(readings: Record<string, SlotReading>): Record<string, NluSlot> {
  const slots: Record<string, NluSlot> = {};
  for (const [name, r] of Object.entries(readings)) slots[name] = r.id ? { value: r.value, id: r.id, name: r.name } : { value: r.value };
  return slots;
}

export function createNlu(model: LanguageModel, options: NluOptions = {}): Nlu {
  const reference = { now: options.now ?? (() => new Date()), timeZone: options.timeZone ?? 'Europe/London' };
  const readers = createSlotReaders(model.types, reference);
  const compiled = compileModel(model, readers);
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const slotTypes = new Map(model.intents.flatMap((intent) => intent.slots.map((s) => [`${intent.name}.${s.name}`, s.type] as const)));
  const councilStems = findCouncilStems(model);
  const postcodeReaders = [...readers.values()].filter((r) => r.kind === 'postcode');
  const intentsByName = new Map(model.intents.map((intent) => [intent.name, intent]));
  const classifier = trainClassifier({
    model,
    outOfDomain: model.outOfDomain ?? [],
    fallbackName: FALLBACK_INTENT,
    valueReaders: [...readers.values()].filter((r) => r.kind === 'values'),
    postcodeReaders: [...readers.values()].filter((r) => r.kind === 'postcode'),
    dates: reference,
    featureOfType: featureOf(readers),
  });

  function classify(sentence: Sentence): NluResult {
    const bestByIntent = new Map<string, { alignment: Alignment; template: Template }>();
    const present = new Uint8Array(compiled.lexicon.stemCount);
    for (const id of sentence.stemIds) if (id >= 0) present[id] = 1;
    // Most promising first, so weaker templates can be skipped once an intent has a good match.
    const templates = compiled.templates;
    const bounds = new Float64Array(templates.length);
    const candidates: number[] = [];
    for (let t = 0; t < templates.length; t++) {
      const template = templates[t];
      bounds[t] = template ? upperBound(sentence, present, template) : 0;
      if ((bounds[t] ?? 0) >= WORTH_ALIGNING) candidates.push(t);
    }
    candidates.sort((a, b) => (bounds[b] ?? 0) - (bounds[a] ?? 0) || a - b);
    // The intents shown are the best and three alternatives: a template that cannot beat the
    // fourth best so far cannot change the answer, nor can any after it in this order.
    let floor = 0;
    // The aligner finds the nearest samples; the classifier generalises. So only the most
    // promising templates are aligned: a few per intent, a few dozen in all.
    const alignedPerIntent = new Map<string, number>();
    let aligned = 0;
    for (const t of candidates) {
      const template = templates[t];
      const bound = bounds[t] ?? 0;
      if (!template || bound <= floor || aligned >= MAX_ALIGNED) break;
      const current = bestByIntent.get(template.intent);
      if (current && bound <= current.alignment.score) continue;
      const tries = alignedPerIntent.get(template.intent) ?? 0;
      if (tries >= MAX_ALIGNED_PER_INTENT) continue;
      alignedPerIntent.set(template.intent, tries + 1);
      aligned++;
      let alignment = alignInOrder(sentence, template);
      if (alignment.score < 0.999 && bound * ANY_ORDER_SHARE > alignment.score) {
        const loose = alignAnyOrder(sentence, template);
        if (loose.score > alignment.score) alignment = loose;
      }
      if (!current || alignment.score > current.alignment.score) {
        bestByIntent.set(template.intent, { alignment, template });
        if (bestByIntent.size >= SHOWN_INTENTS) {
          floor = [...bestByIntent.values()].map((b) => b.alignment.score).sort((a, b) => b - a)[SHOWN_INTENTS - 1] ?? 0;
        }
      }
    }
    return decide(sentence, bestByIntent);
  }

  /**
   * The answer: each intent scored on its best sample's alignment and the classifier's view of
   * the words together; the fallback when the words are the out-of-domain kind, or nothing scores.
   */
  function decide(sentence: Sentence, bestByIntent: Map<string, { alignment: Alignment; template: Template }>): NluResult {
    const { posteriors } = classifier.classify(sentence);
    const unknownShare = foreignShare(sentence);
    const scored = model.intents.filter((intent) => intent.name !== FALLBACK_INTENT && intent.samples.length > 0).map((intent) => {
      const aligned = bestByIntent.get(intent.name)?.alignment.score ?? 0;
      const combined = ALIGNMENT_SHARE * aligned + (1 - ALIGNMENT_SHARE) * (posteriors.get(intent.name) ?? 0);
      // A sample said as written is certain; the classifier can lift an intent, never sink its best sample.
      return { name: intent.name, aligned, score: aligned >= 0.999 ? 1 : Math.max(aligned, combined) };
    }).sort((a, b) => b.score - a.score || b.aligned - a.aligned || a.name.localeCompare(b.name));
    const [first, ...rest] = scored;
    const alternatives = rest.slice(0, 3).filter((r) => r.score > 0.05).map((r) => ({ name: r.name, confidence: round(r.score) }));
    const outOfDomain = posteriors.get(FALLBACK_INTENT) ?? 0;
    const nearest = first && bestByIntent.get(first.name);
    // Words in a free-form slot ("it's on Mill Lane", "the lid is broken") are meant to be new.
    const saysFreely = nearest?.alignment.inOrder === true
      && nearest.template.items.some((item) => item.kind === 'slot' && item.reader.freeForm)
      && nearest.template.items.every((item) => item.kind === 'word' || Object.hasOwn(nearest.alignment.slots, item.slot));
    // A council intent needs a council word: "when is the village fete" shares only "when is" with
    // bin days. Close to a sample in known words ("what goes out next week") is enough without one.
    const near = first !== undefined && first.aligned >= NEAR_SAMPLE && unknownShare <= NEAR_SAMPLE_FOREIGN;
    const offTopic = first !== undefined && !near && !BUILT_IN_INTENTS.includes(first.name) && !mentionsCouncil(sentence, councilStems, postcodeReaders);
    const foreign = first !== undefined && first.aligned < 0.999 && !saysFreely
      && (offTopic || (first.aligned < NEAR_SAMPLE && (outOfDomain > (posteriors.get(first.name) ?? 0) || unknownShare > FOREIGN_SHARE)));
    if (!first || first.score < threshold || foreign) {
      const shown = first ? [{ name: first.name, confidence: round(first.score) }, ...alternatives.slice(0, 2)] : [];
      return {
        intent: { name: FALLBACK_INTENT, confidence: round(first && !foreign ? 1 - first.score : Math.max(outOfDomain, unknownShare)) },
        slots: {},
        alternatives: shown,
        reason: { how: foreign ? 'out of domain' : 'below threshold' },
      };
    }
    const best = bestByIntent.get(first.name);
    const slots = fillSlots(sentence, intentsByName.get(first.name), best?.alignment.slots ?? {}, readers, reference);
    const how = !best || best.alignment.score < first.score - 0.1 ? 'by its words' : best.alignment.inOrder ? 'in order' : 'any order';
    return {
      intent: { name: first.name, confidence: round(first.score) },
      slots: toSlots(slots),
      alternatives,
      reason: { ...(best ? { sample: best.template.sample } : {}), how },
    };
  }

  /** The sentence read as a bare answer to the slot asked for ("12", "the green one", "it's 12"). */
  function readAnswer(sentence: Sentence, intent: string, slot: string): SlotReading | undefined {
    const reader = readers.get(slotTypes.get(`${intent}.${slot}`) ?? '');
    if (!reader) return undefined;
    const n = sentence.words.length;
    let from = 0;
    let to = n;
    while (from < to && sentence.filler[from]) from++;
    while (to > from && sentence.filler[to - 1]) to--;
    let best: SlotReading | undefined;
    // Allow a short lead-in ("it's", "it is", "that's", "I think it's"): each skipped word costs a little.
    for (let start = from; start < Math.min(to, from + 4); start++) {
      const reading = to - start <= reader.maxTokens ? reader.read(sentence, start, to) : undefined;
      const quality = reading ? reading.quality * (1 - 0.05 * (start - from)) : 0;
      if (reading && quality > (best?.quality ?? 0)) best = { ...reading, quality };
    }
    return best;
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
    const clear = result.intent.name !== FALLBACK_INTENT && result.intent.name !== YES && result.intent.name !== NO
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
      const clearlyElse = result.intent.name !== FALLBACK_INTENT && result.intent.confidence >= CLEAR_INTENT && result.intent.confidence > answer.quality;
      if (clearlyElse) return result;
      return {
        intent: { name: awaiting.intent, confidence: round(answer.quality) },
        slots: toSlots({ [awaiting.slot]: answer }),
        alternatives: [result.intent, ...result.alternatives].filter((a) => a.name !== FALLBACK_INTENT && a.name !== awaiting.intent).slice(0, 3),
        reason: { how: 'answer to a question' },
      };
    },
  };
}
