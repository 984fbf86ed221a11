/**
 * The voice routes without a web framework: headers and raw body bytes in, status and JSON out.
 * The node:http front (voice-routes.ts) and the Dialogflow Lambda function both call these, so a
 * request is checked the same way wherever it arrives: media type (415), caller (Alexa's
 * signature 400, Dialogflow's caller 401), JSON (400), then the adapter.
 */
import type { AlexaHandler } from '../adapters/alexa';
import type { WebhookHandler } from '../adapters/google';
import type { Logger } from '../core/logger';
import {
  AlexaVerificationError, ALEXA_REFUSAL, checkDialogflowCaller, DialogflowCallerError, DIALOGFLOW_REFUSAL,
  verifyAlexaRequest, type AlexaVerificationOptions, type DialogflowCallerOptions,
} from '../security';
import { createAlexaEndpoint } from './alexa-endpoint';

export type VoiceHeaders = Record<string, string | string[] | undefined>;

export interface VoiceRequest {
  /** Header names in lower case, as node:http and API Gateway give them. */
  headers: VoiceHeaders;
  /** The body exactly as sent: Amazon's signature covers these bytes. */
  body: Buffer;
}

export interface VoiceAnswer {
  status: number;
  body: unknown;
}

export type VoiceRoute = (request: VoiceRequest) => Promise<VoiceAnswer>;

/** Alexa's own limit on a request body; Dialogflow's requests are a few kilobytes. */
export const MAX_VOICE_BODY_BYTES = 256 * 1024;

/** True for `application/json`, with or without parameters (charset). */
export function isJsonMediaType(contentType: string | string[] | undefined): boolean {
  if (typeof contentType !== 'string') return false;
  const semicolon = contentType.indexOf(';');
  return (semicolon === -1 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase() === 'application/json';
}

export interface AlexaRouteOptions {
  /** Amazon's signature rules; undefined accepts unsigned requests (SKIP_REQUEST_VERIFICATION=1). */
  verification?: AlexaVerificationOptions;
  logger: Logger;
}

/** POST /alexa. */
export function createAlexaRoute(alexa: AlexaHandler, options: AlexaRouteOptions): VoiceRoute {
  const { verification, logger } = options;
  const answer = createAlexaEndpoint(alexa, { logger });
  return async (request) => {
    if (!isJsonMediaType(request.headers['content-type'])) return ALEXA_ANSWERS.notJson;
    if (verification) {
      try {
        await verifyAlexaRequest(request.body, request.headers, verification);
      } catch (error) {
        // Why it failed is for our log; a caller probing the endpoint learns nothing from it.
        const reason = error instanceof AlexaVerificationError ? error.reason : 'unexpected';
        logger.warn({ err: error, reason, path: '/alexa' }, 'Alexa request verification failed');
        return { status: 400, body: ALEXA_REFUSAL };
      }
    }
    const { status, json } = await answer(request);
    return { status, body: json };
  };
}

export interface DialogflowRouteOptions {
  /** Who may call; undefined accepts anyone (SKIP_REQUEST_VERIFICATION=1). */
  caller?: DialogflowCallerOptions;
  logger: Logger;
}

/** POST /dialogflow/cx and /dialogflow/es: the caller is checked before the body is read as JSON. */
export function createDialogflowRoute(webhook: WebhookHandler, options: DialogflowRouteOptions): VoiceRoute {
  const { caller, logger } = options;
  return async ({ headers, body }) => {
    if (!isJsonMediaType(headers['content-type'])) return DIALOGFLOW_ANSWERS.notJson;
    if (caller) {
      try {
        await checkDialogflowCaller(headers, caller);
      } catch (error) {
        const reason = error instanceof DialogflowCallerError ? error.reason : 'unexpected';
        logger.warn({ err: error, reason, platform: caller.platform }, 'Dialogflow caller verification failed');
        return { status: 401, body: DIALOGFLOW_REFUSAL };
      }
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      return DIALOGFLOW_ANSWERS.badJson;
    }
    return webhook(parsed, headers);
  };
}

/** The plain answers each route gives before its adapter runs, worded as each route always has. */
export const ALEXA_ANSWERS = {
  notJson: { status: 415, body: { error: 'Send the request as application/json.' } },
  tooLarge: { status: 413, body: { error: 'The body is too large.' } },
} as const satisfies Record<string, VoiceAnswer>;

export const DIALOGFLOW_ANSWERS = {
  notJson: { status: 415, body: { error: 'send the request as application/json' } },
  tooLarge: { status: 413, body: { error: 'the body is too large' } },
  badJson: { status: 400, body: { error: 'the body is not valid JSON' } },
} as const satisfies Record<string, VoiceAnswer>;
