/**
 * How each slot type recognises its values in a span of a sentence. Types with values resolve
 * to ids as Alexa's entity resolution does; free-form types judge a span by the shape of their
 * examples; the neutral built-ins read numbers and dates.
 */
import { normalisePostcode, POSTCODE_FILLER } from '../../core/postcode';
import type { SlotType } from '../../language-model/language-model';
import { findDates, type DateReference } from './dates';
import { FILLER_WORDS } from './fillers';
import { createValueGuesser, type ValueGuesser } from './guess-value';
import { STREET_ENDINGS } from './spot-street';
import { isNumberWord, readNumber } from './numbers';
import { spanCertainty, spanStems, spanWords, type Sentence, type SlotReading } from './sentence';
import { sourceText, stem, tokenise } from './text';

export interface SlotReader {
  type: string;
  /** What a filled slot of this type looks like: resolved values, a postcode, a number, a date or any words. */
  kind: 'values' | 'postcode' | 'number' | 'date' | 'words';
  /** The longest span worth trying. */
  maxTokens: number;
  /** How much a filled slot of this type weighs against the sample's words. */
  weight: number;
  /** Free-form: any words can fill it, so it never counts as strongly as a resolved value. */
  freeForm: boolean;
  read(sentence: Sentence, from: number, to: number): SlotReading | undefined;
  /** Types with values: a value named by its own words scattered through the sentence (guess-value.ts). */
  guess?: ValueGuesser;
  /** Free-form types whose examples are mostly street names: spotted by a street's shape (spot-street.ts). */
  streets?: boolean;
  /** False when no value can start at word `i`: spotting skips the spans there without reading each. */
  opens?(sentence: Sentence, i: number): boolean;
}

const ARTICLES = new Set(['the', 'a', 'an', 'my', 'our', 'your', 'that', 'this']);

/** Values and synonyms keyed by their words, then by their stems. */
function createValueReader(type: SlotType): SlotReader {
  const byWords = new Map<string, { id: string; name: string }>();
  const byStems = new Map<string, { id: string; name: string }>();
  // First words and stems of every phrase: most spans start elsewhere and are dismissed at once.
  const openers = new Set<string>();
  let maxTokens = 1;
  for (const value of type.values ?? []) {
    for (const phrase of [value.name, value.id.replace(/_/g, ' '), ...value.synonyms]) {
      const words = tokenise(phrase).tokens.map((t) => t.word);
      if (words.length === 0) continue;
      maxTokens = Math.max(maxTokens, words.length + 1);
      const entry = { id: value.id, name: value.name };
      if (!byWords.has(words.join(' '))) byWords.set(words.join(' '), entry);
      const stems = words.map(stem).join(' ');
      if (!byStems.has(stems)) byStems.set(stems, entry);
      openers.add(words[0] ?? '');
      openers.add(stem(words[0] ?? ''));
    }
  }
  function lookup(words: string[], stems: string[]): { id: string; name: string; quality: number } | undefined {
    const exact = byWords.get(words.join(' '));
    if (exact) return { ...exact, quality: 1 };
    const near = byStems.get(stems.join(' '));
    return near && { ...near, quality: 0.9 };
  }
  const opensAt = (sentence: Sentence, i: number) => openers.has(sentence.words[i] ?? '') || openers.has(sentence.stems[i] ?? '');
  return {
    type: type.name,
    kind: 'values',
    guess: createValueGuesser(type),
    maxTokens,
    weight: 1.5,
    freeForm: false,
    opens: (sentence, i) => opensAt(sentence, i) || (ARTICLES.has(sentence.words[i] ?? '') && opensAt(sentence, i + 1)),
    read(sentence, from, to) {
      if (!opensAt(sentence, from) && !(ARTICLES.has(sentence.words[from] ?? '') && from + 1 < to && opensAt(sentence, from + 1))) return undefined;
      const words = spanWords(sentence, from, to);
      const stems = spanStems(sentence, from, to);
      let found = lookup(words, stems);
      // "the recycling", "my green bin": an article before a value is still the value.
      if (!found && words.length > 1 && ARTICLES.has(words[0] ?? '')) {
        const rest = lookup(words.slice(1), stems.slice(1));
        if (rest) found = { ...rest, quality: rest.quality * 0.95 };
      }
      if (!found) return undefined;
      return { quality: found.quality * spanCertainty(sentence, from, to), value: sourceText(sentence.text, from, to), id: found.id, name: found.name };
    },
  };
}

type Shape = 'number' | 'mixed' | 'words';

function shapeOf(words: string[]): Shape {
  if (readNumber(words) !== undefined) return 'number';
  return words.some((w) => /\d/.test(w)) ? 'mixed' : 'words';
}

/** True when a free-form span starts or ends with a word no value would start or end with. */
function hasLooseEnds(sentence: Sentence, from: number, to: number): boolean {
  const first = sentence.words[from] ?? '';
  const last = sentence.words[to - 1] ?? '';
  return sentence.filler[from] === true || sentence.filler[to - 1] === true
    || FILLER_WORDS.has(first) || FILLER_WORDS.has(last) || ['and', 'is', 'of', 'to'].includes(last);
}

