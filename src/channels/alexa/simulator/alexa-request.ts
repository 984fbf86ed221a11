/**
 * Alexa request envelopes built as Alexa would send them (ask-sdk-model shapes), with entity
 * resolution on custom slot types and the Device Address API pointed at the simulator, and the
 * Alexa response read back for the page.
 */
import type { Directive, Intent, RequestEnvelope, ResponseEnvelope, Slot, dialog, ui } from 'ask-sdk-model';
import type { AlexaHandler } from '../index';
import { ADDRESS_PERMISSION, REMINDERS_PERMISSION } from '../index';
import { fromAlexaIntentName, toAlexaIntentName } from '../intent-names';
import { FALLBACK } from '../../../core/intents';
import type { LanguageModel } from '../../../language-model/language-model';
import type { NluSlot } from '../../../simulator/nlu/create-nlu';
import { ssmlToText } from '../../../simulator/ssml-text';
import { slotNamesOf, slotTypeOf, type Awaiting, type PlatformBridge, type PlatformOutcome, type SimulatedTurn } from '../../../simulator/platform-bridge';

/** The skill id the simulator's requests carry. */
export const SIMULATOR_SKILL_ID = 'amzn1.ask.skill.council-voice-simulator';

function alexaSlot(name: string, slot: NluSlot | undefined, type: string | undefined, model: LanguageModel): Slot {
  if (!slot) return { name, confirmationStatus: 'NONE' } as Slot;
  const out: Slot = { name, value: slot.value, confirmationStatus: 'NONE', source: 'USER' } as Slot;
  const custom = type ? model.types[type] : undefined;
  // Alexa resolves every custom type (free-form ones too, against their examples); built-ins are not resolved.
  if (custom) {
    const authority = `amzn1.er-authority.echo-sdk.${SIMULATOR_SKILL_ID}.${type}`;
    out.resolutions = {
      resolutionsPerAuthority: [slot.id
        ? { authority, status: { code: 'ER_SUCCESS_MATCH' }, values: [{ value: { name: slot.name ?? slot.value, id: slot.id } }] }
        : { authority, status: { code: 'ER_SUCCESS_NO_MATCH' }, values: [] }],
    };
  }
  return out;
}

/** The intent with every one of its slots, as Alexa lists them. */
function alexaIntent(turn: SimulatedTurn, model: LanguageModel, carried: Record<string, NluSlot>): Intent {
  const name = turn.intent ?? FALLBACK;
  const slots: Record<string, Slot> = {};
  for (const slot of new Set([...slotNamesOf(model, name), ...Object.keys(carried), ...Object.keys(turn.slots)])) {
    const said = turn.slots[slot];
    const held = carried[slot];
    // Alexa echoes the slots of a Dialog directive's updatedIntent as given: a value, no resolutions.
    slots[slot] = said || !held ? alexaSlot(slot, said, slotTypeOf(model, name, slot), model)
      : { name: slot, value: held.value, confirmationStatus: 'NONE' } as Slot;
  }
  return { name: toAlexaIntentName(name), confirmationStatus: 'NONE', slots };
}

interface AlexaCarry {
  attributes?: Record<string, unknown>;
  /** Slots Alexa holds from the last Dialog directive's updatedIntent. */
  dialogSlots?: Record<string, NluSlot>;
}

