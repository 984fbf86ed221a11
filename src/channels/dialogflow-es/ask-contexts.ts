/**
 * ES asks for one slot with a context: the webhook sets `await_<intent>_<slot>` for one turn,
 * and the agent's "<Intent> - <slot>" intent, which needs that context, catches a bare answer
 * ("s w one a one a a") and sends it with the intent's name as its action. The agent builder
 * and the codec derive the names from here.
 */

export interface AskContext {
  intent: string;
  slot: string;
  /** Context id, lower case as ES requires. */
  context: string;
  /** Display name of the intent that catches the answer. */
  intentName: string;
}

export function askContextFor(intent: string, slot: string): AskContext {
  const context = `await_${intent}_${slot}`.toLowerCase().replace(/[^a-z0-9_-]/g, '_');
  return { intent, slot, context, intentName: `${intent} - ${slot}` };
}
