/**
 * Sample utterances compiled once into templates: runs of weighted words and slot gaps, ready to
 * be laid against any sentence.
 */
import { slotsInSample, type LanguageModel } from '../../language-model/language-model';
import { Lexicon, POLARITY_WORDS } from './lexicon';
import type { SlotReader } from './slot-types';
import { STREET_ENDINGS } from './spot-street';
import { stem, tokenise } from './text';

export type TemplateItem =
  | { kind: 'word'; word: string; wordId: number; stemId: number; weight: number; polar: boolean }
  | { kind: 'slot'; slot: string; reader: SlotReader; readerIndex: number; weight: number };

export interface Template {
  intent: string;
  sample: string;
  items: TemplateItem[];
  totalWeight: number;
  /** Which stems (by id) the template's words have, each once, to rule templates out before aligning them (upper-bound.ts). */
  distinctStems: Int32Array;
}

export interface CompiledModel {
  lexicon: Lexicon;
  templates: Template[];
  readers: SlotReader[];
  /** Templates by the stems of their words (indexes into `templates`), and those with slots: a template in neither for a sentence cannot score. */
  templatesByStem: Int32Array[];
  templatesWithSlots: Int32Array;
}

/** A word markSlots put where the sample's n-th `{slot}` was; the number is n. */
export const SLOT_MARK = /^qqslot(\d+)qq$/;

/** The sample with each `{slot}` replaced by a marker word that survives tokenising (its digits keep the mender off it), and the slots in order. */
export function markSlots(sample: string): { marked: string; slots: string[] } {
  let index = 0;
  return { marked: sample.replace(/\{\w+\}/g, () => ` qqslot${index++}qq `), slots: slotsInSample(sample) };
}

/** The sample's words, each `{slot}` a marker word (markSlots). */
function sampleWords(sample: string): { words: string[]; slots: string[] } {
  const { marked, slots } = markSlots(sample);
  return { words: tokenise(marked).tokens.map((t) => t.word), slots };
}

export function compileModel(model: LanguageModel, readersByType: Map<string, SlotReader>): CompiledModel {
  const wordsByIntent = new Map<string, Set<string>>();
  for (const intent of model.intents) {
    if (intent.samples.length === 0) continue;
    const words = new Set<string>();
    for (const sample of intent.samples) {
      for (const word of sampleWords(sample).words) if (!SLOT_MARK.test(word)) words.add(word);
    }
    wordsByIntent.set(intent.name, words);
  }
  const valueWords = Object.values(model.types).flatMap((type) =>
    (type.values ?? []).flatMap((v) => [v.name, ...v.synonyms]).flatMap((phrase) => tokenise(phrase).tokens.map((t) => t.word)));
  // Street endings are words too: "grove" is a street, not a slip for "drove".
  const lexicon = new Lexicon(wordsByIntent, [...valueWords, ...STREET_ENDINGS]);

  const readers = [...readersByType.values()];
  const templates: Template[] = [];
  for (const intent of model.intents) {
    for (const sample of intent.samples) {
      const { words, slots } = sampleWords(sample);
      const items: TemplateItem[] = words.map((word): TemplateItem => {
        const mark = SLOT_MARK.exec(word);
        if (!mark) {
          return { kind: 'word', word, wordId: lexicon.wordId(word), stemId: lexicon.stemId(stem(word)), weight: lexicon.weight(word), polar: POLARITY_WORDS.has(word) };
        }
        const slot = slots[Number(mark[1])] ?? '';
        const type = intent.slots.find((s) => s.name === slot)?.type ?? 'FREE_TEXT';
        const reader = readersByType.get(type) ?? readersByType.get('FREE_TEXT');
        if (!reader) throw new Error(`no reader for slot type ${type}`);
        return { kind: 'slot', slot, reader, readerIndex: readers.indexOf(reader), weight: reader.weight };
      });
      const distinctStems = Int32Array.from(new Set(items.flatMap((item) => (item.kind === 'word' && item.stemId >= 0 ? [item.stemId] : []))));
      templates.push({ intent: intent.name, sample, items, distinctStems, totalWeight: items.reduce((sum, item) => sum + item.weight, 0) });
    }
  }
  const byStem = Array.from({ length: lexicon.stemCount }, () => [] as number[]);
  templates.forEach((template, t) => { for (const id of template.distinctStems) byStem[id]?.push(t); });
  const withSlots = templates.flatMap((template, t) => (template.items.some((item) => item.kind === 'slot') ? [t] : []));
  return { lexicon, templates, readers, templatesByStem: byStem.map((list) => Int32Array.from(list)), templatesWithSlots: Int32Array.from(withSlots) };
}
