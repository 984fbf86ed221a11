/**
 * POST /alexa without the web framework: raw body bytes and headers in, status and JSON out:
 * 415 unless JSON, 413 over the limit, 400 unless Amazon signed it or the envelope is broken, then
 * the adapter. The body is parsed once, and the signature check and the adapter share that one
 * object; the adapter checks the envelope (once) before anything reads it. Status codes and wording are those the
 * route had on Express, so moving off Express changed no answer.
 */
import type { Logger } from '../../core/logger';
import { INTERNAL_ERROR_ANSWER, isJsonRequest, type VoiceAnswer, type VoiceEndpoint } from '../shared/voice-endpoint';
import type { AlexaHandler } from './alexa-handler';
import { InvalidAlexaRequestError } from './check-envelope';
import { AlexaVerificationError, verifyAlexaRequest, type AlexaVerificationOptions } from './verify';

/** What a refused caller gets: one fixed body, so the reason never leaks. */
export const ALEXA_REFUSAL = { error: 'request could not be verified' } as const;

/** The plain answers the route gives before its adapter runs. */
export const ALEXA_ANSWERS = {
  notJson: { status: 415, body: { error: 'Send the request as application/json.' } },
  tooLarge: { status: 413, body: { error: 'The body is too large.' } },
  badJson: { status: 400, body: { error: 'The body is not valid JSON.' } },
  refused: { status: 400, body: ALEXA_REFUSAL },
  internal: INTERNAL_ERROR_ANSWER,
} as const satisfies Record<string, VoiceAnswer>;

export interface AlexaEndpointOptions {
  /** Amazon's signature rules; undefined accepts unsigned requests (SKIP_REQUEST_VERIFICATION=1). */
  verification?: AlexaVerificationOptions;
  logger: Logger;
}

type Parsed = { ok: true; value: unknown } | { ok: false };

/** The request id, if the body has one, for the log line of a failure. */
function requestIdOf(body: unknown): unknown {
  return (body as { request?: { requestId?: unknown } } | null)?.request?.requestId;
}

function parseJson(body: Buffer): Parsed {
  try {
    return { ok: true, value: JSON.parse(body.toString('utf8')) as unknown };
  } catch {
    return { ok: false };
  }
}

/** POST /alexa over `alexa`. Bad input is a 400 with a plain reason, never a 500. */
export function createAlexaVoiceEndpoint(alexa: AlexaHandler, options: AlexaEndpointOptions): VoiceEndpoint {
  const { verification, logger } = options;

  async function refuses(body: Buffer, headers: Record<string, string | string[] | undefined>, parsed: Parsed): Promise<boolean> {
    if (!verification) return false;
    try {
      // Unparsable bytes are refused by the check itself (reason 'body'), as Amazon never sends them.
      await verifyAlexaRequest(body, headers, verification, parsed.ok ? parsed.value : undefined);
      return false;
    } catch (error) {
      // Why it failed is for our log; a caller probing the endpoint learns nothing from it.
      const reason = error instanceof AlexaVerificationError ? error.reason : 'unexpected';
      logger.warn({ err: error, reason, path: '/alexa' }, 'Alexa request verification failed');
      return true;
    }
  }

  return {
    bodyPolicy: (headers) => (isJsonRequest(headers) ? 'read' : ALEXA_ANSWERS.notJson),
    tooLarge: ALEXA_ANSWERS.tooLarge,
    async answer({ headers, body = Buffer.alloc(0) }) {
      const parsed = parseJson(body);
      if (await refuses(body, headers, parsed)) return ALEXA_ANSWERS.refused;
      if (!parsed.ok) return ALEXA_ANSWERS.badJson;
      try {
        // The adapter checks the envelope first and refuses a broken one before the skill runs.
        return { status: 200, body: await alexa(parsed.value) };
      } catch (error) {
        if (error instanceof InvalidAlexaRequestError) return { status: 400, body: { error: error.message } };
        logger.error({ err: error, requestId: requestIdOf(parsed.value) }, 'Alexa request failed');
        return ALEXA_ANSWERS.internal;
      }
    },
  };
}
