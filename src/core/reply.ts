/**
 * A Reply is what the skill says and what happens next, platform-neutral. Adapters render it.
 */
import type { ReplyFacts } from './facts';
import type { SessionState } from './session';
import type { Speech } from './speech';
import type { SlotValue } from './turn';

export interface Card {
  title: string;
  text: string;
}

/** At most one next step per reply. */
export type NextStep =
  /** Ask for one slot of an intent; the resident's next words fill it. */
  | { type: 'elicit-slot'; intent: string; slot: string; slots: Record<string, SlotValue> }
  /** Ask the resident to confirm the whole intent before acting on it. */
  | { type: 'confirm-intent'; intent: string; slots: Record<string, SlotValue> }
  /** Ask for a device permission with a consent card. */
  | { type: 'ask-permission'; permission: 'address' | 'reminders' }
  /** Ask the resident to link their council account. */
  | { type: 'link-account' };

/** A visual answer for devices with screens: a title and rows, rendered by the adapter. */
export interface Visual {
  kind: 'bin-collections';
  title: string;
  rows: { date: string; dateLabel: string; bins: { name: string; container: string; colour?: string }[] }[];
}

export interface Reply {
  speech: Speech;
  /** Said again, more simply, when the resident does not answer. Required when the session stays open. */
  reprompt?: Speech;
  card?: Card;
  endSession: boolean;
  next?: NextStep;
  /**
   * Send a permission consent card alongside the answer (Alexa app), for when the skill asks by
   * voice at the same time ("or just tell me your postcode") and so needs `next` for the slot.
   */
  permissionCard?: 'address' | 'reminders';
  /** State to carry to the next turn; undefined keeps nothing. */
  session?: SessionState;
  visual?: Visual;
  /**
   * The data behind the words (dates, bins, amounts, references), for channels that return
   * data as well as speech (MCP's structuredContent); voice channels ignore it.
   */
  facts?: ReplyFacts;
  /** For can-fulfil answers (may the skill take this request, before it is asked?). */
  canFulfil?: CanFulfil;
  /** An empty reply: platforms that need no answer (session ended) get none. */
  silent?: boolean;
  /** Set by the skill's error boundary when this reply apologises for a failure; for logs, adapters ignore it. */
  failed?: boolean;
}

export type CanFulfilValue = 'YES' | 'NO' | 'MAYBE';

export interface CanFulfil {
  canFulfill: CanFulfilValue;
  slots: Record<string, { canUnderstand: CanFulfilValue; canFulfill: CanFulfilValue }>;
}
