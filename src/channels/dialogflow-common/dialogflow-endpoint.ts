/**
 * POST /dialogflow/cx and /dialogflow/es as voice endpoints: the same steps for both agents, each
 * with its own webhook and caller check. Status codes and wording are those the routes had on
 * Express, so moving off Express changed no answer.
 */
import type { Logger } from '../../core/logger';
import { isJsonRequest, type VoiceAnswer, type VoiceEndpoint } from '../shared/voice-endpoint';
import { checkDialogflowCaller, DialogflowCallerError, type DialogflowCallerOptions } from './caller';
import type { WebhookHandler } from './webhook';

/** What a refused caller gets: one fixed body, so the reason never leaks. */
export const DIALOGFLOW_REFUSAL = { error: 'caller not verified' } as const;

/** The plain answers a Dialogflow route gives before its webhook runs. */
export const DIALOGFLOW_ANSWERS = {
  notJson: { status: 415, body: { error: 'send the request as application/json' } },
  tooLarge: { status: 413, body: { error: 'the body is too large' } },
  badJson: { status: 400, body: { error: 'the body is not valid JSON' } },
} as const satisfies Record<string, VoiceAnswer>;

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
 * 415 unless JSON (Dialogflow sends nothing else), a JSON body is read (413 over the limit, 400 if
 * broken), the caller is checked (401), then the webhook answers.
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
