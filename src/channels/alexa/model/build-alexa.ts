/**
 * Builds the Alexa interaction model (ASK JSON, as the developer console and ASK CLI import it)
 * from the one language model: intents with samples, custom slot types with ids and synonyms,
 * the dialog model Alexa needs before it accepts Dialog directives, and its prompts. Objects are
 * built in a fixed key order so a rebuild reproduces the checked-in file byte for byte.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Resource } from 'i18next';
import { FALLBACK } from '../../../core/intents';
import { isAlexaBuiltIn, toAlexaIntentName } from '../intent-names';
import { slotsInSample, type BuiltInSlotType, type IntentModel, type LanguageModel, type SlotType } from '../../../language-model/language-model';

/** Where the ASK CLI's skill package keeps a custom skill's models, one file per locale. */
export const ALEXA_MODEL_DIR = path.resolve(__dirname, '../../../../skill-package/interactionModels/custom');

const BUILT_IN_TYPES: Record<BuiltInSlotType, string> = {
  NUMBER: 'AMAZON.NUMBER',
  DATE: 'AMAZON.DATE',
  FREE_TEXT: 'AMAZON.SearchQuery',
};

/**
 * Alexa lets a skill add samples to its standard built-in intents, but not to FallbackIntent,
 * which is trained from everything the skill does not cover.
 */
const NO_SAMPLES = new Set([FALLBACK]);

/**
 * The slots the skill asks for one at a time with Dialog.ElicitSlot, and the locale key of the
 * question. Alexa speaks these prompts only if the skill delegates, which it does not, but the
 * dialog model must exist and name them before Alexa accepts the skill's own directives.
 */
export const DIALOG_SLOTS: Record<string, Record<string, string>> = {
  SetAddressIntent: { postcode: 'address:askPostcode', houseNumber: 'address:askHouse' },
  ReportIssueIntent: { issueType: 'reports:askIssueType', location: 'reports:askLocation', description: 'reports:askDescription' },
  // No slots, but the skill asks its own Dialog.ConfirmIntent before deleting a resident's data.
  DeleteDataIntent: {},
};

export class AlexaModelError extends Error {
  override name = 'AlexaModelError';
}

export interface AlexaModelOptions {
  /** "demo council": what residents say after "Alexa, open". */
  invocationName: string;
  /** Locale resources (locales/<lang>/*.json), for the dialog prompts. */
  resources: Resource;
}

function alexaType(type: string): string {
  return (BUILT_IN_TYPES as Record<string, string>)[type] ?? type;
}

function promptId(intent: string, slot: string): string {
  return `Elicit.Slot.${intent}.${slot}`;
}