function buildRequest(turn: SimulatedTurn, model: LanguageModel): RequestEnvelope {
  const carry = (turn.carry ?? {}) as AlexaCarry;
  const application = { applicationId: SIMULATOR_SKILL_ID };
  const scopes = { address: ADDRESS_PERMISSION, reminders: REMINDERS_PERMISSION } as const;
  const user: Record<string, unknown> = { userId: `amzn1.ask.account.${turn.userId}` };
  if (turn.accessToken) user.accessToken = turn.accessToken;
  // Alexa lists every scope the skill declares, GRANTED or DENIED, and a consent token once any is granted.
  user.permissions = {
    ...(turn.device.permissions.length > 0 ? { consentToken: turn.apiAccessToken } : {}),
    scopes: Object.fromEntries(Object.entries(scopes).map(([name, scope]) =>
      [scope, { status: turn.device.permissions.includes(name as keyof typeof scopes) ? 'GRANTED' : 'DENIED' }])),
  };
  const base = { requestId: turn.requestId, timestamp: turn.now.toISOString(), locale: turn.locale };
  let request: Record<string, unknown>;
  if (turn.kind === 'launch') request = { type: 'LaunchRequest', ...base };
  else if (turn.kind === 'end') request = { type: 'SessionEndedRequest', ...base, reason: 'USER_INITIATED' };
  else {
    const inDialog = turn.answers !== undefined;
    request = {
      type: 'IntentRequest', ...base,
      dialogState: inDialog ? 'IN_PROGRESS' : 'STARTED',
      intent: alexaIntent(turn, model, inDialog ? carry.dialogSlots ?? {} : {}),
    };
  }
  const device = {
    deviceId: `amzn1.ask.device.simulator-${turn.sessionId}`,
    supportedInterfaces: turn.device.hasScreen ? { 'Alexa.Presentation.APL': { runtime: { maxVersion: '2023.3' } } } : {},
  };
  return {
    version: '1.0',
    session: { new: turn.isNewSession, sessionId: `amzn1.echo-api.session.${turn.sessionId}`, application, attributes: carry.attributes ?? {}, user },
    context: { System: { application, user, device, apiEndpoint: turn.apiEndpoint, apiAccessToken: turn.apiAccessToken } },
    request,
  } as unknown as RequestEnvelope;
}

function cardOf(card: ui.Card | undefined): PlatformOutcome['reply']['card'] {
  if (!card) return null;
  if (card.type === 'Simple') return { type: 'Simple', title: card.title, text: card.content };
  if (card.type === 'Standard') return { type: 'Standard', title: card.title, text: card.text };
  if (card.type === 'AskForPermissionsConsent') return { type: 'AskForPermissionsConsent', text: card.permissions.join(', ') };
  return { type: card.type };
}

function speechOf(speech: ui.OutputSpeech | undefined): string {
  if (!speech) return '';
  return speech.type === 'SSML' ? speech.ssml : `<speak>${speech.text}</speak>`;
}

function slotsOf(intent: Intent | undefined): Record<string, NluSlot> {
  const out: Record<string, NluSlot> = {};
  for (const [name, slot] of Object.entries(intent?.slots ?? {})) if (slot.value) out[name] = { value: slot.value };
  return out;
}

function readResponse(body: unknown, turn: SimulatedTurn): PlatformOutcome {
  const envelope = (body ?? {}) as ResponseEnvelope;
  const response = envelope.response ?? {};
  const ssml = speechOf(response.outputSpeech);
  const repromptSsml = speechOf(response.reprompt?.outputSpeech);
  const directives: Directive[] = response.directives ?? [];
  const elicit = directives.find((d): d is dialog.ElicitSlotDirective => d.type === 'Dialog.ElicitSlot');
  const dialogDirective = directives.find((d) => d.type.startsWith('Dialog.')) as { updatedIntent?: Intent } | undefined;
  // Alexa keeps the session open for a dialog directive; otherwise shouldEndSession decides.
  const endSession = turn.kind === 'end' || (!dialogDirective && response.shouldEndSession !== false);
  const awaiting: Awaiting | undefined = elicit
    ? { intent: elicit.updatedIntent?.name ? fromAlexaIntentName(elicit.updatedIntent.name) : turn.intent ?? '', slot: elicit.slotToElicit }
    : undefined;
  return {
    reply: {
      text: ssmlToText(ssml),
      ssml,
      reprompt: repromptSsml ? ssmlToText(repromptSsml) : null,
      endSession,
      card: cardOf(response.card),
    },
    carry: { attributes: envelope.sessionAttributes ?? {}, dialogSlots: slotsOf(dialogDirective?.updatedIntent) } satisfies AlexaCarry,
    awaiting,
    hasReprompts: true,
  };
}

/** Alexa, through the same handler as POST /alexa. */
export function createAlexaBridge(handler: AlexaHandler): PlatformBridge {
  return {
    name: 'alexa',
    label: 'Alexa',
    buildRequest,
    async send(request) {
      return { status: 200, body: await handler(request) };
    },
    readResponse,
  };
}
