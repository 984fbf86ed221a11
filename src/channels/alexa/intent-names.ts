/**
 * Alexa's names for the core's built-in intents. Amazon requires its own (`AMAZON.HelpIntent`)
 * in the interaction model and sends them in requests; the core speaks its own words
 * (src/core/intents.ts). Custom intents have the same name on both sides.
 */
import { CANCEL, FALLBACK, HELP, HOME, NO, STOP, YES } from '../../core/intents';

const ALEXA_NAMES = new Map<string, string>([
  [HELP, 'AMAZON.HelpIntent'],
  [STOP, 'AMAZON.StopIntent'],
  [CANCEL, 'AMAZON.CancelIntent'],
  [HOME, 'AMAZON.NavigateHomeIntent'],
  [YES, 'AMAZON.YesIntent'],
  [NO, 'AMAZON.NoIntent'],
  [FALLBACK, 'AMAZON.FallbackIntent'],
]);

const CORE_NAMES = new Map([...ALEXA_NAMES].map(([core, alexa]) => [alexa, core]));

/** The intent's name in Alexa's requests and model. */
export function toAlexaIntentName(name: string): string {
  return ALEXA_NAMES.get(name) ?? name;
}

/**
 * The core's name for an intent Alexa sent. A name the core does not know (another Amazon
 * built-in) passes through unchanged, so the skill's own fallback answers it.
 */
export function fromAlexaIntentName(name: string): string {
  return CORE_NAMES.get(name) ?? name;
}

/** True for the core's built-ins, which Amazon names and trains itself. */
export function isAlexaBuiltIn(name: string): boolean {
  return ALEXA_NAMES.has(name);
}
