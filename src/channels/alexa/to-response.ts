/**
 * Translate out: a Reply becomes an Alexa response, through ask-sdk-core's ResponseBuilder so the
 * output follows the SDK's own rules (SSML wrapping, reprompt keeping the session open).
 */
import type { ResponseBuilder } from 'ask-sdk-core';
// The builder's own module: the package's index would also load its skill runtime and, through
// it, ask-sdk-model's service clients, which a cold start would compile for nothing (alexa-handler.ts).
import { ResponseFactory } from 'ask-sdk-core/dist/response/ResponseFactory';
import type { canfulfill, Intent, Response, ResponseEnvelope, Slot } from 'ask-sdk-model';
import type { CanFulfil, NextStep, Reply } from '../../core/reply';
import { isEmptySpeech, toSsmlWithin } from '../../core/speech';
import type { SlotValue, Turn } from '../../core/turn';
import { ownValue } from '../../core/own-value';
import { renderVisual } from './apl/render-visual';
import { ADDRESS_PERMISSION, REMINDERS_PERMISSION } from './device-services';
import { toAlexaIntentName } from './intent-names';

export interface ToResponseOptions {
  /**
   * Every slot of each intent, from the interaction model. Dialog directives then list all of
   * the intent's slots in `updatedIntent`, as Alexa expects when the skill changes the intent.
   */
  intentSlots?: Record<string, string[]>;
}

/** Alexa's limit on the characters of one outputSpeech or reprompt. */
const MAX_SPEECH_CHARS = 8000;

const PERMISSIONS = { address: ADDRESS_PERMISSION, reminders: REMINDERS_PERMISSION } as const;

/**
 * The intent as Alexa should carry it into the next turn: our slots, spoken values first. With the
 * model known, exactly the intent's slots: Alexa refuses a directive whose updatedIntent names a
 * slot the intent does not have, which slots carried over from a forged session would add.
 */
export function toUpdatedIntent(name: string, slots: Record<string, SlotValue>, options: ToResponseOptions = {}): Intent {
  const modelSlots = options.intentSlots ? ownValue(options.intentSlots, name) : undefined;
  const names = modelSlots ?? Object.keys(slots);
  const alexaSlots: Record<string, Slot> = {};
  for (const slotName of names) {
    const slot = ownValue(slots, slotName);
    const value = slot?.value ?? slot?.id;
    alexaSlots[slotName] = value === undefined
      ? { name: slotName, confirmationStatus: 'NONE' }
      : { name: slotName, value, confirmationStatus: 'NONE' };
  }
  return { name: toAlexaIntentName(name), confirmationStatus: 'NONE', slots: alexaSlots };
}

/**
 * The reply's next step as Alexa can take it. Alexa refuses a Dialog.ElicitSlot for a slot its
 * model does not give the intent, which a forged session (awaiting a slot of no intent) would ask
 * for; then the question is still asked, without the directive, as on Google (awaitedSlot).
 */
function nextStepFor(reply: Reply, options: ToResponseOptions): NextStep | undefined {
  const next = reply.next;
  if (next?.type !== 'elicit-slot' || !options.intentSlots) return next;
  return ownValue(options.intentSlots, next.intent)?.includes(next.slot) ? next : undefined;
}

function addNextStep(builder: ResponseBuilder, next: NextStep, options: ToResponseOptions): void {
  switch (next.type) {
    case 'elicit-slot':
      builder.addElicitSlotDirective(next.slot, toUpdatedIntent(next.intent, next.slots, options));
      break;
    case 'confirm-intent':
      builder.addConfirmIntentDirective(toUpdatedIntent(next.intent, next.slots, options));
      break;
    case 'ask-permission':
      builder.withAskForPermissionsConsentCard([PERMISSIONS[next.permission]]);
      break;
    case 'link-account':
      builder.withLinkAccountCard();
      break;
  }
}

/**
 * Alexa's answer to a name-free request. A slot's `canFulfill` is only YES or NO on Alexa, so a
 * MAYBE there becomes NO: claiming a slot we may not fulfil would win requests we then fail.
 */
export function toCanFulfillIntent(canFulfil: CanFulfil | undefined): canfulfill.CanFulfillIntent {
  if (!canFulfil) return { canFulfill: 'NO' };
  const slots: Record<string, canfulfill.CanFulfillSlot> = {};
  for (const [name, slot] of Object.entries(canFulfil.slots)) {
    slots[name] = { canUnderstand: slot.canUnderstand, canFulfill: slot.canFulfill === 'YES' ? 'YES' : 'NO' };
  }
  return Object.keys(slots).length > 0 ? { canFulfill: canFulfil.canFulfill, slots } : { canFulfill: canFulfil.canFulfill };
}

/** Fills `builder` with the reply for `turn`, and returns the Response. */
function buildResponse(reply: Reply, turn: Turn, builder: ResponseBuilder, options: ToResponseOptions): Response {
  // Alexa accepts no speech, card or directive after a session has ended.
  if (turn.kind === 'session-end') return builder.getResponse();
  if (turn.kind === 'can-fulfil') {
    return builder.withCanFulfillIntent(toCanFulfillIntent(reply.canFulfil)).getResponse();
  }
  if (reply.silent) return builder.getResponse();

  const next = nextStepFor(reply, options);
  const dialogDirective = next?.type === 'elicit-slot' || next?.type === 'confirm-intent';
  // Alexa refuses a dialog directive without speech; the reprompt is the same question, said simply.
  const speech = dialogDirective && isEmptySpeech(reply.speech) ? reply.reprompt : reply.speech;
  if (speech && !isEmptySpeech(speech)) builder.speak(toSsmlWithin(speech, MAX_SPEECH_CHARS));
  // A dialog directive waits for the resident's answer, so it always keeps the session open.
  const endSession = reply.endSession && !dialogDirective;
  if (!endSession && reply.reprompt && !isEmptySpeech(reply.reprompt)) builder.reprompt(toSsmlWithin(reply.reprompt, MAX_SPEECH_CHARS));
  if (reply.card) builder.withSimpleCard(reply.card.title, reply.card.text);
  // One card per response: a consent or link card replaces a simple one.
  if (reply.permissionCard) builder.withAskForPermissionsConsentCard([PERMISSIONS[reply.permissionCard]]);
  if (next) addNextStep(builder, next, options);
  // Screens: only a device that listed the APL interface may be sent an APL document.
  if (reply.visual && turn.device.hasScreen) builder.addDirective(renderVisual(reply.visual));
  builder.withShouldEndSession(endSession);
  return builder.getResponse();
}

/** Session attributes for the next turn; Alexa carries them only while the session is open. */
function sessionAttributes(reply: Reply, turn: Turn): Record<string, unknown> | undefined {
  if (turn.kind === 'session-end' || turn.kind === 'can-fulfil') return undefined;
  return { ...(reply.session ?? {}) };
}

/** The whole response envelope for `reply` (the adapter, the simulator and tests). */
export function toResponseEnvelope(reply: Reply, turn: Turn, options: ToResponseOptions = {}): ResponseEnvelope {
  const envelope: ResponseEnvelope = { version: '1.0', response: buildResponse(reply, turn, ResponseFactory.init(), options) };
  const attributes = sessionAttributes(reply, turn);
  if (attributes) envelope.sessionAttributes = attributes;
  return envelope;
}
