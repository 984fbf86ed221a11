/**
 * Reads and checks a locale's model source. Mistakes that would make a platform reject the
 * model, or the simulator misunderstand, fail here with the file and name at fault.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { expandSample, SampleSyntaxError } from './expand-samples';
import { BUILT_IN_SLOT_TYPES, slotsInSample, type IntentModel, type LanguageModel, type SlotType } from './language-model';

export const MODEL_SOURCE_DIR = path.resolve(__dirname, '../../interaction-models/source');

const fileSchema = z.object({
  types: z.record(z.string().regex(/^[A-Z_]+$/), z.object({
    values: z.array(z.object({ id: z.string().min(1), name: z.string().min(1), synonyms: z.array(z.string()).default([]) })).optional(),
    examples: z.array(z.string()).optional(),
  })).optional(),
  intents: z.array(z.object({
    name: z.string().regex(/^[A-Za-z]+$/),
    slots: z.array(z.object({ name: z.string().regex(/^[a-z][A-Za-z]*$/), type: z.string() })).default([]),
    samples: z.array(z.string()).default([]),
  })).optional(),
  outOfDomain: z.array(z.string()).optional(),
}).strict();

export class LanguageModelError extends Error {
  override name = 'LanguageModelError';
}

/** An intent's written lines as plain samples, each once (see expand-samples.ts for the syntax). */
function expandSamples(where: string, intent: string, lines: string[]): string[] {
  const samples = new Set<string>();
  for (const line of lines) {
    try {
      for (const sample of expandSample(line)) samples.add(sample);
    } catch (error) {
      if (error instanceof SampleSyntaxError) throw new LanguageModelError(`${where}: ${intent}: ${error.message}`);
      throw error;
    }
  }
  return [...samples];
}

/** Merges and validates every `*.yaml` in `dir/<locale>`. */
export function loadLanguageModel(locale: string, dir: string = MODEL_SOURCE_DIR): LanguageModel {
  const folder = path.join(dir, locale);
  const files = readdirSync(folder).filter((f) => f.endsWith('.yaml')).sort();
  const intents: IntentModel[] = [];
  const types: Record<string, SlotType> = {};
  const outOfDomain: string[] = [];
  for (const file of files) {
    const parsed = fileSchema.safeParse(parse(readFileSync(path.join(folder, file), 'utf8')));
    if (!parsed.success) {
      const problem = parsed.error.issues[0];
      throw new LanguageModelError(`${locale}/${file}: ${problem?.path.join('.')}: ${problem?.message}`);
    }
    for (const [name, type] of Object.entries(parsed.data.types ?? {})) {
      if (types[name]) throw new LanguageModelError(`${locale}/${file}: slot type ${name} is defined twice`);
      types[name] = { name, ...type };
    }
    for (const intent of parsed.data.intents ?? []) {
      if (intents.some((i) => i.name === intent.name)) throw new LanguageModelError(`${locale}/${file}: intent ${intent.name} is defined twice`);
      intents.push({ name: intent.name, slots: intent.slots, samples: expandSamples(`${locale}/${file}`, intent.name, intent.samples) });
    }
    outOfDomain.push(...expandSamples(`${locale}/${file}`, 'outOfDomain', parsed.data.outOfDomain ?? []));
  }
  const model: LanguageModel = { locale, intents, types, outOfDomain };
  checkLanguageModel(model);
  return model;
}

/** Every slot has a known type; every sample names only its intent's slots; no sample is shared, nor out of domain. */
export function checkLanguageModel(model: LanguageModel): void {
  const seen = new Map<string, string>();
  for (const intent of model.intents) {
    for (const slot of intent.slots) {
      if (!model.types[slot.type] && !(BUILT_IN_SLOT_TYPES as readonly string[]).includes(slot.type)) {
        throw new LanguageModelError(`${model.locale}: ${intent.name}.${slot.name} has unknown type ${slot.type}`);
      }
    }
    for (const sample of intent.samples) {
      for (const name of slotsInSample(sample)) {
        if (!intent.slots.some((s) => s.name === name)) {
          throw new LanguageModelError(`${model.locale}: ${intent.name} sample "${sample}" mentions {${name}}, which the intent lacks`);
        }
      }
      const key = sample.toLowerCase().replace(/\s+/g, ' ');
      const other = seen.get(key);
      if (other) throw new LanguageModelError(`${model.locale}: sample "${sample}" is in both ${other} and ${intent.name}`);
      seen.set(key, intent.name);
    }
  }
  for (const example of model.outOfDomain ?? []) {
    const other = seen.get(example.toLowerCase().replace(/\s+/g, ' '));
    if (other) throw new LanguageModelError(`${model.locale}: "${example}" is out of domain and a sample of ${other}`);
  }
}
