/**
 * Drives the Dialogflow CX adapter as a CX agent built from our model would: intent routes send
 * the intent's parameters; on an Ask page, the resident's answer arrives as the page's filled
 * form parameter; session parameters are merged as CX merges them (null deletes).
 */
import { askPages } from '../../src/channels/dialogflow-cx/ask-pages';
import { createCxHandler } from '../../src/channels/dialogflow-cx/cx-handler';
import type { CxWebhookRequest, CxWebhookResponse } from '../../src/channels/dialogflow-cx/cx-types';
import { DEFAULT_WELCOME_INTENT, WELCOME } from '../../src/channels/dialogflow-common/intent-names';
import { CX_STATE_PARAMETER } from '../../src/channels/dialogflow-common/session-state';
import { type Skill } from '../../src/core/skill';
import { FALLBACK } from '../../src/core/intents';
import { loadLanguageModel } from '../../src/language-model/load-language-model';
import { confirmAsked } from './google-asks';
import { isLaunch, neutralReply, type NeutralReply, type PlatformDriver, type SpokenSlot, type Step } from './neutral';

const AGENT = 'projects/demo-council-voice/locations/europe-west2/agents/4c2b8a1e-7d5f-4a0b-9e61-2f3c8d7a9b10';
const FLOW = `${AGENT}/flows/00000000-0000-0000-0000-000000000000`;
const SESSION_ID = 'dfMessenger-parity-0001';

function resolved(spoken: SpokenSlot): string {
  return spoken.id ?? spoken.value;
}

export function createCxDriver(skill: Skill): PlatformDriver {
  const handler = createCxHandler(skill);
  const pages = askPages(loadLanguageModel('en-GB'));
  let parameters: Record<string, unknown> = {};
  let currentPage = `${FLOW}/pages/START_PAGE`;
  let count = 0;

  function requestFor(step: Step): CxWebhookRequest {
    count += 1;
    const base = { detectIntentResponseId: `parity-cx-${count}`, languageCode: 'en-gb', text: 'resident words' };
    const session = `${AGENT}/sessions/${SESSION_ID}`;
    if (isLaunch(step)) {
      return { ...base, intentInfo: { lastMatchedIntent: `${AGENT}/intents/00000000-0000-0000-0000-000000000000`, displayName: DEFAULT_WELCOME_INTENT, confidence: 1 }, pageInfo: { currentPage }, sessionInfo: { session, parameters }, fulfillmentInfo: { tag: WELCOME } };
    }
    const tag = step.intent;
    if (step.intent === FALLBACK) {
      return { ...base, pageInfo: { currentPage }, sessionInfo: { session, parameters }, fulfillmentInfo: { tag } };
    }
    const slots = Object.entries(step.slots ?? {});
    const page = pages.find((p) => `${FLOW}/pages/${p.id}` === currentPage);
    if (page && page.intent === step.intent && slots.length === 1 && slots[0]?.[0] === page.slot) {
      const value = resolved(slots[0][1]);
      return {
        ...base,
        pageInfo: { currentPage, displayName: page.displayName, formInfo: { parameterInfo: [{ displayName: page.slot, required: true, state: 'FILLED', value, justCollected: true }] } },
        sessionInfo: { session, parameters: { ...parameters, [page.slot]: value } },
        fulfillmentInfo: { tag },
      };
    }
    const intentParameters = Object.fromEntries(slots.map(([name, spoken]) => [name, { originalValue: spoken.value, resolvedValue: resolved(spoken) }]));
    const copied = Object.fromEntries(slots.map(([name, spoken]) => [name, resolved(spoken)]));
    return {
      ...base,
      intentInfo: { lastMatchedIntent: `${AGENT}/intents/${tag}`, displayName: tag, confidence: 0.9, parameters: intentParameters },
      pageInfo: { currentPage },
      sessionInfo: { session, parameters: { ...parameters, ...copied } },
      fulfillmentInfo: { tag },
    };
  }

  function neutral(request: CxWebhookRequest, response: CxWebhookResponse): NeutralReply {
    parameters = { ...(request.sessionInfo.parameters ?? {}) };
    for (const [name, value] of Object.entries(response.sessionInfo?.parameters ?? {})) {
      if (value === null) delete parameters[name];
      else parameters[name] = value;
    }
    const target = response.targetPage;
    const endSession = target?.endsWith('/pages/END_SESSION') ?? false;
    currentPage = endSession || !target ? (endSession ? `${FLOW}/pages/START_PAGE` : currentPage) : target;
    const audio = response.fulfillmentResponse?.messages.find((m) => 'outputAudioText' in m);
    const speech = audio && 'outputAudioText' in audio ? audio.outputAudioText.ssml : '';
    const page = pages.find((p) => `${FLOW}/pages/${p.id}` === target);
    const asks = page ? `slot:${page.intent}.${page.slot}` : confirmAsked(parameters[CX_STATE_PARAMETER]);
    return neutralReply(speech, endSession, asks);
  }

  return {
    name: 'Dialogflow CX',
    userId: SESSION_ID,
    async send(step) {
      const request = requestFor(step);
      const result = await handler(request);
      if (result.status !== 200) throw new Error(`CX webhook answered ${result.status}: ${JSON.stringify(result.body)}`);
      return neutral(request, result.body as CxWebhookResponse);
    },
  };
}
