/**
 * The one language model (interaction-models/source/<locale>/*.yaml) as typed data: what the
 * platform builders export and what the simulator's local NLU understands.
 */

/** Neutral built-in slot types, mapped to each platform's own by the builders. */
export const BUILT_IN_SLOT_TYPES = ['NUMBER', 'DATE', 'FREE_TEXT'] as const;
export type BuiltInSlotType = (typeof BUILT_IN_SLOT_TYPES)[number];

export interface SlotTypeValue {
  id: string;
  name: string;
  synonyms: string[];
}

/** A custom type: either resolved values with ids, or free-form with examples. */
export interface SlotType {
  name: string;
  values?: SlotTypeValue[];
  examples?: string[];
}

export interface IntentSlot {
  name: string;
  type: string;
}

export interface IntentModel {
  name: string;
  slots: IntentSlot[];
  samples: string[];
}

export interface LanguageModel {
  locale: string;
  intents: IntentModel[];
  types: Record<string, SlotType>;
  /**
   * Requests the skill does not serve ("order me a pizza"): negative examples that teach an NLU
   * where the fallback begins. Dialogflow takes such phrases on its fallback intent; Alexa has
   * no place for them.
   */
  outOfDomain?: string[];
}

/** Slot names a sample mentions, in order: "when is the {binType} collected" → ["binType"]. */
export function slotsInSample(sample: string): string[] {
  return [...sample.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');
}
