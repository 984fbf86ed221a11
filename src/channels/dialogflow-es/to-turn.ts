/**
 * Translate in: a Dialogflow ES fulfillment request becomes a Turn. Our agent's intents carry
 * our intent name as their action (the follow-up intents that catch a bare slot answer too), so
 * the action names the intent and the display name is the fallback for agents built by hand.
 */
import { FALLBACK } from '../../core/intents';
import type { SlotValue, Turn } from '../../core/turn';
import {
  DEFAULT_FALLBACK_INTENT, DEFAULT_WELCOME_INTENT, ES_FALLBACK_ACTION, ES_WELCOME_ACTION, WELCOME,
} from '../dialogflow-common/intent-names';
import type { SlotReader } from '../dialogflow-common/read-slots';
import { isObject, normaliseLocale, readString, sessionIdOf } from '../dialogflow-common/request-basics';
import { decodeState, ES_STATE_CONTEXT } from '../dialogflow-common/session-state';
import type { EsWebhookRequest } from './es-types';

export interface EsToTurnDeps {
  slots: SlotReader;
}

type Contexts = NonNullable<EsWebhookRequest['queryResult']['outputContexts']>;

/** The short id of a context name (`…/contexts/<id>`). */
export function contextId(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}

function intentOf(request: EsWebhookRequest): string | 'launch' {
  const { action, intent } = request.queryResult;
  const displayName = readString(intent?.displayName);
  if (action === ES_WELCOME_ACTION || action === WELCOME || displayName === DEFAULT_WELCOME_INTENT) return 'launch';
  if (action === ES_FALLBACK_ACTION || intent?.isFallback || displayName === DEFAULT_FALLBACK_INTENT) return FALLBACK;
  const name = readString(action) ?? displayName;
  return name ? name : FALLBACK;
}

/** What the resident said for a parameter: ES keeps it as `<name>.original` in the contexts. */
function originalOf(name: string, contexts: Contexts): unknown {
  for (const context of contexts) {
    const value = context.parameters?.[`${name}.original`];
    if (value !== undefined && value !== '') return value;
  }
  return undefined;
}

function readSlots(request: EsWebhookRequest, intent: string, reader: SlotReader): Record<string, SlotValue> {
  const slots: Record<string, SlotValue> = {};
  const parameters = request.queryResult.parameters ?? {};
  const contexts = request.queryResult.outputContexts ?? [];
  for (const name of reader.slotNames(intent)) {
    // ES sends every parameter of the intent; an unfilled one is "".
    if (!(name in parameters)) continue;
    const slot = reader.readSlot(intent, name, { original: originalOf(name, contexts), resolved: parameters[name] });
    if (slot) slots[name] = slot;
  }
  return slots;
}

/** The state context, unless it has run out (lifespan 0 means Dialogflow is deleting it). */
function stateContext(contexts: Contexts): Contexts[number] | undefined {
  return contexts.find((c) => contextId(c.name) === ES_STATE_CONTEXT && (c.lifespanCount ?? 1) > 0);
}

/** The Actions on Google payload, when the request came through that integration or mimics it. */
function payloadOf(request: EsWebhookRequest): Record<string, unknown> {
  return request.originalDetectIntentRequest?.payload ?? {};
}

function readUserId(request: EsWebhookRequest): string {
  const payload = payloadOf(request);
  const user = isObject(payload.user) ? payload.user : {};
  return readString(user.userId) ?? readString(payload.userId) ?? sessionIdOf(request.session);
}

function readAccessToken(request: EsWebhookRequest): string | undefined {
  const user = payloadOf(request).user;
  return isObject(user) ? readString(user.accessToken) : undefined;
}

export function toTurn(request: EsWebhookRequest, deps: EsToTurnDeps): Turn {
  const state = stateContext(request.queryResult.outputContexts ?? []);
  const intent = intentOf(request);
  const turn: Turn = {
    kind: intent === 'launch' ? 'launch' : 'intent',
    slots: intent === 'launch' ? {} : readSlots(request, intent, deps.slots),
    confirmation: 'NONE',
    locale: normaliseLocale(request.queryResult.languageCode),
    userId: readUserId(request),
    requestId: request.responseId ?? '',
    isNewSession: state === undefined,
    session: decodeState(state?.parameters?.state),
    // No device address on Google: the address dialog asks for the postcode by voice.
    device: {},
  };
  if (intent !== 'launch') turn.intent = intent;
  const accessToken = readAccessToken(request);
  if (accessToken) turn.accessToken = accessToken;
  return turn;
}