/** A free-form type: a span is likelier a value when it has the shape most examples have. */
function createExampleReader(type: SlotType): SlotReader {
  const examples = (type.examples ?? []).map((e) => tokenise(e).tokens.map((t) => t.word));
  const known = new Set(examples.map((e) => e.join(' ')));
  const shares: Record<Shape, number> = { number: 0, mixed: 0, words: 0 };
  for (const example of examples) shares[shapeOf(example)] += 1 / Math.max(1, examples.length);
  const maxTokens = Math.max(3, ...examples.map((e) => e.length)) + 3;
  return {
    type: type.name,
    // Mostly numbers (references, house numbers): spotted as a number anywhere in a sentence.
    kind: shares.number >= 0.4 ? 'number' : 'words',
    streets: examples.filter((e) => STREET_ENDINGS.has(e[e.length - 1] ?? '')).length >= examples.length / 3,
    maxTokens,
    weight: 1,
    freeForm: true,
    read(sentence, from, to) {
      if (hasLooseEnds(sentence, from, to)) return undefined;
      const words = spanWords(sentence, from, to);
      const shape = shapeOf(words);
      const quality = known.has(words.join(' ')) ? 0.95 : 0.3 + 0.6 * shares[shape];
      // Number words as digits ("case three three nine one" is case 3391), as a platform gives them.
      const value = shape === 'number' ? readNumber(words) ?? '' : sourceText(sentence.text, from, to);
      return { quality, value };
    },
  };
}

/** Words a postcode span may not start or end on: those said around a postcode, and others that sit beside one in a sentence. */
const NOT_POSTCODE = new Set([...POSTCODE_FILLER, 'our', 'so', 'ok', 'think', 'i', 'at', 'in', 'we', 'are', 'am']);

/** A free-form type whose examples are all UK postcodes: only a whole valid postcode fits. */
function createPostcodeReader(type: SlotType): SlotReader {
  return {
    type: type.name,
    kind: 'postcode',
    maxTokens: 10,
    weight: 1.5,
    freeForm: false,
    read(sentence, from, to) {
      // Words the postcode normaliser would skip are not part of what was heard as the postcode
      // ("and the postcode's t a nine one e z" is "t a nine one e z").
      if (hasLooseEnds(sentence, from, to) || NOT_POSTCODE.has(sentence.words[from] ?? '') || NOT_POSTCODE.has(sentence.words[to - 1] ?? '')) return undefined;
      // Cheap checks first: a postcode has a digit, and no long ordinary words.
      let digit = false;
      for (let i = from; i < to; i++) {
        const word = sentence.words[i] ?? '';
        if (/\d/.test(word) || isNumberWord(word)) digit = true;
        else if (word.length > 8) return undefined;
      }
      if (!digit) return undefined;
      const value = sourceText(sentence.text, from, to);
      return normalisePostcode(value) ? { quality: 1, value } : undefined;
    },
  };
}

/** True for a free-form type whose examples are all UK postcodes. */
function isPostcodeType(type: SlotType): boolean {
  const examples = type.examples ?? [];
  return examples.length > 0 && examples.every((e) => normalisePostcode(e) !== undefined);
}

const numberReader: SlotReader = {
  type: 'NUMBER',
  kind: 'number',
  maxTokens: 6,
  weight: 1.2,
  freeForm: false,
  read(sentence, from, to) {
    const value = readNumber(spanWords(sentence, from, to));
    return value === undefined ? undefined : { quality: 1, value };
  },
};

function createDateReader(reference: DateReference): SlotReader {
  return {
    type: 'DATE',
    kind: 'date',
    maxTokens: 6,
    weight: 1.2,
    freeForm: false,
    read(sentence, from, to) {
      const span = findDates(sentence, reference).find((d) => d.from === from && d.to === to);
      return span && { quality: 1, value: span.value };
    },
  };
}

const freeTextReader: SlotReader = {
  type: 'FREE_TEXT',
  kind: 'words',
  maxTokens: 30,
  weight: 0.8,
  freeForm: true,
  read(sentence, from, to) {
    if (hasLooseEnds(sentence, from, to)) return undefined;
    return { quality: 0.45, value: sourceText(sentence.text, from, to) };
  },
};

/** A reader for every slot type the model uses, by type name. */
export function createSlotReaders(types: Record<string, SlotType>, reference: DateReference): Map<string, SlotReader> {
  const readers = new Map<string, SlotReader>([
    ['NUMBER', numberReader],
    ['DATE', createDateReader(reference)],
    ['FREE_TEXT', freeTextReader],
  ]);
  for (const type of Object.values(types)) {
    if (type.values && type.values.length > 0) readers.set(type.name, createValueReader(type));
    else if (isPostcodeType(type)) readers.set(type.name, createPostcodeReader(type));
    else readers.set(type.name, createExampleReader(type));
  }
  return readers;
}
