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
