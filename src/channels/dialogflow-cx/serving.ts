/**
 * Serving Dialogflow CX: POST /dialogflow/cx, the webhook a CX agent calls, with its caller
 * checked (the service agent's Google ID token and/or a shared secret header, from the council file).
 */
import type { ChannelContext, ChannelServing } from '../channel';
import { cxCallerFromConfig } from '../dialogflow-common/caller';
import { createDialogflowVoiceEndpoint } from '../dialogflow-common/dialogflow-endpoint';
import type { WebhookHandler } from '../dialogflow-common/webhook';
import { createCxHandler, type CxHandlerOptions } from './cx-handler';

/** The channel's name: its log lines, its simulator APIs. */
export const DIALOGFLOW_CX = 'dialogflow-cx';

/** The CX webhook over the context's skill; `options` override what the council file says. */
export function createCxAdapter(context: ChannelContext, options: Pick<CxHandlerOptions, 'accessToken'> = {}): WebhookHandler {
  const { config, logger } = context;
  return createCxHandler(context.skill, {
    councilWebsite: config.council.website, logger, model: context.model(), accessToken: config.dialogflow?.cxAccessToken, ...options,
  });
}

/** Dialogflow CX's route. */
export const dialogflowCxServing: ChannelServing = {
  name: DIALOGFLOW_CX,
  createRoutes(context) {
    const caller = context.skipRequestVerification ? undefined : cxCallerFromConfig(context.config);
    return [{ kind: 'voice', path: '/dialogflow/cx', endpoint: createDialogflowVoiceEndpoint(createCxAdapter(context), { logger: context.logger, caller }) }];
  },
};
