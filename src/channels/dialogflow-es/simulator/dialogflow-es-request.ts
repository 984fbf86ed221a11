/**
 * Dialogflow ES fulfillment requests built as an ES agent (exported from our language model)
 * would send them: the matched intent and its action, every parameter of the intent, the active
 * contexts with their lifespans, and the Actions on Google payload. The response is read back.
 */
import { askContextFor } from '../ask-contexts';
import type { EsContext, EsWebhookResponse } from '../es-types';
import {
  DEFAULT_FALLBACK_INTENT, DEFAULT_WELCOME_INTENT, ES_FALLBACK_ACTION, ES_WELCOME_ACTION,
} from '../../dialogflow-common/intent-names';
import { stableUuid } from '../../dialogflow-common/stable-uuid';
import type { WebhookHandler } from '../../dialogflow-common/webhook';
import type { LanguageModel } from '../../../language-model/language-model';
import { FALLBACK } from '../../../core/intents';
import { ssmlToText } from '../../../simulator/ssml-text';
import { dialogflowValue } from '../../dialogflow-common/simulator/dialogflow-values';
import { slotNamesOf, type PlatformBridge, type PlatformOutcome, type SimulatedTurn } from '../../../simulator/platform-bridge';

const PROJECT = 'projects/council-voice-simulator/agent';

function sessionPath(turn: SimulatedTurn): string {
  return `${PROJECT}/sessions/${turn.sessionId}`;
}

function intentFor(turn: SimulatedTurn): { action: string; displayName: string; isFallback?: boolean } {
  if (turn.kind === 'launch') return { action: ES_WELCOME_ACTION, displayName: DEFAULT_WELCOME_INTENT };
  if (turn.answers) {
    // The "<Intent> - <slot>" intent, which needs the await context, catches a bare answer.
    const ask = askContextFor(turn.answers.intent, turn.answers.slot);
    return { action: turn.answers.intent, displayName: ask.intentName };
  }
  if (!turn.intent || turn.intent === FALLBACK) return { action: ES_FALLBACK_ACTION, displayName: DEFAULT_FALLBACK_INTENT, isFallback: true };
  return { action: turn.intent, displayName: turn.intent };
}

function buildRequest(turn: SimulatedTurn, model: LanguageModel): unknown {
  // ES sends nothing to the webhook when a conversation just stops.
  if (turn.kind === 'end') return undefined;
  const contexts = ((turn.carry ?? []) as EsContext[]).filter((c) => c.lifespanCount > 0);
  const intent = turn.answers?.intent ?? turn.intent ?? FALLBACK;
  const { action, displayName, isFallback } = intentFor(turn);
  // ES sends every parameter of the matched intent ("" when unfilled); an answer intent has just its slot.
  const names = turn.kind === 'launch' || isFallback ? [] : turn.answers ? [turn.answers.slot] : slotNamesOf(model, intent);
  const parameters: Record<string, unknown> = {};
  const originals: Record<string, unknown> = {};
  for (const name of names) {
    const value = turn.slots[name];
    parameters[name] = value ? dialogflowValue(model, intent, name, value, 'es') : '';
    originals[name] = parameters[name];
    originals[`${name}.original`] = value?.value ?? '';
  }
  const system = { name: `${sessionPath(turn)}/contexts/__system_counters__`, lifespanCount: 1, parameters: { 'no-input': 0, 'no-match': isFallback ? 1 : 0, ...originals } };
  const payload: Record<string, unknown> = { user: { userId: turn.userId, ...(turn.accessToken ? { accessToken: turn.accessToken } : {}) } };
  return {
    responseId: turn.requestId,
    session: sessionPath(turn),
    queryResult: {
      queryText: turn.text ?? 'GOOGLE_ASSISTANT_WELCOME',
      action,
      parameters,
      allRequiredParamsPresent: true,
      outputContexts: [...contexts, system],
      intent: { name: `${PROJECT}/intents/${stableUuid(`es-intent:${displayName}`)}`, displayName, ...(isFallback ? { isFallback } : {}) },
      intentDetectionConfidence: turn.confidence ?? 1,
      languageCode: turn.locale.toLowerCase(),
    },
    originalDetectIntentRequest: { source: 'google', version: '2', payload },
  };
}

/** Contexts after a turn: each one ages a turn, then the response's replace those of the same name. */
function nextContexts(before: EsContext[], returned: EsContext[]): EsContext[] {
  const byName = new Map(before.map((c) => [c.name, { ...c, lifespanCount: c.lifespanCount - 1 }]));
  for (const context of returned) byName.set(context.name, context);
  return [...byName.values()].filter((c) => c.lifespanCount > 0 && !c.name.endsWith('/__system_counters__'));
}

function readResponse(body: unknown, turn: SimulatedTurn, model: LanguageModel): PlatformOutcome {
  const response = (body ?? {}) as Partial<EsWebhookResponse>;
  const item = response.payload?.google?.richResponse?.items?.[0]?.simpleResponse;
  const ssml = item?.textToSpeech ?? '';
  const contexts = nextContexts((turn.carry ?? []) as EsContext[], response.outputContexts ?? []);
  const asks = model.intents.flatMap((i) => i.slots.map((s) => askContextFor(i.name, s.name)));
  const ask = asks.find((a) => contexts.some((c) => c.name.endsWith(`/contexts/${a.context}`)));
  const lines = (response.fulfillmentMessages ?? []).flatMap((m) => m.text.text);
  return {
    reply: {
      text: response.fulfillmentText ?? ssmlToText(ssml),
      ssml,
      // ES fulfilment has no reprompt: the agent's own no-input handling speaks, if any.
      reprompt: null,
      endSession: response.payload?.google?.expectUserResponse === false,
      card: lines.length > 1 ? { type: 'text', text: lines.slice(1).join('\n') } : null,
    },
    carry: contexts,
    awaiting: ask ? { intent: ask.intent, slot: ask.slot } : undefined,
    hasReprompts: false,
  };
}

/** Dialogflow ES, through the adapter's fulfillment handler. */
export function createDialogflowEsBridge(handler: WebhookHandler): PlatformBridge {
  return {
    name: 'dialogflow-es',
    label: 'Dialogflow ES',
    buildRequest,
    send: (request) => handler(request, {}),
    readResponse,
  };
}
