/**
 * The names Dialogflow itself gives things. Our own intents carry the language model's names
 * (the core's words, src/core/intents.ts) into both agents unchanged: `help` is `help` on Google.
 */

/** The tag (CX) and action (ES) that mean "the resident opened the conversation". */
export const WELCOME = 'Welcome';
/** The display name of the welcome intent every Dialogflow agent has. */
export const DEFAULT_WELCOME_INTENT = 'Default Welcome Intent';
/** ES's standard actions for its default welcome and fallback intents. */
export const ES_WELCOME_ACTION = 'input.welcome';
export const ES_FALLBACK_ACTION = 'input.unknown';
/** The display name of ES's default fallback intent. */
export const DEFAULT_FALLBACK_INTENT = 'Default Fallback Intent';
