/** Turns the council config's `security` section into the options the checks take. */
import type { CouncilConfig } from '../config/council-config';
import type { AlexaVerificationOptions } from './alexa';
import type { CxCallerOptions, EsCallerOptions } from './google';

/** Alexa options from config; no skill ids configured means every Alexa request is refused. */
export function alexaVerificationFromConfig(config: CouncilConfig): AlexaVerificationOptions {
  return { skillIds: config.security?.alexa?.skillIds ?? [] };
}

/** CX caller options; with nothing configured the check refuses everyone. */
export function cxCallerFromConfig(config: CouncilConfig): CxCallerOptions {
  const cx = config.security?.dialogflow?.cx;
  return {
    platform: 'cx',
    idToken: cx?.audience && cx.serviceAccountEmail ? { audience: cx.audience, serviceAccountEmail: cx.serviceAccountEmail } : undefined,
    secretHeader: cx?.secretHeader,
  };
}

/** ES caller options; with nothing configured the check refuses everyone. */
export function esCallerFromConfig(config: CouncilConfig): EsCallerOptions {
  const es = config.security?.dialogflow?.es;
  return { platform: 'es', header: es?.header, basicAuth: es?.basicAuth };
}
