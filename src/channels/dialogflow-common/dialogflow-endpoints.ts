/**
 * The Dialogflow CX and ES endpoints over a composition, built the same way for the local server
 * and the Dialogflow Lambda: the skill wrapped to log one line per turn, the caller check from
 * the council config (unless verification is skipped), and the CX token source from the config.
 */
import { createCxHandler } from '../dialogflow-cx/cx-handler';
import { createEsHandler } from '../dialogflow-es/es-handler';
import type { LanguageModel } from '../../language-model/language-model';
import { loadLanguageModel } from '../../language-model/load-language-model';
import { withTurnLogging } from '../../logging';
import { cxCallerFromConfig, esCallerFromConfig } from './caller';
import type { Composition } from '../../server/composition';
import type { VoiceEndpoint } from '../shared/voice-endpoint';
import { createDialogflowVoiceEndpoint } from './dialogflow-endpoint';

export interface GoogleEndpointOptions {
  skipRequestVerification?: boolean;
  /** The language model, when the caller has it in memory (bundles); otherwise read from disk. */
  model?: LanguageModel;
}

/** `/dialogflow/cx` and `/dialogflow/es`, keyed by path. */
export function createGoogleEndpoints(composition: Composition, options: GoogleEndpointOptions = {}): [string, VoiceEndpoint][] {
  const { config, logger, skill } = composition;
  const skip = options.skipRequestVerification === true;
  // Read once for both adapters (each would otherwise read and check the model files itself).
  const google = { councilWebsite: config.council.website, logger, model: options.model ?? loadLanguageModel('en-GB') };
  const cx = createCxHandler(withTurnLogging(skill, logger, 'dialogflow-cx'), { ...google, accessToken: config.dialogflow?.cxAccessToken });
  const es = createEsHandler(withTurnLogging(skill, logger, 'dialogflow-es'), google);
  return [
    ['/dialogflow/cx', createDialogflowVoiceEndpoint(cx, { logger, caller: skip ? undefined : cxCallerFromConfig(config) })],
    ['/dialogflow/es', createDialogflowVoiceEndpoint(es, { logger, caller: skip ? undefined : esCallerFromConfig(config) })],
  ];
}
