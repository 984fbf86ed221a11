/**
 * The most a template could score against a sentence, found without aligning it. Most samples
 * share no telling word with a sentence; this rules them out cheaply, so the NLU stays well
 * under a millisecond a sentence with hundreds of samples.
 */
import { FREE_FORM_COVER, readSlot } from './align';
import type { Sentence } from './sentence';
import type { Template, TemplateItem } from './templates';

/** Weight of the tokens a slot type could take, cached per sentence and type. */
function slotReach(sentence: Sentence, item: Extract<TemplateItem, { kind: 'slot' }>): number {
  const cached = sentence.reach[item.readerIndex];
  if (cached !== undefined) return cached;
  let reach: number;
  if (item.reader.freeForm) {
    reach = FREE_FORM_COVER * sentence.totalWeight;
  } else {
    const n = sentence.words.length;
    const covered = new Array<boolean>(n).fill(false);
    for (let from = 0; from < n; from++) {
      for (let to = from + 1; to <= Math.min(n, from + item.reader.maxTokens); to++) {
        if (readSlot(sentence, item, from, to)) covered.fill(true, from, to);
      }
    }
    reach = covered.reduce((sum, c, i) => sum + (c ? sentence.weights[i] ?? 0 : 0), 0);
  }
  sentence.reach[item.readerIndex] = reach;
  return reach;
}

/**
 * The sentence's weight per stem id, for upperBound: `weights[id]` is the weight of the sentence's
 * tokens with that stem (0 for stems it lacks). Made once per sentence.
 */
export function stemWeights(sentence: Sentence, stemCount: number): Float64Array {
  const weights = new Float64Array(stemCount);
  for (let i = 0; i < sentence.words.length; i++) {
    const id = sentence.stemIds[i] ?? -1;
    if (id >= 0) weights[id] = (weights[id] ?? 0) + (sentence.weights[i] ?? 0);
  }
  return weights;
}

/** `present[id]` is 1 for a stem the sentence has; `weights` from stemWeights. */
export function upperBound(sentence: Sentence, present: Uint8Array, weights: Float64Array, template: Template): number {
  let matched = 0;
  let reach = 0;
  const items = template.items;
  for (let j = 0; j < items.length; j++) {
    const item = items[j];
    if (!item) continue;
    if (item.kind === 'slot') {
      // A free-form slot needs its carrier word (see isAnchored in align.ts); without it, nothing fills it.
      const before = items[j - 1];
      if (item.reader.freeForm && before?.kind === 'word' && !(before.stemId >= 0 && present[before.stemId] === 1)) continue;
      const could = slotReach(sentence, item);
      if (could === 0) continue;
      matched += item.weight;
      reach += could;
    } else if (item.stemId >= 0 && present[item.stemId] === 1) {
      matched += item.weight;
    }
  }
  let inputMatched = 0;
  const stems = template.distinctStems;
  for (let k = 0; k < stems.length; k++) inputMatched += weights[stems[k] ?? 0] ?? 0;
  const total = sentence.totalWeight + template.totalWeight;
  return total > 0 ? Math.min(1, (matched + Math.min(sentence.totalWeight, inputMatched + reach)) / total) : 0;
}
