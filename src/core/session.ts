/**
 * Session state the skill hands to the platform at the end of a turn and gets back on the next.
 * It must survive JSON round trips through Alexa session attributes and Dialogflow parameters,
 * so it holds only plain data.
 */
import type { SlotValue } from './turn';

/** A dialog the skill is in the middle of: the intent it is collecting slots for, and what it has. */
export interface DialogState {
  intent: string;
  slots: Record<string, SlotValue>;
  /** The slot the skill last asked for, so a bare answer can fill it. */
  awaitingSlot?: string;
  /** The skill asked a yes/no question about this intent. */
  awaitingConfirmation?: boolean;
  /** Data the handler keeps between turns (e.g. address candidates). */
  data?: Record<string, unknown>;
}

export interface SessionState {
  dialog?: DialogState;
  /** An intent to resume once a sub-dialog (e.g. finding the address) completes. */
  resume?: { intent: string; slots: Record<string, SlotValue> };
  /** Feature-specific extras; keys are namespaced by handler family. */
  [key: string]: unknown;
}

/** Our own state nests a handful of levels (dialog → data → draft → attributes); deeper is not ours. */
const MAX_STATE_DEPTH = 32;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True when no value inside `value` is nested deeper than `max` (checked without recursion). */
export function nestsWithin(value: unknown, max: number): boolean {
  // Two parallel stacks instead of a pair per value: this runs on every request body.
  const values: unknown[] = [value];
  const depths: number[] = [0];
  while (values.length > 0) {
    const current = values.pop();
    const depth = depths.pop() ?? 0;
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= max) return false;
    for (const key in current) {
      // Own keys only: a polluted prototype must not make every object look endless.
      if (!Object.hasOwn(current, key)) continue;
      values.push((current as Record<string, unknown>)[key]);
      depths.push(depth + 1);
    }
  }
  return true;
}

function readSlots(value: unknown): Record<string, SlotValue> {
  const slots: Record<string, SlotValue> = {};
  if (!isRecord(value)) return slots;
  for (const [name, slot] of Object.entries(value)) {
    if (!isRecord(slot) || name === '__proto__') continue;
    const read: SlotValue = {};
    if (typeof slot.value === 'string') read.value = slot.value;
    if (typeof slot.id === 'string') read.id = slot.id;
    slots[name] = read;
  }
  return slots;
}

function readDialog(value: unknown): DialogState | undefined {
  if (!isRecord(value) || typeof value.intent !== 'string' || value.intent === '') return undefined;
  const dialog: DialogState = { ...value, intent: value.intent, slots: readSlots(value.slots) };
  if (typeof dialog.awaitingSlot !== 'string') delete dialog.awaitingSlot;
  if (typeof dialog.awaitingConfirmation !== 'boolean') delete dialog.awaitingConfirmation;
  if (!isRecord(dialog.data)) delete dialog.data;
  return dialog;
}

/**
 * The session state a platform sent back, checked before anything reads it. It makes a round
 * trip through the platform (and, for a caller that is not the platform, through anyone's
 * hands), so it is untrusted input: a dialog or resume of the wrong shape is dropped, and state
 * nested deeper than ours ever is counts as no state at all, since it could not even be written
 * back out.
 */
export function readSessionState(value: unknown): SessionState {
  if (!isRecord(value) || !nestsWithin(value, MAX_STATE_DEPTH)) return {};
  const state: SessionState = { ...value };
  const dialog = readDialog(value.dialog);
  if (dialog) state.dialog = dialog;
  else delete state.dialog;
  const resume = value.resume;
  if (isRecord(resume) && typeof resume.intent === 'string' && resume.intent !== '') state.resume = { intent: resume.intent, slots: readSlots(resume.slots) };
  else delete state.resume;
  return state;
}
