/**
 * POST /alexa without the web framework: raw body bytes and headers in, status and JSON out:
 * 415 unless JSON, 413 over the limit, 400 unless Amazon signed it, then the adapter. Status codes
 * and wording are those the route had on Express, so moving off Express changed no answer.
 */
import type { RequestEnvelope } from 'ask-sdk-model';
import type { Logger } from '../../core/logger';
import { isJsonRequest, type VoiceAnswer, type VoiceEndpoint } from '../shared/voice-endpoint';
import type { AlexaHandler } from './alexa-handler';
import { checkEnvelope, InvalidAlexaRequestError } from './check-envelope';
import { RequestVerificationError, type AlexaRequestVerifier } from './verify-request';
import { AlexaVerificationError, verifyAlexaRequest, type AlexaVerificationOptions } from './verify';

export interface RawRequest {
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export interface EndpointAnswer {
  status: number;
  json: unknown;
}

interface RawEndpointOptions {
  /** Checks Amazon's signature; undefined accepts unsigned requests (SKIP_REQUEST_VERIFICATION=1). */
  verify?: AlexaRequestVerifier;
  logger: Logger;
}

/** Turns raw Alexa HTTP requests into answers. Bad input is a 400 with a plain reason, never a 500. */
export function createAlexaEndpoint(alexa: AlexaHandler, options: RawEndpointOptions): (request: RawRequest) => Promise<EndpointAnswer> {
  const { verify, logger } = options;
  return async ({ headers, body }) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      return { status: 400, json: { error: 'The body is not valid JSON.' } };
    }
    let envelope: RequestEnvelope;
    try {
      envelope = checkEnvelope(parsed);
    } catch (error) {
      if (error instanceof InvalidAlexaRequestError) return { status: 400, json: { error: error.message } };
      throw error;
    }
    if (verify) {
      try {
        await verify({ headers, body, envelope });
      } catch (error) {
        // Why it failed is for our log; a caller probing the endpoint learns nothing from it.
        logger.warn({ err: error, requestId: envelope.request.requestId }, 'Alexa request verification failed');
        if (error instanceof RequestVerificationError) return { status: 400, json: { error: 'The request could not be verified as coming from Alexa.' } };
        return { status: 500, json: { error: 'Internal error.' } };
      }
    }
    try {
      return { status: 200, json: await alexa(envelope) };
    } catch (error) {
      logger.error({ err: error, requestId: envelope.request.requestId }, 'Alexa request failed');
      return { status: 500, json: { error: 'Internal error.' } };
    }
  };
}

/** What a refused caller gets: one fixed body, so the reason never leaks. */
export const ALEXA_REFUSAL = { error: 'request could not be verified' } as const;

/** The plain answers the route gives before its adapter runs. */
export const ALEXA_ANSWERS = {
  notJson: { status: 415, body: { error: 'Send the request as application/json.' } },
  tooLarge: { status: 413, body: { error: 'The body is too large.' } },
} as const satisfies Record<string, VoiceAnswer>;

export interface AlexaEndpointOptions {
  /** Amazon's signature rules; undefined accepts unsigned requests (SKIP_REQUEST_VERIFICATION=1). */
  verification?: AlexaVerificationOptions;
  /** A verifier the endpoint runs after the envelope check, instead of `verification` (tests). */
  verify?: AlexaRequestVerifier;
  logger: Logger;
}

/** POST /alexa: 415 unless JSON, 413 over the limit, 400 unless Amazon signed it, then the adapter. */
export function createAlexaVoiceEndpoint(alexa: AlexaHandler, options: AlexaEndpointOptions): VoiceEndpoint {
  const { verification, logger } = options;
  const endpoint = createAlexaEndpoint(alexa, { logger, verify: options.verify });
  return {
    bodyPolicy: (headers) => (isJsonRequest(headers) ? 'read' : ALEXA_ANSWERS.notJson),
    tooLarge: ALEXA_ANSWERS.tooLarge,
    async answer({ headers, body = Buffer.alloc(0) }) {
      if (verification) {
        try {
          await verifyAlexaRequest(body, headers, verification);
        } catch (error) {
          // Why it failed is for our log; a caller probing the endpoint learns nothing from it.
          const reason = error instanceof AlexaVerificationError ? error.reason : 'unexpected';
          logger.warn({ err: error, reason, path: '/alexa' }, 'Alexa request verification failed');
          return { status: 400, body: ALEXA_REFUSAL };
        }
      }
      const { status, json } = await endpoint({ headers, body });
      return { status, body: json };
    },
  };
}
