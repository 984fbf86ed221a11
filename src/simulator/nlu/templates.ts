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
  /** Which stems (by id) the template's words have, to rule templates out before aligning them. */
  stemMask: Uint8Array;
  /** The same stems as a list, each once (upper-bound.ts walks this rather than the mask). */
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

const SLOT_MARK = /^qqslot(\d+)qq$/;


/** The sample's words, with each `{slot}` replaced by a marker word that survives tokenising. */
function sampleWords(sample: string): { words: string[]; slots: string[] } {
  const slots = slotsInSample(sample);
  let index = 0;
  const marked = sample.replace(/\{\w+\}/g, () => ` qqslot${index++}qq `);
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
      const stemMask = new Uint8Array(lexicon.stemCount);
      for (const item of items) if (item.kind === 'word' && item.stemId >= 0) stemMask[item.stemId] = 1;
      const distinctStems = Int32Array.from(new Set(items.flatMap((item) => (item.kind === 'word' && item.stemId >= 0 ? [item.stemId] : []))));
      templates.push({ intent: intent.name, sample, items, stemMask, distinctStems, totalWeight: items.reduce((sum, item) => sum + item.weight, 0) });
    }
  }
  const byStem = Array.from({ length: lexicon.stemCount }, () => [] as number[]);
  templates.forEach((template, t) => { for (const id of template.distinctStems) byStem[id]?.push(t); });
  const withSlots = templates.flatMap((template, t) => (template.items.some((item) => item.kind === 'slot') ? [t] : []));
  return { lexicon, templates, readers, templatesByStem: byStem.map((list) => Int32Array.from(list)), templatesWithSlots: Int32Array.from(withSlots) };
}
