/**
 * What the simulator's NLU answers, as staff see it: the intent and its confidence, the slots,
 * the alternatives and why. Shared by create-nlu.ts and the files it is composed of.
 */
import type { LanguageModel } from '../../language-model/language-model';
import type { SlotReading } from './sentence';

/** A slot as understood: the words heard, and the id and name they resolved to (custom types). */
export interface NluSlot {
  value: string;
  id?: string;
  name?: string;
}

export interface NluResult {
  /** Confidence is 0–1: the share of the sentence and the best sample that matched. */
  intent: { name: string; confidence: number };
  /** Only the slots that were filled. */
  slots: Record<string, NluSlot>;
  /** The next-best intents, for staff to see what was nearly understood. */
  alternatives: { name: string; confidence: number }[];
  /** Why: the sample that matched best, and how. */
  reason: { sample?: string; how: 'in order' | 'any order' | 'by its words' | 'answer to a question' | 'below threshold' | 'out of domain' };
}

export interface NluOptions {
  /** Clock for relative dates ("tomorrow"); the system clock by default. */
  now?: () => Date;
  /** The council's zone, for what "tomorrow" means. */
  timeZone?: string;
  /** Below this confidence a sentence is the fallback intent. */
  threshold?: number;
}

/** What the conversation so far says about the next sentence. */
export interface NluContext {
  /** The skill asked for this slot of this intent: a bare answer fills it. */
  awaiting?: { intent: string; slot: string };
}

export interface Nlu {
  understand(text: string, context?: NluContext): NluResult;
  /** Words given for one slot, resolved as that slot's type would (ids for custom values). */
  resolveSlot(intent: string, slot: string, words: string): NluSlot;
  readonly model: LanguageModel;
}

/** A confidence as shown: three decimals. */
export function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** Slot readings as the result gives them: ids and names only for resolved values. */
export function toSlots(readings: Record<string, SlotReading>): Record<string, NluSlot> {
  const slots: Record<string, NluSlot> = {};
  for (const [name, r] of Object.entries(readings)) slots[name] = r.id ? { value: r.value, id: r.id, name: r.name } : { value: r.value };
  return slots;
}
