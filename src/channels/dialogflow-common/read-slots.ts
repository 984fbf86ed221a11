/**
 * Dialogflow parameters to the core's slots. Our entity types list each value under its id
 * (RECYCLING, with "green bin" and the rest as synonyms), so a matched parameter's resolved value
 * *is* the id: the same id Alexa's entity resolution gives, so handlers read one thing on every
 * platform. Which parameters are resolved types comes from the language model.
 */
import type { LanguageModel, SlotType } from '../../language-model/language-model';
import type { SlotValue } from '../../core/turn';

/** A parameter as Dialogflow sends it: what was heard (when known) and what it resolved to. */
export interface RawParameter {
  original?: unknown;
  resolved: unknown;
}

export interface SlotReader {
  /** The slot names of an intent, in model order; empty for an intent the model lacks. */
  slotNames(intent: string): string[];
  /** One slot from one parameter; undefined when the parameter is empty. */
  readSlot(intent: string, slot: string, raw: RawParameter): SlotValue | undefined;
}

function nonEmpty(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** CX sends @sys.date as {year, month, day}; ES as an ISO date-time. Alexa's form is YYYY-MM-DD. */
function readDate(value: unknown): string | undefined {
  if (typeof value === 'object' && value !== null && 'year' in value) {
    const { year, month, day } = value as Record<string, unknown>;
    const whole = (n: unknown, min: number, max: number): n is number => typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max;
    // Anything but a calendar date's numbers is not a date (and a nested array would not even print).
    if (!whole(year, 1000, 9999) || !whole(month, 1, 12) || !whole(day, 1, 31)) return undefined;
    return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }
  const text = nonEmpty(value);
  return text && /^\d{4}-\d{2}-\d{2}/.test(text) ? text.slice(0, 10) : text;
}

function readResolved(type: SlotType, raw: RawParameter, resolved: unknown): SlotValue | undefined {
  const candidate = nonEmpty(resolved);
  const match = type.values?.find((v) => v.id === candidate);
  const heard = nonEmpty(raw.original) ?? match?.name ?? candidate;
  if (heard === undefined) return undefined;
  return match ? { value: heard, id: match.id } : { value: heard };
}

export function createSlotReader(model: LanguageModel): SlotReader {
  const slotTypes = new Map<string, Map<string, string>>();
  for (const intent of model.intents) {
    slotTypes.set(intent.name, new Map(intent.slots.map((s) => [s.name, s.type])));
  }

  return {
    slotNames: (intent) => [...(slotTypes.get(intent)?.keys() ?? [])],
    readSlot(intent, slot, raw) {
      const typeName = slotTypes.get(intent)?.get(slot);
      if (!typeName) return undefined;
      // A list parameter: the core's slots hold one value, as Alexa's simple slots do.
      const resolved = Array.isArray(raw.resolved) ? raw.resolved[0] : raw.resolved;
      const type = model.types[typeName];
      if (type?.values) return readResolved(type, raw, resolved);
      const value = typeName === 'DATE' ? readDate(resolved) : nonEmpty(resolved) ?? nonEmpty(raw.original);
      return value === undefined ? undefined : { value };
    },
  };
}
