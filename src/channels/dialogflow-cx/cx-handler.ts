/**
 * The Dialogflow CX webhook, as one function the route, the simulator and the tests share:
 * check the body, translate in, `skill.handle(turn)`, translate out.
 */
import { silentLogger } from '../../core/logger';
import type { Skill } from '../../core/skill';
import { INTERNAL_ERROR, malformed, readModelFacts, type GoogleAdapterOptions, type WebhookHandler } from '../dialogflow-common/webhook';
import { cxWebhookRequestSchema } from './cx-types';
import { toCxResponse } from './to-response';
import { toTurn, type CxAccessTokenSource } from './to-turn';

export interface CxHandlerOptions extends GoogleAdapterOptions {
  /** Where the council's agent passes the resident's account-link token, if anywhere. */
  accessToken?: CxAccessTokenSource;
}

export function createCxHandler(skill: Skill, options: CxHandlerOptions = {}): WebhookHandler {
  const facts = readModelFacts(options.model);
  const logger = options.logger ?? silentLogger;

  return async (body, headers = {}) => {
    const parsed = cxWebhookRequestSchema.safeParse(body);
    if (!parsed.success) return malformed('Dialogflow CX', parsed.error.issues[0]);
    const request = parsed.data;
    try {
      const turn = toTurn(request, { slots: facts.slots, accessToken: options.accessToken, headers });
      const reply = await skill.handle(turn);
      return { status: 200, body: toCxResponse(reply, request, { ...facts, councilWebsite: options.councilWebsite }) };
    } catch (error) {
      // The skill answers its own failures; reaching here is a bug in translation.
      logger.error({ err: error, session: request.sessionInfo.session }, 'Dialogflow CX webhook failed');
      return INTERNAL_ERROR;
    }
  };
}
