/**
 * The Alexa adapter as one function: check the envelope, translate it into a Turn, let the skill
 * handle it, translate the Reply out. The HTTP route, the Lambda entry and the simulator all call
 * the same function, so what staff test is what residents get.
 *
 * The response is built with ask-sdk-core's ResponseBuilder (to-response.ts); its skill runtime
 * (SkillBuilders: request dispatch, interceptors, attribute managers) is not used. With one request handler it only wrapped
 * the envelope below, and loading it carried ask-sdk-model's service clients (about 60 KB of
 * the Alexa bundle, compiled at every cold start) and cost each request a dispatch.
 */
import type { ResponseEnvelope } from 'ask-sdk-model';
import { HttpClient, type HttpCall } from '../../connectors/http';
import { silentLogger, type Logger } from '../../core/logger';
import type { Skill } from '../../core/skill';
import { checkEnvelope } from './check-envelope';
import { toResponseEnvelope, type ToResponseOptions } from './to-response';
import { toTurn } from './to-turn';

export interface AlexaHandlerOptions extends ToResponseOptions {
  logger?: Logger;
  /** Time allowed for Alexa's own APIs (device address); a slow one means "ask by voice instead". */
  deviceApiTimeoutMs?: number;
  /** Time allowed for the Reminders API and the Directive service (progressive responses). */
  alexaApiTimeoutMs?: number;
  /** Told of every call to Alexa's APIs, for the simulator's panel and logs. */
  onCall?: (call: HttpCall) => void;
}

/**
 * Answers one Alexa request body (a parsed RequestEnvelope, checked before use). Throws InvalidAlexaRequestError when the body is not an Alexa
 * request (the HTTP route answers 400); every failure inside the skill is already a spoken apology.
 */
export type AlexaHandler = (body: unknown) => Promise<ResponseEnvelope>;

/** Builds the Alexa adapter around `skill`: the envelope checked, the turn answered, the response built with ask-sdk-core's ResponseBuilder. */
export function createAlexaHandler(skill: Skill, options: AlexaHandlerOptions = {}): AlexaHandler {
  const logger = options.logger ?? silentLogger;
  // No retry: when the device cannot tell us the postcode, asking the resident is quicker.
  const http = new HttpClient({ service: 'device', timeoutMs: options.deviceApiTimeoutMs ?? 2000, retries: 0, onCall: options.onCall });
  // Reminders and progressive responses: one attempt each (a retried POST could set a reminder
  // twice, and a late holding line is no use), and short, since several may share the 8 seconds.
  const remindersHttp = new HttpClient({ service: 'reminders', timeoutMs: options.alexaApiTimeoutMs ?? 1500, retries: 0, onCall: options.onCall });
  const directivesHttp = new HttpClient({ service: 'device', timeoutMs: options.alexaApiTimeoutMs ?? 1500, retries: 0, onCall: options.onCall });
  const deps = { http, remindersHttp, directivesHttp, logger };

  return async (body) => {
    const envelope = checkEnvelope(body);
    const turn = toTurn(envelope, deps);
    // Request types the skill has no use for (AudioPlayer events, System.ExceptionEncountered) get
    // an empty response, and a session keeps the attributes it came with.
    if (!turn) return { version: '1.0', response: {}, userAgent: USER_AGENT, sessionAttributes: envelope.session ? envelope.session.attributes ?? {} : undefined };
    if (envelope.request.type === 'SessionEndedRequest' && envelope.request.reason === 'ERROR') {
      // Alexa ends the session with ERROR when our previous response was invalid: worth knowing.
      logger.warn({ requestId: turn.requestId, error: envelope.request.error }, 'Alexa ended the session with an error');
    }
    const reply = await skill.handle(turn);
    const out = toResponseEnvelope(reply, turn, options);
    // Only a request inside a session can carry state to the next turn.
    return { ...out, userAgent: USER_AGENT, sessionAttributes: envelope.session ? out.sessionAttributes ?? {} : undefined };
  };
}

/** Names this service to Alexa, as ask-sdk-core's runtime named itself ("ask-node/2.14.0 Node/v22..."). */
const USER_AGENT = `council-voice Node/${process.version}`;
