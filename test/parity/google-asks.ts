/** What a Dialogflow answer asks next, read the way the agent acts on it. */
import { decodeState } from '../../src/channels/dialogflow-common/session-state';

/** A pending yes/no question lives in the skill's state; Dialogflow routes "yes" back through it. */
export function confirmAsked(state: unknown): string | undefined {
  const dialog = decodeState(state).dialog;
  return dialog?.awaitingConfirmation ? `confirm:${dialog.intent}` : undefined;
}
