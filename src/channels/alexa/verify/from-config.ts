/** Turns the council config's `security.alexa` section into the options the signature check takes. */
import type { CouncilConfig } from '../../../config/council-config';
import type { AlexaVerificationOptions } from './verify-alexa-request';

/** Alexa options from config; no skill ids configured means every Alexa request is refused. */
export function alexaVerificationFromConfig(config: CouncilConfig): AlexaVerificationOptions {
  return { skillIds: config.security?.alexa?.skillIds ?? [] };
}
