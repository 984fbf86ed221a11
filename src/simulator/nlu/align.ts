/**
 * Laying a sentence against a template. In order: a dynamic-programming alignment where words
 * match words, slot gaps take spans their type recognises, and anything may be skipped at the
 * cost of its weight. In any order: each template word takes its best partner anywhere, for
 * residents who put things the other way round. The score is the share of both sides' weight
 * that was matched (1 for a sample said exactly).
 */
import type { Sentence, SlotReading } from './sentence';
import type { Template, TemplateItem } from './templates';

export interface Alignment {
  score: number;
  slots: Record<string, SlotReading>;
  inOrder: boolean;
}

/** Word order matters a little: a sentence said the other way round scores this share. */
export const ANY_ORDER_SHARE = 0.88;
const SKIP_INPUT = -1;
const SKIP_ITEM = -2;
const MATCH_WORD = -3;
/** The share of a free-form span's words that its slot explains. */
export const FREE_FORM_COVER = 0.5;
/** A match that misses a word like "not" or "stop" keeps this share of its score. */
const POLARITY_PENALTY = 0.85;

/** How well token `i` is the template word: 1 same word, less for the same stem or a mended slip. */
function wordQuality(sentence: Sentence, i: number, item: Extract<TemplateItem, { kind: 'word' }>): number {
  const certainty = sentence.certainty[i] ?? 1;
  if (item.wordId >= 0 && sentence.wordIds[i] === item.wordId) return certainty;
  if (item.stemId >= 0 && sentence.stemIds[i] === item.stemId) return 0.9 * certainty;
  return 0;
}

/** The reading of a span for a slot item, cached on the sentence. */
export function readSlot(sentence: Sentence, item: Extract<TemplateItem, { kind: 'slot' }>, from: number, to: number): SlotReading | undefined {
  const key = (item.readerIndex * 256 + from) * 256 + to;
  const cached = sentence.readings.get(key);
  if (cached !== undefined) return cached ?? undefined;
  const reading = item.reader.read(sentence, from, to);
  sentence.readings.set(key, reading ?? null);
  return reading;
}

/**
 * A free-form slot takes any words, so it must hang on its carrier phrase as Alexa requires:
 * the template word just before it matched the word just before the span (or it opens both).
 */
function isAnchored(sentence: Sentence, start: number, item: number, width: number): boolean {
  if (item === 0) {
    for (let t = 0; t < start; t++) if (!sentence.filler[t]) return false;
    return true;
  }
  return start > 0 && steps[start * width + item] === MATCH_WORD;
}

function spanWeight(sentence: Sentence, from: number, to: number): number {
  return (sentence.prefixWeights[to] ?? 0) - (sentence.prefixWeights[from] ?? 0);
}

/** Buffers reused across calls: alignment runs hundreds of times per sentence. */
let table = new Float64Array(0);
let steps = new Int32Array(0);

