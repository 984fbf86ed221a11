/**
 * Translate in: an Alexa request envelope becomes a platform-neutral Turn. Fields are read
 * defensively (a missing session, a slot of the wrong shape) because Alexa sends several request
 * shapes and test tools send fewer fields still; nothing here throws on a checked envelope.
 * Alexa's `dialogState` is not carried over: the core keeps its own dialog state in the session,
 * which every platform can carry, so handlers never branch on one platform's dialog manager.
 */
import type { IntentRequest, RequestEnvelope, Slot } from 'ask-sdk-model';
import { readSessionState, type SessionState } from '../../core/session';
import type { Confirmation, SlotValue, Turn, TurnKind } from '../../core/turn';
import { createDeviceServices, type DeviceServiceDeps } from './device-services';
import { fromAlexaIntentName } from './intent-names';
import { ownValue } from '../../core/own-value';

export type ToTurnDeps = DeviceServiceDeps;

const KINDS: Record<string, TurnKind> = {
  LaunchRequest: 'launch',
  IntentRequest: 'intent',
  SessionEndedRequest: 'session-end',
  CanFulfillIntentRequest: 'can-fulfil',
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The id entity resolution matched, from the first authority that matched (static types before dynamic). */
function resolvedId(slot: Slot): string | undefined {
  const authorities = slot.resolutions?.resolutionsPerAuthority;
  if (!Array.isArray(authorities)) return undefined;
  for (const authority of authorities) {
    if (authority?.status?.code !== 'ER_SUCCESS_MATCH') continue;
    const id = authority.values?.[0]?.value?.id;
    if (typeof id === 'string' && id !== '') return id;
  }
  return undefined;
}

function hasResolutions(slot: Slot): boolean {
  return Array.isArray(slot.resolutions?.resolutionsPerAuthority) && slot.resolutions.resolutionsPerAuthority.length > 0;
}

/**
 * Slots the resident filled, as heard and as resolved. Empty slots are left out, so a handler
 * asks `turn.slots.binType` and gets undefined when nothing was said.
 */
export function readSlots(intent: IntentRequest['intent'] | undefined, session: SessionState): Record<string, SlotValue> {
  const slots: Record<string, SlotValue> = {};
  if (!intent || !isObject(intent.slots)) return slots;
  const earlier = session.dialog?.intent === fromAlexaIntentName(intent.name) ? session.dialog.slots : {};
  for (const [name, raw] of Object.entries(intent.slots)) {
    if (!isObject(raw)) continue;
    const slot = raw as unknown as Slot;
    // Multi-value aware requests also carry slotValue; a simple one has the same value and resolutions.
    const simple = slot.slotValue?.type === 'Simple' ? slot.slotValue : undefined;
    const value = typeof slot.value === 'string' && slot.value !== '' ? slot.value
      : typeof simple?.value === 'string' && simple.value !== '' ? simple.value : undefined;
    if (value === undefined) continue;
    let id = resolvedId(slot) ?? (simple ? resolvedId(simple as unknown as Slot) : undefined);
    // Alexa echoes slots we set in a Dialog directive's updatedIntent without resolutions;
    // keep the id we resolved when the resident first said it, rather than lose it.
    if (id === undefined && !hasResolutions(slot) && earlier[name]?.value === value) id = earlier[name]?.id;
    slots[name] = id === undefined ? { value } : { value, id };
  }
  return slots;
}

function readConfirmation(status: unknown): Confirmation {
  return status === 'CONFIRMED' || status === 'DENIED' ? status : 'NONE';
}

function readSession(envelope: RequestEnvelope): SessionState {
  return readSessionState(envelope.session?.attributes);
}

/**
 * The Turn for an Alexa request. `kind` is undefined for request types the skill does not answer
 * (AudioPlayer events, System.ExceptionEncountered, ...): the caller answers those with nothing.
 */
export function toTurn(envelope: RequestEnvelope, deps: ToTurnDeps): Turn | undefined {
  const request = envelope.request;
  const kind = ownValue(KINDS, request.type);
  if (!kind) return undefined;
  const system = envelope.context?.System;
  const session = readSession(envelope);
  const intent = 'intent' in request && isObject(request.intent) ? (request.intent as IntentRequest['intent']) : undefined;
  const user = envelope.session?.user ?? system?.user;
  const turn: Turn = {
    kind,
    slots: readSlots(intent, session),
    confirmation: readConfirmation(intent?.confirmationStatus),
    locale: typeof request.locale === 'string' && request.locale !== '' ? request.locale : 'en-GB',
    // Name-free (CanFulfill) requests must not touch anything stored about the resident.
    userId: kind === 'can-fulfil' ? '' : (typeof user?.userId === 'string' ? user.userId : ''),
    requestId: request.requestId,
    // No session means a request outside a conversation (CanFulfill, some one-shots): treat as new.
    isNewSession: envelope.session?.new ?? true,
    session,
    device: createDeviceServices(envelope, deps),
  };
  if (intent) turn.intent = fromAlexaIntentName(intent.name);
  const accessToken = user?.accessToken;
  if (typeof accessToken === 'string' && accessToken !== '') turn.accessToken = accessToken;
  if (request.type === 'SessionEndedRequest') turn.endReason = typeof request.reason === 'string' ? request.reason : 'USER_INITIATED';
  return turn;
}
