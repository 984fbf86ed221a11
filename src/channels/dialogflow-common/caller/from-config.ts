/** Turns the council config's `security.dialogflow` section into the options the caller checks take. */
import type { CouncilConfig } from '../../../config/council-config';
import type { CxCallerOptions, EsCallerOptions } from './check-dialogflow-caller';

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
