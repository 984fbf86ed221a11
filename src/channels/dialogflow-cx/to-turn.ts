/**
 * Translate in: a Dialogflow CX webhook request becomes a Turn. The agent's routes call the
 * webhook with our intent name as the tag; slots come from the matched intent's parameters and,
 * on an "Ask" page, from the form parameter the resident just filled.
 */
import { FALLBACK } from '../../core/intents';
import type { SlotValue, Turn } from '../../core/turn';
import { DEFAULT_WELCOME_INTENT, WELCOME } from '../dialogflow-common/intent-names';
import type { SlotReader } from '../dialogflow-common/read-slots';
import { callerUserId, isObject, normaliseLocale, readString, sessionIdOf } from '../dialogflow-common/request-basics';
import { CX_STATE_PARAMETER, decodeState } from '../dialogflow-common/session-state';
import type { CxWebhookRequest } from './cx-types';

/** Where a council's CX agent puts the resident's account-link token. */
export interface CxAccessTokenSource {
  /** An HTTP header on the webhook call (set in the agent's webhook settings or by a proxy). */
  header?: string;
  /** A session parameter the client sets (e.g. a council website that signed the resident in). */
  parameter?: string;
}

export interface CxToTurnDeps {
  slots: SlotReader;
  accessToken?: CxAccessTokenSource;
  /** The webhook call's HTTP headers, lower-cased names. */
  headers?: Record<string, string | string[] | undefined>;
}

function intentOf(request: CxWebhookRequest): string | 'launch' {
  const tag = readString(request.fulfillmentInfo?.tag);
  const matched = readString(request.intentInfo?.displayName);
  if (tag === WELCOME || (!tag && matched === DEFAULT_WELCOME_INTENT)) return 'launch';
  const name = tag ?? matched;
  // No tag and no intent: a no-match handler that calls the webhook without a tag.
  return name ? name : FALLBACK;
}

function readSlots(request: CxWebhookRequest, intent: string, reader: SlotReader): Record<string, SlotValue> {
  const slots: Record<string, SlotValue> = {};
  const names = reader.slotNames(intent);
  const parameters = request.intentInfo?.parameters ?? {};
  for (const name of names) {
    const raw = parameters[name];
    if (!raw) continue;
    const slot = reader.readSlot(intent, name, { original: raw.originalValue, resolved: raw.resolvedValue });
    if (slot) slots[name] = slot;
  }
  // Filled on an Ask page: the form's value is the resolved one; CX keeps no separate original.
  for (const info of request.pageInfo?.formInfo?.parameterInfo ?? []) {
    if (info.state !== 'FILLED' || !names.includes(info.displayName)) continue;
    const slot = reader.readSlot(intent, info.displayName, { resolved: info.value });
    if (slot) slots[info.displayName] = slot;
  }
  return slots;
}

function readHeader(headers: CxToTurnDeps['headers'], name: string): string | undefined {
  const value = headers?.[name.toLowerCase()];
  return readString(Array.isArray(value) ? value[0] : value);
}

function readAccessToken(request: CxWebhookRequest, deps: CxToTurnDeps): string | undefined {
  const source = deps.accessToken;
  if (!source) return undefined;
  const fromHeader = source.header ? readHeader(deps.headers, source.header) : undefined;
  const fromParameter = source.parameter ? readString(request.sessionInfo.parameters?.[source.parameter]) : undefined;
  return (fromHeader ?? fromParameter)?.replace(/^Bearer\s+/i, '');
}

/**
 * Who the resident is: an id the client passes in the payload (a council website that knows
 * them), else the caller on a telephone line, else this conversation only.
 */
function readUserId(request: CxWebhookRequest): string {
  const payload = request.payload ?? {};
  const given = readString(payload.userId);
  if (given) return given;
  const telephony = payload.telephony;
  const caller = isObject(telephony) ? readString(telephony.caller_id) : undefined;
  if (caller) return callerUserId(caller);
  return sessionIdOf(request.sessionInfo.session);
}

export function toTurn(request: CxWebhookRequest, deps: CxToTurnDeps): Turn {
  const stateValue = request.sessionInfo.parameters?.[CX_STATE_PARAMETER];
  const intent = intentOf(request);
  const turn: Turn = {
    kind: intent === 'launch' ? 'launch' : 'intent',
    slots: intent === 'launch' ? {} : readSlots(request, intent, deps.slots),
    confirmation: 'NONE',
    locale: normaliseLocale(request.languageCode),
    userId: readUserId(request),
    requestId: request.detectIntentResponseId ?? '',
    isNewSession: stateValue === undefined || stateValue === null,
    session: decodeState(stateValue),
    device: {},
  };
  if (intent !== 'launch') turn.intent = intent;
  const accessToken = readAccessToken(request, deps);
  if (accessToken) turn.accessToken = accessToken;
  return turn;
}
