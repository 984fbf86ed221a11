/**
 * The skill's session state, carried by Dialogflow between turns: in a CX session parameter, or
 * in an ES output context. It travels as one JSON string rather than as nested parameters because
 * Dialogflow rewrites structured values on the way (numbers become doubles, and in CX a nested
 * `null` deletes a key), and the state must come back exactly as the skill left it.
 */
import { readSessionState, type SessionState } from '../../core/session';

/** CX session parameter holding the state. */
export const CX_STATE_PARAMETER = 'council_voice_state';
/** CX session parameter holding the reprompt, spoken by the agent's no-input handler. */
export const CX_REPROMPT_PARAMETER = 'council_voice_reprompt';
/** ES context holding the state (context ids are lower case). */
export const ES_STATE_CONTEXT = 'council_voice_state';
/** How many turns the ES state context outlives a turn that does not reach the webhook. */
export const ES_STATE_LIFESPAN = 5;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The state as a string for Dialogflow. An empty state is still written while the conversation
 * goes on, so that its absence marks the first turn of a session.
 */
export function encodeState(state: SessionState | undefined): string {
  return JSON.stringify(state ?? {});
}

/**
 * The state from what Dialogflow sent back. Anything unreadable (edited by hand in the console,
 * or by a client) counts as no state: the resident starts afresh instead of hearing an error.
 */
export function decodeState(value: unknown): SessionState {
  if (isObject(value)) return readSessionState(value);
  if (typeof value !== 'string' || value === '') return {};
  try {
    return readSessionState(JSON.parse(value));
  } catch {
    return {};
  }
}
