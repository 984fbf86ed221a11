/**
 * The nearest sample of each intent to a sentence: every template's upper bound first (cheap),
 * then alignments for the most promising few, best first. The aligner finds the nearest samples;
 * the classifier generalises (decide-intent.ts weighs the two).
 */
import { ANY_ORDER_SHARE, alignAnyOrder, alignInOrder, type Alignment } from './align';
import type { Sentence } from './sentence';
import type { CompiledModel, Template } from './templates';
import { stemWeights, upperBound } from './upper-bound';

/** Templates that cannot reach this are not worth aligning, even as alternatives. */
const WORTH_ALIGNING = 0.2;
/** Alignments tried for one sentence, in all and for one intent (the speed limit: see bench/nlu.ts). */
const MAX_ALIGNED = 48;
const MAX_ALIGNED_PER_INTENT = 8;
/** The answer and three alternatives. */
const SHOWN_INTENTS = 4;

/** Each intent's best-aligned sample. */
export type NearestSamples = Map<string, { alignment: Alignment; template: Template }>;

/** Finds each promising intent's nearest sample to the sentence. */
export function findNearestSamples(sentence: Sentence, compiled: CompiledModel): NearestSamples {
  const bestByIntent = new Map<string, { alignment: Alignment; template: Template }>();
  const present = new Uint8Array(compiled.lexicon.stemCount);
  for (const id of sentence.stemIds) if (id >= 0) present[id] = 1;
  const weights = stemWeights(sentence, compiled.lexicon.stemCount);
  // Most promising first, so weaker templates can be skipped once an intent has a good match.
  const templates = compiled.templates;
  const bounds = new Float64Array(templates.length);
  const candidates: number[] = [];
  // Only templates sharing a word with the sentence, or with a slot it might fill, can score at all.
  const seen = new Uint8Array(templates.length);
  const consider = (t: number) => {
    if (seen[t] === 1) return;
    seen[t] = 1;
    const template = templates[t];
    bounds[t] = template ? upperBound(sentence, present, weights, template) : 0;
    if ((bounds[t] ?? 0) >= WORTH_ALIGNING) candidates.push(t);
  };
  for (const id of sentence.stemIds) if (id >= 0) for (const t of compiled.templatesByStem[id] ?? []) consider(t);
  for (const t of compiled.templatesWithSlots) consider(t);
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
  return bestByIntent;
}
