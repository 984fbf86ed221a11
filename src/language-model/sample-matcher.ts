/**
 * Whether a sentence is one of the model's samples with its slots filled from the model's own
 * values and examples: how the held-out evaluation set proves it holds nothing the model was
 * given.
 */
import { ownValue } from '../core/own-value';
import { slotsInSample, type LanguageModel } from './language-model';

function normalise(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9' ]+/g, ' ').replace(/\s+/g, ' ').trim();
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every phrase the model gives for a slot type: values, ids, synonyms and examples. */
function phrasesOf(model: LanguageModel, type: string): string[] {
  const custom = ownValue(model.types, type);
  if (!custom) return [];
  const values = (custom.values ?? []).flatMap((v) => [v.name, v.id.replace(/_/g, ' '), ...v.synonyms]);
  return [...values, ...(custom.examples ?? [])].map(normalise).filter(Boolean);
}

/** A test for "this sentence is a sample, or a sample filled from the model's values". */
export function createSampleMatcher(model: LanguageModel): (sentence: string) => string | undefined {
  const plain = new Map<string, string>();
  const patterns: { sample: string; pattern: RegExp }[] = [];
  for (const intent of model.intents) {
    for (const sample of intent.samples) {
      const slots = slotsInSample(sample);
      if (slots.length === 0) {
        plain.set(normalise(sample), sample);
        continue;
      }
      const parts = sample.split(/\{\w+\}/);
      const pieces: string[] = [];
      parts.forEach((part, i) => {
        if (normalise(part)) pieces.push(escape(normalise(part)));
        const slot = slots[i];
        if (slot === undefined) return;
        const type = intent.slots.find((s) => s.name === slot)?.type ?? '';
        const phrases = phrasesOf(model, type);
        pieces.push(phrases.length > 0 ? `(?:${phrases.map(escape).join('|')})` : '(?!)');
      });
      patterns.push({ sample, pattern: new RegExp(`^${pieces.join(' ')}$`) });
    }
  }
  for (const example of model.outOfDomain ?? []) plain.set(normalise(example), example);
  return (sentence) => {
    const said = normalise(sentence);
    return plain.get(said) ?? patterns.find((p) => p.pattern.test(said))?.sample;
  };
}
