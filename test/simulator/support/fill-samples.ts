/**
 * Sample utterances with their `{slot}` gaps filled in, the way a resident would say them, and
 * what the NLU should make of each slot. Dates are relative to SAMPLE_NOW.
 */
import type { IntentModel, LanguageModel } from '../../../src/language-model/language-model';
import { readNumber } from '../../../src/simulator/nlu/numbers';
import { tokenise } from '../../../src/simulator/nlu/text';

/** Friday 20 November 2026, midday in London. */
export const SAMPLE_NOW = new Date('2026-11-20T12:00:00Z');

export interface FilledSample {
  text: string;
  /** Expected id for types with values, else the expected value. */
  slots: Record<string, { id?: string; value?: string }>;
}

const BUILT_IN_FILLS: Record<string, { say: string; value: string }[]> = {
  NUMBER: [{ say: '12', value: '12' }, { say: 'forty seven', value: '47' }, { say: 'three', value: '3' }],
  DATE: [{ say: 'tomorrow', value: '2026-11-21' }, { say: 'next tuesday', value: '2026-11-24' }, { say: 'today', value: '2026-11-20' }],
  FREE_TEXT: [{ say: 'the lid is broken', value: 'the lid is broken' }, { say: 'a deep hole by the kerb', value: 'a deep hole by the kerb' },
    { say: 'it has been there for weeks', value: 'it has been there for weeks' }],
};

function fillsFor(model: LanguageModel, type: string): { say: string; expected: { id?: string; value?: string } }[] {
  const builtIn = BUILT_IN_FILLS[type];
  if (builtIn) return builtIn.map((f) => ({ say: f.say, expected: { value: f.value } }));
  const custom = model.types[type];
  if (custom?.values) {
    return custom.values.flatMap((v) => [v.name, ...v.synonyms.slice(0, 1)].map((say) => ({ say, expected: { id: v.id } })));
  }
  // A number said in words comes back as digits ("one two three four" is reference 1234).
  return (custom?.examples ?? []).map((say) => ({ say, expected: { value: readNumber(tokenise(say).tokens.map((t) => t.word)) ?? say } }));
}

/** Words a place can start with ("outside my house"): not put after a sample's own "on" or "at". */
const LEADS = /^(outside|opposite|near|by|the corner)\b/;
const PLACE_WORD = /\b(on|at|in|near|by|outside)\s*$/;

/** Up to `variants` fillings of one sample, cycling through each slot's values or examples. */
export function fillSample(model: LanguageModel, intent: IntentModel, sample: string, variants = 3): FilledSample[] {
  const names = [...sample.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');
  if (names.length === 0) return [{ text: sample, slots: {} }];
  const out: FilledSample[] = [];
  for (let k = 0; k < variants; k++) {
    const slots: FilledSample['slots'] = {};
    let text = sample;
    names.forEach((name, i) => {
      const type = intent.slots.find((s) => s.name === name)?.type ?? 'FREE_TEXT';
      const before = text.slice(0, text.indexOf(`{${name}}`));
      const all = fillsFor(model, type);
      const options = PLACE_WORD.test(before) ? all.filter((o) => !LEADS.test(o.say)) : all;
      const choice = options[(k * 3 + i) % options.length];
      if (!choice) return;
      text = text.replace(`{${name}}`, choice.say);
      slots[name] = choice.expected;
    });
    out.push({ text, slots });
  }
  return out;
}
