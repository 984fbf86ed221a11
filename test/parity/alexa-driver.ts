/**
 * Drives the Alexa adapter as Alexa would: session attributes carried from the last response,
 * and after a Dialog.ElicitSlot or Dialog.ConfirmIntent directive, the next request is that
 * directive's intent, with the new slot filled or the confirmation given.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Intent, RequestEnvelope, ResponseEnvelope, Slot, dialog } from 'ask-sdk-model';
import { createAlexaHandler, readIntentSlots } from '../../src/channels/alexa';
import { toAlexaIntentName } from '../../src/channels/alexa/intent-names';
import { NO, YES } from '../../src/core/intents';
import type { Skill } from '../../src/core/skill';
import alexaModel from '../../skill-package/interactionModels/custom/en-GB.json';
import { isLaunch, neutralReply, type NeutralReply, type PlatformDriver, type SpokenSlot, type Step } from './neutral';

const TEMPLATE = path.resolve(__dirname, '../fixtures/alexa/launch.json');
const AUTHORITY = 'amzn1.er-authority.echo-sdk.amzn1.ask.skill.6b1f5a9e-2d4c-4a7b-9e35-0c1d2e3f4a5b';

function toAlexaSlot(name: string, spoken: SpokenSlot | undefined): Slot {
  if (!spoken) return { name, confirmationStatus: 'NONE' };
  const status = spoken.id
    ? { status: { code: 'ER_SUCCESS_MATCH' }, values: [{ value: { name: spoken.value, id: spoken.id } }] }
    : { status: { code: 'ER_SUCCESS_NO_MATCH' } };
  return {
    name,
    value: spoken.value,
    confirmationStatus: 'NONE',
    source: 'USER',
    resolutions: { resolutionsPerAuthority: [{ authority: `${AUTHORITY}.${name}`, ...status }] },
  } as Slot;
}

type Directive = dialog.ElicitSlotDirective | dialog.ConfirmIntentDirective;

export function createAlexaDriver(skill: Skill): PlatformDriver {
  const handler = createAlexaHandler(skill, { intentSlots: readIntentSlots(alexaModel) });
  const intentSlots = readIntentSlots(alexaModel);
  const template = JSON.parse(readFileSync(TEMPLATE, 'utf8')) as RequestEnvelope;
  const userId = template.session?.user.userId ?? '';
  let attributes: Record<string, unknown> = {};
  let pending: Directive | undefined;
  let count = 0;

  function intentFor(step: { intent: string; slots?: Record<string, SpokenSlot> }): { intent: Intent; dialogState?: string } {
    const yesNo = step.intent === YES || step.intent === NO;
    if (pending?.type === 'Dialog.ConfirmIntent' && yesNo && pending.updatedIntent) {
      return { intent: { ...pending.updatedIntent, confirmationStatus: step.intent === YES ? 'CONFIRMED' : 'DENIED' }, dialogState: 'IN_PROGRESS' };
    }
    if (pending?.type === 'Dialog.ElicitSlot' && pending.updatedIntent?.name === step.intent) {
      const slots = { ...(pending.updatedIntent.slots ?? {}) };
      for (const [name, spoken] of Object.entries(step.slots ?? {})) slots[name] = toAlexaSlot(name, spoken);
      return { intent: { ...pending.updatedIntent, slots }, dialogState: 'IN_PROGRESS' };
    }
    const names = [...new Set([...(intentSlots[step.intent] ?? []), ...Object.keys(step.slots ?? {})])];
    const slots = Object.fromEntries(names.map((name) => [name, toAlexaSlot(name, step.slots?.[name])]));
    return { intent: { name: toAlexaIntentName(step.intent), confirmationStatus: 'NONE', slots }, dialogState: names.length > 0 ? 'STARTED' : undefined };
  }

  function envelopeFor(step: Step): RequestEnvelope {
    count += 1;
    const base = { requestId: `amzn1.echo-api.request.parity-${count}`, locale: 'en-GB', timestamp: '2026-11-27T10:00:00Z' };
    const request = isLaunch(step)
      ? { ...base, type: 'LaunchRequest' }
      : { ...base, type: 'IntentRequest', ...intentFor(step) };
    const session = { ...template.session, new: count === 1, attributes } as RequestEnvelope['session'];
    return { ...template, session, request } as RequestEnvelope;
  }

  function neutral(envelope: ResponseEnvelope): NeutralReply {
    const response = envelope.response;
    const directives = (response.directives ?? []) as Directive[];
    pending = directives.find((d) => d.type === 'Dialog.ElicitSlot' || d.type === 'Dialog.ConfirmIntent');
    attributes = (envelope.sessionAttributes ?? {}) as Record<string, unknown>;
    const speech = response.outputSpeech?.type === 'SSML' ? response.outputSpeech.ssml : '';
    const asks = pending?.type === 'Dialog.ElicitSlot' ? `slot:${pending.updatedIntent?.name}.${pending.slotToElicit}`
      : pending?.type === 'Dialog.ConfirmIntent' ? `confirm:${pending.updatedIntent?.name}` : undefined;
    return neutralReply(speech, response.shouldEndSession === true, asks);
  }

  return {
    name: 'Alexa',
    userId,
    send: async (step) => neutral(await handler(envelopeFor(step))),
  };
}
