/**
 * Which words make a sentence about the council. "Open the blinds" shares "open" with "open my
 * council tax bill" and "when is christmas day" shares "when is ... day" with bin days, but
 * neither says anything a council does. A sentence is about the council when it has a key word of
 * some intent (a word a fair share of its samples use and everyday requests, the model's
 * out-of-domain examples, use far less: "bin", "band", "report", "postcode"), a word of a slot
 * value ("wheelie", "pothole") or a postcode.
 */
import { BUILT_IN_INTENTS } from '../../core/intents';
import type { LanguageModel } from '../../language-model/language-model';
import { FILLER_WORDS } from './fillers';
import { GENERAL_STEMS } from './general-words';
import type { Sentence } from './sentence';
import type { SlotReader } from './slot-types';
import { spotValue } from './spot';
import { stem, tokenise } from './text';

/** A word is a key word of an intent when at least this share of its samples use it. */
const KEY_SHARE = 0.015;
/** ...and everyday requests use it at most this share as often. */
const EVERYDAY_RATIO = 1 / 3;
/** A value's word is a council word unless more than this share of everyday requests use it ("blue": "why is the sky blue"). */
const EVERYDAY_VALUE_SHARE = 0.01;

function stemsOf(text: string): Set<string> {
  return new Set(tokenise(text.replace(/\{\w+\}/g, ' ')).tokens.map((t) => t.stem));
}

/** The stems that make a sentence about the council, from the model's samples, values and out-of-domain examples. */
export function findCouncilStems(model: LanguageModel): Set<string> {
  const general = new Set([...GENERAL_STEMS, ...[...FILLER_WORDS].map(stem)]);
  const everyday = new Map<string, number>();
  const examples = model.outOfDomain ?? [];
  for (const example of examples) for (const s of stemsOf(example)) everyday.set(s, (everyday.get(s) ?? 0) + 1);
  const everydayShare = (s: string) => (everyday.get(s) ?? 0) / Math.max(1, examples.length);
  const council = new Set<string>();
  for (const intent of model.intents) {
    if (BUILT_IN_INTENTS.includes(intent.name) || intent.samples.length === 0) continue;
    const uses = new Map<string, number>();
    for (const sample of intent.samples) for (const s of stemsOf(sample)) uses.set(s, (uses.get(s) ?? 0) + 1);
    for (const [s, count] of uses) {
      const share = count / intent.samples.length;
      if (share >= KEY_SHARE && everydayShare(s) <= share * EVERYDAY_RATIO) council.add(s);
    }
  }
  for (const type of Object.values(model.types)) {
    for (const value of type.values ?? []) {
      for (const phrase of [value.name, ...value.synonyms]) {
        for (const token of tokenise(phrase).tokens) if (token.word.length >= 4 && everydayShare(token.stem) <= EVERYDAY_VALUE_SHARE) council.add(token.stem);
      }
    }
  }
  for (const s of general) council.delete(s);
  return council;
}

/** A mended word this short may be another word altogether ("good" is not a slip for "food"). */
const SURE_MEND_LENGTH = 6;

/** True when some word of the sentence, as typed or surely mended, is a council word, or it holds a postcode. */
export function mentionsCouncil(sentence: Sentence, councilStems: Set<string>, postcodeReaders: SlotReader[]): boolean {
  for (let i = 0; i < sentence.words.length; i++) {
    if (sentence.folded[i] || sentence.filler[i]) continue;
    const word = sentence.words[i] ?? '';
    if ((sentence.certainty[i] ?? 1) < 1 && word.length < SURE_MEND_LENGTH) continue;
    if (councilStems.has(sentence.stems[i] ?? '')) return true;
  }
  return postcodeReaders.some((reader) => spotValue(sentence, reader) !== undefined);
}