/** Checks the rules Alexa enforces at build time, so a bad sample fails here with its name. */
function checkSamples(intent: IntentModel): void {
  const searchSlots = intent.slots.filter((s) => s.type === 'FREE_TEXT').map((s) => s.name);
  if (searchSlots.length > 1) throw new AlexaModelError(`${intent.name}: Alexa allows one AMAZON.SearchQuery slot per intent`);
  for (const sample of intent.samples) {
    if (!/^[\p{L}' .{}-]+$/u.test(sample)) throw new AlexaModelError(`${intent.name}: sample "${sample}" has characters Alexa refuses (spell numbers out)`);
    const mentioned = slotsInSample(sample);
    if (mentioned.some((name) => searchSlots.includes(name))) {
      if (mentioned.length > 1) throw new AlexaModelError(`${intent.name}: sample "${sample}" puts another slot beside a free-text slot`);
      if (sample.replace(/\{\w+\}/g, '').trim() === '') throw new AlexaModelError(`${intent.name}: sample "${sample}" needs words around its free-text slot`);
    }
  }
}

/** Utterances that answer a slot question: the intent's samples naming only that slot, plus the bare value. */
function slotSamples(intent: IntentModel, slot: string, type: string): string[] {
  const carried = intent.samples.filter((sample) => {
    const names = slotsInSample(sample);
    return names.length === 1 && names[0] === slot;
  });
  // A free-text slot cannot stand alone in a sample.
  return type === 'FREE_TEXT' ? carried : [`{${slot}}`, ...carried.filter((s) => s !== `{${slot}}`)];
}

function toIntent(intent: IntentModel): unknown {
  // The core's built-ins under the names Amazon requires (help is AMAZON.HelpIntent).
  if (isAlexaBuiltIn(intent.name)) return { name: toAlexaIntentName(intent.name), samples: NO_SAMPLES.has(intent.name) ? [] : intent.samples };
  checkSamples(intent);
  const dialogSlots = DIALOG_SLOTS[intent.name] ?? {};
  const out: Record<string, unknown> = { name: intent.name };
  if (intent.slots.length > 0) {
    out.slots = intent.slots.map((slot) => (slot.name in dialogSlots
      ? { name: slot.name, type: alexaType(slot.type), samples: slotSamples(intent, slot.name, slot.type) }
      : { name: slot.name, type: alexaType(slot.type) }));
  }
  out.samples = intent.samples;
  return out;
}

function toType(type: SlotType): unknown {
  if (type.values) {
    const seen = new Map<string, string>();
    for (const value of type.values) {
      for (const word of [value.name, ...value.synonyms].map((w) => w.toLowerCase())) {
        const other = seen.get(word);
        if (other && other !== value.id) throw new AlexaModelError(`${type.name}: "${word}" is a synonym of both ${other} and ${value.id}`);
        seen.set(word, value.id);
      }
    }
    return { name: type.name, values: type.values.map((v) => ({ id: v.id, name: { value: v.name, synonyms: v.synonyms } })) };
  }
  // A free-form type: the examples teach Alexa the shape; anything similar is caught as said.
  return { name: type.name, values: (type.examples ?? []).map((example) => ({ name: { value: example } })) };
}

/** The text at `ns:path.to.key` in the locale resources, as prompt variations. */
function promptTexts(resources: Resource, locale: string, key: string): string[] {
  const [ns, keyPath] = key.split(':') as [string, string];
  let value: unknown = resources[locale]?.[ns];
  for (const part of keyPath.split('.')) value = (value as Record<string, unknown> | undefined)?.[part];
  const texts = Array.isArray(value) ? value : [value];
  if (texts.length === 0 || texts.some((t) => typeof t !== 'string' || t === '')) throw new AlexaModelError(`locales/${locale}: ${key} is missing (it is the prompt for a dialog slot)`);
  if (texts.some((t) => (t as string).includes('{{'))) throw new AlexaModelError(`locales/${locale}: ${key} has a parameter, which an Alexa prompt cannot fill`);
  return texts as string[];
}

/** The interaction model for one locale, as ASK JSON. */
export function buildAlexaModel(model: LanguageModel, options: AlexaModelOptions): unknown {
  if (!/^[a-z][a-z' .]*$/.test(options.invocationName)) {
    throw new AlexaModelError(`invocation name "${options.invocationName}" must be lower-case words (council.invocationName in the council config)`);
  }
  const dialogIntents: unknown[] = [];
  const prompts: unknown[] = [];
  for (const [intentName, slots] of Object.entries(DIALOG_SLOTS)) {
    const intent = model.intents.find((i) => i.name === intentName);
    if (!intent) throw new AlexaModelError(`${intentName} has a dialog but is not in the model`);
    dialogIntents.push({
      name: intentName,
      confirmationRequired: false,
      prompts: {},
      slots: intent.slots.map((slot) => {
        const key = slots[slot.name];
        if (!key) return { name: slot.name, type: alexaType(slot.type), confirmationRequired: false, elicitationRequired: false, prompts: {} };
        prompts.push({
          id: promptId(intentName, slot.name),
          variations: promptTexts(options.resources, model.locale, key).map((value) => ({ type: 'PlainText', value })),
        });
        return { name: slot.name, type: alexaType(slot.type), confirmationRequired: false, elicitationRequired: true, prompts: { elicitation: promptId(intentName, slot.name) } };
      }),
    });
  }
  return {
    interactionModel: {
      languageModel: {
        invocationName: options.invocationName,
        intents: model.intents.map(toIntent),
        types: Object.values(model.types).map(toType),
      },
      // The skill answers every dialog turn itself (ElicitSlot, ConfirmIntent); Alexa never auto-delegates.
      dialog: { intents: dialogIntents, delegationStrategy: 'SKILL_RESPONSE' },
      prompts,
    },
  };
}

/** The file text: two-space JSON with a final newline, as the console exports it. */
export function toAlexaModelJson(model: LanguageModel, options: AlexaModelOptions): string {
  return `${JSON.stringify(buildAlexaModel(model, options), null, 2)}\n`;
}

/** Where a locale's model is written. */
export function alexaModelPath(locale: string, dir: string = ALEXA_MODEL_DIR): string {
  return path.join(dir, `${locale}.json`);
}

/** Writes `skill-package/interactionModels/custom/<locale>.json`. */
export function writeAlexaModel(model: LanguageModel, options: AlexaModelOptions, dir: string = ALEXA_MODEL_DIR): string {
  mkdirSync(dir, { recursive: true });
  const file = alexaModelPath(model.locale, dir);
  writeFileSync(file, toAlexaModelJson(model, options));
  return file;
}
