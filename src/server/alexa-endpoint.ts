/**
 * POST /alexa without the web framework: raw body bytes and headers in, status and JSON out.
 * Kept free of Express so a leaner HTTP front (issue 6's benchmark) can call it unchanged.
 */
import type { RequestEnvelope } from 'ask-sdk-model';
import {
  checkEnvelope, InvalidAlexaRequestError, RequestVerificationError,
  type AlexaHandler, type AlexaRequestVerifier,
} from '../adapters/alexa';
import type { Logger } from '../core/logger';

export interface RawRequest {
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export interface EndpointAnswer {
  status: number;
  json: unknown;
}

export interface AlexaEndpointOptions {
  /** Checks Amazon's signature; undefined accepts unsigned requests (SKIP_REQUEST_VERIFICATION=1). */
  verify?: AlexaRequestVerifier;
  logger: Logger;
}

/** Turns raw Alexa HTTP requests into answers. Bad input is a 400 with a plain reason, never a 500. */
export function createAlexaEndpoint(alexa: AlexaHandler, options: AlexaEndpointOptions): (request: RawRequest) => Promise<EndpointAnswer> {
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
