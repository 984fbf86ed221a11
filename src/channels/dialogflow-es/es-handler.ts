/**
 * The Dialogflow ES fulfillment webhook. This is our own small codec rather than
 * `actions-on-google`'s `dialogflow()` app: that library is unmaintained since 2022 and costs
 * about 450 ms of start-up, and the fulfillment format is small and stable. The tests run the
 * same requests through `actions-on-google` as an oracle, so the two stay in step.
 */
import { silentLogger } from '../../core/logger';
import type { Skill } from '../../core/skill';
import { INTERNAL_ERROR, malformed, readModelFacts, type GoogleAdapterOptions, type WebhookHandler } from '../dialogflow-common/webhook';
import { esWebhookRequestSchema } from './es-types';
import { toEsResponse } from './to-response';
import { toTurn } from './to-turn';

export type EsHandlerOptions = GoogleAdapterOptions;

export function createEsHandler(skill: Skill, options: EsHandlerOptions = {}): WebhookHandler {
  const facts = readModelFacts(options.model);
  const logger = options.logger ?? silentLogger;

  return async (body) => {
    const parsed = esWebhookRequestSchema.safeParse(body);
    if (!parsed.success) return malformed('Dialogflow ES', parsed.error.issues[0]);
    const request = parsed.data;
    try {
      const turn = toTurn(request, { slots: facts.slots });
      const reply = await skill.handle(turn);
      return { status: 200, body: toEsResponse(reply, request, { slots: facts.slots, councilWebsite: options.councilWebsite }) };
    } catch (error) {
      // The skill answers its own failures; reaching here is a bug in translation.
      logger.error({ err: error, session: request.session }, 'Dialogflow ES webhook failed');
      return INTERNAL_ERROR;
    }
  };
}
