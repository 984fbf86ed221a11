/**
 * The one way a channel is given the composed application, so the server, the Lambda entries and
 * the simulator build each channel the same way: the same skill, wrapped for turn logging.
 */
import type { LanguageModel } from '../language-model/language-model';
import { loadLanguageModel } from '../language-model/load-language-model';
import { withTurnLogging } from '../logging/turn-logging';
import type { Composition } from '../server/composition';
import type { ChannelContext } from './channel';

export interface ChannelContextOptions {
  /** Accept callers whose identity was not checked (SKIP_REQUEST_VERIFICATION=1). Default false. */
  skipRequestVerification?: boolean;
  /** Where the language model comes from (Lambda bundles carry it); default read from interaction-models/source. */
  loadModel?: () => LanguageModel;
}

/** The context for the channel named `name`, over `composition`. */
export function createChannelContext(composition: Composition, name: string, options: ChannelContextOptions = {}): ChannelContext {
  const loadModel = options.loadModel ?? (() => loadLanguageModel('en-GB'));
  let model: LanguageModel | undefined;
  return {
    skill: withTurnLogging(composition.skill, composition.logger, name),
    config: composition.config,
    logger: composition.logger,
    onCall: composition.reportCall,
    model: () => (model ??= loadModel()),
    skipRequestVerification: options.skipRequestVerification === true,
    services: composition.services,
  };
}
