/**
 * Drives the Dialogflow ES codec as an ES agent built from our model would: each intent sends
 * its action and every parameter ("" when unfilled, what was said as `.original`); while an
 * await context is alive, a bare answer matches the slot's "Ask" intent; contexts age by one
 * each turn, and a lifespan of 0 deletes one.
 */
import { askContextFor } from '../../src/channels/dialogflow-es/ask-contexts';
import { createEsHandler } from '../../src/channels/dialogflow-es/es-handler';
import type { EsContext, EsWebhookRequest, EsWebhookResponse } from '../../src/channels/dialogflow-es/es-types';
import { DEFAULT_FALLBACK_INTENT, DEFAULT_WELCOME_INTENT, ES_FALLBACK_ACTION, ES_WELCOME_ACTION } from '../../src/channels/dialogflow-common/intent-names';
import { ES_STATE_CONTEXT } from '../../src/channels/dialogflow-common/session-state';
import { type Skill } from '../../src/core/skill';
import { FALLBACK } from '../../src/core/intents';
import { loadLanguageModel } from '../../src/language-model/load-language-model';
import { confirmAsked } from './google-asks';
import { isLaunch, neutralReply, type NeutralReply, type PlatformDriver, type Step } from './neutral';

const SESSION = 'projects/demo-council-voice/agent/sessions/ABwppHParity0001';
const GOOGLE_USER = 'ABwppHFqParityUser01';

export function createEsDriver(skill: Skill): PlatformDriver {
  const handler = createEsHandler(skill);
  const model = loadLanguageModel('en-GB');
  let contexts = new Map<string, EsContext>();
  let count = 0;
  const contextName = (id: string) => `${SESSION}/contexts/${id}`;

  function queryFor(step: Step): Pick<EsWebhookRequest['queryResult'], 'action' | 'intent' | 'parameters'> & { counters: Record<string, unknown> } {
    if (isLaunch(step)) return { action: ES_WELCOME_ACTION, intent: { displayName: DEFAULT_WELCOME_INTENT }, parameters: {}, counters: {} };
    if (step.intent === FALLBACK) return { action: ES_FALLBACK_ACTION, intent: { displayName: DEFAULT_FALLBACK_INTENT, isFallback: true }, parameters: {}, counters: {} };
    const action = step.intent;
    const given = Object.entries(step.slots ?? {});
    const only = given.length === 1 ? given[0] : undefined;
    const ask = only ? askContextFor(step.intent, only[0]) : undefined;
    const answersAsk = ask !== undefined && contexts.has(contextName(ask.context));
    const names = answersAsk ? given.map(([name]) => name) : (model.intents.find((i) => i.name === step.intent)?.slots.map((s) => s.name) ?? given.map(([name]) => name));
    const parameters: Record<string, unknown> = {};
    const counters: Record<string, unknown> = {};
    for (const name of names) {
      const spoken = step.slots?.[name];
      parameters[name] = spoken ? (spoken.id ?? spoken.value) : '';
      counters[name] = parameters[name];
      counters[`${name}.original`] = spoken?.value ?? '';
    }
    return { action, intent: { displayName: answersAsk && ask ? ask.intentName : action }, parameters, counters };
  }

  function requestFor(step: Step): EsWebhookRequest {
    count += 1;
    const { counters, ...query } = queryFor(step);
    const outputContexts: NonNullable<EsWebhookRequest['queryResult']['outputContexts']> = [
      ...contexts.values(),
      { name: contextName('__system_counters__'), parameters: { 'no-input': 0, 'no-match': 0, ...counters } },
    ];
    return {
      responseId: `parity-es-${count}`,
      session: SESSION,
      queryResult: { queryText: 'resident words', allRequiredParamsPresent: true, outputContexts, intentDetectionConfidence: 1, languageCode: 'en-gb', ...query },
      originalDetectIntentRequest: { source: 'google', version: '2', payload: { user: { locale: 'en-GB', userVerificationStatus: 'VERIFIED', userId: GOOGLE_USER } } },
    };
  }

  function neutral(response: EsWebhookResponse): NeutralReply {
    const aged = new Map<string, EsContext>();
    for (const [name, context] of contexts) if (context.lifespanCount > 1) aged.set(name, { ...context, lifespanCount: context.lifespanCount - 1 });
    for (const context of response.outputContexts) {
      if (context.lifespanCount > 0) aged.set(context.name, context);
      else aged.delete(context.name);
    }
    contexts = aged;
    const asked = response.outputContexts.find((c) => c.lifespanCount > 0 && c.name.includes('/contexts/await_'));
    const slot = asked && model.intents.flatMap((i) => i.slots.map((s) => ({ intent: i.name, slot: s.name })))
      .find((a) => contextName(askContextFor(a.intent, a.slot).context) === asked.name);
    const asks = slot ? `slot:${slot.intent}.${slot.slot}` : confirmAsked(contexts.get(contextName(ES_STATE_CONTEXT))?.parameters?.state);
    const speech = response.payload.google.richResponse.items[0]?.simpleResponse.textToSpeech ?? '';
    return neutralReply(speech, !response.payload.google.expectUserResponse, asks);
  }

  return {
    name: 'Dialogflow ES',
    userId: GOOGLE_USER,
    async send(step) {
      const result = await handler(requestFor(step));
      if (result.status !== 200) throw new Error(`ES webhook answered ${result.status}: ${JSON.stringify(result.body)}`);
      return neutral(result.body as EsWebhookResponse);
    },
  };
}