export function alignInOrder(sentence: Sentence, template: Template): Alignment {
  const n = sentence.words.length;
  const items = template.items;
  const m = items.length;
  const width = m + 1;
  if (table.length < (n + 1) * width) {
    table = new Float64Array((n + 1) * width * 2);
    steps = new Int32Array((n + 1) * width * 2);
  }
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      const at = i * width + j;
      if (i === 0 && j === 0) {
        table[at] = 0;
        continue;
      }
      let best = -1;
      let step = 0;
      if (i > 0 && (table[at - width] ?? 0) > best) { best = table[at - width] ?? 0; step = SKIP_INPUT; }
      if (j > 0 && (table[at - 1] ?? 0) > best) { best = table[at - 1] ?? 0; step = SKIP_ITEM; }
      const item = items[j - 1];
      if (i > 0 && item) {
        if (item.kind === 'word') {
          const q = wordQuality(sentence, i - 1, item);
          const gain = q * ((sentence.weights[i - 1] ?? 0) + item.weight);
          if (q > 0 && (table[at - width - 1] ?? 0) + gain > best) { best = (table[at - width - 1] ?? 0) + gain; step = MATCH_WORD; }
        } else {
          const longest = Math.min(i, item.reader.maxTokens);
          const freeForm = item.reader.freeForm;
          for (let k = 1; k <= longest; k++) {
            if (freeForm && !isAnchored(sentence, i - k, j - 1, width)) continue;
            const reading = readSlot(sentence, item, i - k, i);
            if (!reading) continue;
            // Free-form words are only partly explained by the slot: they still count against the match.
            const cover = freeForm ? FREE_FORM_COVER : 1;
            const gain = reading.quality * (item.weight + cover * spanWeight(sentence, i - k, i));
            const value = (table[(i - k) * width + j - 1] ?? 0) + gain;
            if (value > best) { best = value; step = k; }
          }
        }
      }
      table[at] = best;
      steps[at] = step;
    }
  }
  const slots: Record<string, SlotReading> = {};
  const explained = new Array<boolean>(n).fill(false);
  let polarMissed = 0;
  for (let i = n, j = m; i > 0 || j > 0;) {
    const step = steps[i * width + j] ?? SKIP_INPUT;
    if (step === SKIP_INPUT) i--;
    else if (step === SKIP_ITEM) {
      const item = items[j - 1];
      if (item?.kind === 'word' && item.polar) polarMissed++;
      j--;
    } else if (step === MATCH_WORD) {
      explained[i - 1] = true;
      i--;
      j--;
    } else {
      const item = items[j - 1];
      if (item?.kind === 'slot') {
        const reading = readSlot(sentence, item, i - step, i);
        if (reading) slots[item.slot] = reading;
      }
      explained.fill(true, i - step, i);
      i -= step;
      j--;
    }
  }
  const total = sentence.totalWeight + template.totalWeight;
  const score = total > 0 ? (table[n * width + m] ?? 0) / total : 0;
  return { score: score * polarityFactor(sentence, explained, polarMissed), slots, inOrder: true };
}

/** Less for a match that leaves out a word turning the request round, on either side. */
function polarityFactor(sentence: Sentence, explained: boolean[], polarMissed: number): number {
  const unexplained = sentence.polar.some((polar, i) => polar && !explained[i]);
  return polarMissed > 0 || unexplained ? POLARITY_PENALTY : 1;
}

export function alignAnyOrder(sentence: Sentence, template: Template): Alignment {
  const n = sentence.words.length;
  const used = new Array<boolean>(n).fill(false);
  const slots: Record<string, SlotReading> = {};
  let matched = 0;
  let polarMissed = 0;
  for (const item of template.items) {
    let best = 0;
    let from = -1;
    let to = -1;
    let reading: SlotReading | undefined;
    if (item.kind === 'word') {
      for (let i = 0; i < n; i++) {
        if (used[i]) continue;
        const gain = wordQuality(sentence, i, item) * ((sentence.weights[i] ?? 0) + item.weight);
        if (gain > best) { best = gain; from = i; to = i + 1; }
      }
    } else if (!item.reader.freeForm) {
      for (let i = 0; i < n; i++) {
        for (let k = 1; k <= item.reader.maxTokens && i + k <= n && !used[i + k - 1]; k++) {
          if (used[i]) break;
          const r = readSlot(sentence, item, i, i + k);
          const gain = r ? r.quality * (item.weight + spanWeight(sentence, i, i + k)) : 0;
          if (gain > best) { best = gain; from = i; to = i + k; reading = r; }
        }
      }
    }
    if (from < 0) {
      if (item.kind === 'word' && item.polar) polarMissed++;
      continue;
    }
    for (let i = from; i < to; i++) used[i] = true;
    matched += best;
    if (item.kind === 'slot' && reading) slots[item.slot] = reading;
  }
  const total = sentence.totalWeight + template.totalWeight;
  const score = total > 0 ? (ANY_ORDER_SHARE * matched) / total : 0;
  return { score: score * polarityFactor(sentence, used, polarMissed), slots, inOrder: false };
}
