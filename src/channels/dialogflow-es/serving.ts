/**
 * Serving Dialogflow ES: POST /dialogflow/es, the fulfilment webhook an ES agent calls, with its
 * caller checked (a secret header and/or HTTP basic auth, from the council file).
 */
import type { ChannelContext, ChannelServing } from '../channel';
import { esCallerFromConfig } from '../dialogflow-common/caller';
import { createDialogflowVoiceEndpoint } from '../dialogflow-common/dialogflow-endpoint';
import type { WebhookHandler } from '../dialogflow-common/webhook';
import { createEsHandler } from './es-handler';

/** The channel's name: its log lines, its simulator APIs. */
export const DIALOGFLOW_ES = 'dialogflow-es';

/** The ES webhook over the context's skill. */
export function createEsAdapter(context: ChannelContext): WebhookHandler {
  return createEsHandler(context.skill, { councilWebsite: context.config.council.website, logger: context.logger, model: context.model() });
}

/** Dialogflow ES's route. */
export const dialogflowEsServing: ChannelServing = {
  name: DIALOGFLOW_ES,
  createRoutes(context) {
    const caller = context.skipRequestVerification ? undefined : esCallerFromConfig(context.config);
    return [{ kind: 'voice', path: '/dialogflow/es', endpoint: createDialogflowVoiceEndpoint(createEsAdapter(context), { logger: context.logger, caller }) }];
  },
};
