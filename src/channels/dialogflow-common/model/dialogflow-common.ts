/**
 * What the Dialogflow CX and ES builders share: how a sample utterance becomes an annotated
 * training phrase, which words fill a slot in it, how our slot types map to entity types, and
 * writing an agent folder. Everything is a pure function of the language model, so a build
 * reproduces the checked-in files exactly.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { LanguageModel, SlotType } from '../../../language-model/language-model';

/** Relative path → file text. */
export type AgentFiles = Map<string, string>;

/** The training phrase languages: Dialogflow's root English and the UK locale residents use. */
export const LANGUAGES = ['en', 'en-gb'] as const;

/** The webhook's display name in both agents. */
export const WEBHOOK_NAME = 'council-voice';

/** Where a council points the agent until it edits the URL to its own server (see README). */
export const PLACEHOLDER_HOST = 'https://council-voice.example.org';

/** Greetings for the welcome intent; on Alexa, opening the skill needs none. */
export const WELCOME_PHRASES = [
  'hello', 'hi', 'hey', 'hi there', 'hello there', 'good morning', 'good afternoon', 'good evening',
  'hello council', 'start', "let's start", 'talk to the council',
];

/** Words that fill built-in slots in training phrases. */
const BUILT_IN_FILLERS: Record<string, string[]> = {
  NUMBER: ['12', 'four', '27', '3'],
  DATE: ['tomorrow', 'next monday', 'on friday'],
  FREE_TEXT: [
    'a big hole by the bus stop', 'the light has been flickering for a week', 'someone has dumped a mattress',
    'broken glass all over the pavement', 'the drain is overflowing', 'it has been there since monday',
  ],
};

/** The entity type a slot type has on Dialogflow; free-form types take anything said. */
export function entityTypeOf(typeName: string, types: Record<string, SlotType>): string {
  if (typeName === 'NUMBER') return '@sys.number';
  if (typeName === 'DATE') return '@sys.date';
  // Free-form types (postcodes, house names, places) vary too much for an entity list; @sys.any
  // takes the words as said, and the annotated examples teach where they sit in a sentence.
  if (typeName === 'FREE_TEXT' || !types[typeName]?.values) return '@sys.any';
  return `@${typeName}`;
}

/** Every way a resident might say a value of this type, for filling training phrases. */
export function fillersOf(typeName: string, types: Record<string, SlotType>): string[] {
  const type = types[typeName];
  if (type?.values) return type.values.flatMap((v) => [v.name, ...v.synonyms]);
  if (type?.examples && type.examples.length > 0) return type.examples;
  return BUILT_IN_FILLERS[typeName] ?? BUILT_IN_FILLERS.FREE_TEXT ?? [];
}

export type PhrasePart = { text: string; slot?: undefined } | { text: string; slot: string; type: string };

/** Sentences as training phrases without slots (the welcome, the out-of-domain examples). */
export function plainPhrases(texts: readonly string[]): PhrasePart[][] {
  return texts.map((text) => [{ text }]);
}

/**
 * "when is the {binType} collected" → text, slot filled with an example, text. The example
 * rotates with the sample's position so the phrases between them cover many values.
 */
export function toPhraseParts(sample: string, sampleIndex: number, slotTypes: Map<string, string>, types: Record<string, SlotType>): PhrasePart[] {
  const parts: PhrasePart[] = [];
  let slotOrdinal = 0;
  for (const piece of sample.split(/(\{\w+\})/)) {
    if (piece === '') continue;
    const slot = piece.match(/^\{(\w+)\}$/)?.[1];
    const type = slot ? slotTypes.get(slot) : undefined;
    if (!slot || !type) {
      parts.push({ text: piece });
      continue;
    }
    const fillers = fillersOf(type, types);
    const text = fillers[(sampleIndex * 7 + slotOrdinal * 3) % fillers.length] ?? slot;
    parts.push({ text, slot, type });
    slotOrdinal += 1;
  }
  return parts;
}

/** The model's intents as Google sees them: the fallback is Dialogflow's own no-match handling. */
export function intentsWithPhrases(model: LanguageModel): LanguageModel['intents'] {
  return model.intents.filter((intent) => intent.samples.length > 0);
}

/** Deterministic JSON: two-space indent and a final newline. */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Replaces `dir` with exactly these files, so a renamed intent leaves no stale file behind. */
export function writeAgentFiles(dir: string, files: AgentFiles): void {
  rmSync(dir, { recursive: true, force: true });
  for (const [relative, text] of [...files.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const target = path.join(dir, relative);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
}
