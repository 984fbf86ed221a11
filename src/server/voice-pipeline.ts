/**
 * The voice routes without a web framework: headers and raw body bytes in, status and JSON out.
 * The node:http front (voice-routes.ts) and the Dialogflow Lambda function both call these, so a
 * request is checked the same way wherever it arrives. Status codes and wording are those the
 * routes had on Express (test/server, test/security), so moving off Express changed no answer.
 */
import type { AlexaHandler, AlexaRequestVerifier } from '../adapters/alexa';
import type { WebhookHandler } from '../adapters/google/webhook';
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
  /** The body exactly as sent (Amazon's signature covers these bytes); undefined when not read. */
  body?: Buffer;
}

export interface VoiceAnswer {
  status: number;
  body: unknown;
}

/** One voice route, in the order a request meets it. */
export interface VoiceEndpoint {
  /** Decided from the headers before a byte of the body is read: read it, leave it, or answer now. */
  bodyPolicy(headers: VoiceHeaders): 'read' | 'ignore' | VoiceAnswer;
  /** The answer when the body is over MAX_VOICE_BODY_BYTES. */
  tooLarge: VoiceAnswer;
  answer(request: VoiceRequest): Promise<VoiceAnswer>;
}

/** Alexa's own limit on a request body; Dialogflow's requests are a few kilobytes. */
export const MAX_VOICE_BODY_BYTES = 256 * 1024;

/**
 * True for a request with a body whose media type is `application/json` (parameters such as
 * charset allowed), which is what Express's `req.is('application/json')` accepted.
 */
export function isJsonRequest(headers: VoiceHeaders): boolean {
  const hasBody = headers['transfer-encoding'] !== undefined || (headers['content-length'] !== undefined && !Number.isNaN(Number(headers['content-length'])));
  const type = headers['content-type'];
  if (!hasBody || typeof type !== 'string') return false;
  const semicolon = type.indexOf(';');
  return (semicolon === -1 ? type : type.slice(0, semicolon)).trim().toLowerCase() === 'application/json';
}

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

export interface DialogflowEndpointOptions {
  /** Who may call; undefined accepts anyone (SKIP_REQUEST_VERIFICATION=1). */
  caller?: DialogflowCallerOptions;
  logger: Logger;
}

/**
 * Reads a JSON body as Express's `express.json()` did: an empty body is `{}`, and only an object
 * or an array is JSON here (strict), anything else a 400.
 */
function parseStrictJson(body: Buffer): { ok: true; value: unknown } | { ok: false } {
  const text = body.toString('utf8');
  const first = /\S/.exec(text)?.[0];
  if (first === undefined) return { ok: true, value: {} };
  if (first !== '{' && first !== '[') return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/**
 * POST /dialogflow/cx and /dialogflow/es: 415 unless JSON (Dialogflow sends nothing else), a JSON
 * body is read (413 over the limit, 400 if broken), the caller is checked (401), then the webhook
 * answers.
 */
export function createDialogflowVoiceEndpoint(webhook: WebhookHandler, options: DialogflowEndpointOptions): VoiceEndpoint {
  const { caller, logger } = options;
  return {
    bodyPolicy: (headers) => (isJsonRequest(headers) ? 'read' : DIALOGFLOW_ANSWERS.notJson),
    tooLarge: DIALOGFLOW_ANSWERS.tooLarge,
    async answer({ headers, body }) {
      let parsed: unknown;
      if (body !== undefined) {
        const json = parseStrictJson(body);
        if (!json.ok) return DIALOGFLOW_ANSWERS.badJson;
        parsed = json.value;
      }
      if (caller) {
        try {
          await checkDialogflowCaller(headers, caller);
        } catch (error) {
          const reason = error instanceof DialogflowCallerError ? error.reason : 'unexpected';
          logger.warn({ err: error, reason, platform: caller.platform }, 'Dialogflow caller verification failed');
          return { status: 401, body: DIALOGFLOW_REFUSAL };
        }
      }
      return webhook(parsed, headers);
    },
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

/** What every route answers when something unexpected breaks. */
export const INTERNAL_ERROR_ANSWER: VoiceAnswer = { status: 500, body: { error: 'Internal error.' } };

/**
 * Runs a request through an endpoint when the transport already holds the whole body (Lambda):
 * the same steps, in the same order, as the streaming front.
 */
export async function answerWholeRequest(endpoint: VoiceEndpoint, headers: VoiceHeaders, body: Buffer): Promise<VoiceAnswer> {
  const policy = endpoint.bodyPolicy(headers);
  if (typeof policy === 'object') return policy;
  if (policy === 'ignore') return endpoint.answer({ headers });
  if (body.length > MAX_VOICE_BODY_BYTES) return endpoint.tooLarge;
  return endpoint.answer({ headers, body });
}
