/**
 * Intent names on Google. Our intents are named once, in the language model; the platform
 * built-ins there carry an `AMAZON.` prefix (Alexa's own names), which a Dialogflow agent has no
 * reason to show, so the Google agents drop it: `AMAZON.HelpIntent` is `HelpIntent` on Google.
 */

const BUILT_IN_PREFIX = 'AMAZON.';

/** The tag (CX) and action (ES) that mean "the resident opened the conversation". */
export const WELCOME = 'Welcome';
/** The display name of the welcome intent every Dialogflow agent has. */
export const DEFAULT_WELCOME_INTENT = 'Default Welcome Intent';
/** ES's standard actions for its default welcome and fallback intents. */
export const ES_WELCOME_ACTION = 'input.welcome';
export const ES_FALLBACK_ACTION = 'input.unknown';
/** The display name of ES's default fallback intent. */
export const DEFAULT_FALLBACK_INTENT = 'Default Fallback Intent';

/** Our intent name as the Google agents spell it. */
export function toGoogleIntentName(name: string): string {
  return name.startsWith(BUILT_IN_PREFIX) ? name.slice(BUILT_IN_PREFIX.length) : name;
}

/**
 * Our intent name for a name the Google agent sent. A name the skill does not know passes
 * through unchanged, so the skill's own fallback answers it.
 */
export function fromGoogleIntentName(name: string, known: readonly string[]): string {
  if (known.includes(name)) return name;
  const builtIn = `${BUILT_IN_PREFIX}${name}`;
  return known.includes(builtIn) ? builtIn : name;
}
