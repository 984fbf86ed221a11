/**
 * Dialogflow CX webhook requests built as a CX agent (exported from our language model) would
 * send them: the intent's tag, its parameters, the session parameters CX carries, and, when the
 * skill asked for a slot, the Ask page's filled form. The webhook response is read back.
 */
import { askPageFor, askPages } from '../ask-pages';
import type { CxWebhookResponse } from '../cx-types';
import { WELCOME } from '../../dialogflow-common/intent-names';
import { CX_REPROMPT_PARAMETER } from '../../dialogflow-common/session-state';
import { stableUuid } from '../../dialogflow-common/stable-uuid';
import type { WebhookHandler } from '../../dialogflow-common/webhook';
import type { LanguageModel } from '../../../language-model/language-model';
import { FALLBACK } from '../../../core/intents';
import { ssmlToText } from '../../../simulator/ssml-text';
import { dialogflowValue } from '../../dialogflow-common/simulator/dialogflow-values';
import type { PlatformBridge, PlatformOutcome, SimulatedTurn } from '../../../simulator/platform-bridge';

const AGENT = 'projects/council-voice-simulator/locations/europe-west2/agents/simulator';
const FLOW = `${AGENT}/flows/00000000-0000-0000-0000-000000000000`;
/** The session parameter the simulator's CX handler reads the account-link token from. */
export const CX_TOKEN_PARAMETER = 'account_token';

interface CxCarry {
  parameters: Record<string, unknown>;
  currentPage: string;
}

function buildRequest(turn: SimulatedTurn, model: LanguageModel): unknown {
  // CX sends nothing to the webhook when a conversation just stops.
  if (turn.kind === 'end') return undefined;
  const carry = (turn.carry ?? { parameters: {}, currentPage: `${FLOW}/pages/START_PAGE` }) as CxCarry;
  const parameters: Record<string, unknown> = { ...carry.parameters };
  if (turn.accessToken) parameters[CX_TOKEN_PARAMETER] = turn.accessToken;
  const request: Record<string, unknown> = {
    detectIntentResponseId: turn.requestId,
    languageCode: turn.locale.toLowerCase(),
    text: turn.text ?? '',
    payload: { userId: turn.userId },
  };
  let currentPage = carry.currentPage;
  let pageName = currentPage.endsWith('/pages/START_PAGE') ? 'Start Page' : 'Ask page';
  if (turn.kind === 'launch') {
    request.fulfillmentInfo = { tag: WELCOME };
    request.intentInfo = { lastMatchedIntent: `${AGENT}/intents/00000000-0000-0000-0000-000000000000`, displayName: 'Default Welcome Intent', confidence: 1 };
  } else if (turn.answers) {
    // On the Ask page: the form collects the slot, and the page's route calls the webhook.
    const { intent, slot } = turn.answers;
    const value = turn.slots[slot];
    const page = askPageFor(intent, slot);
    currentPage = `${FLOW}/pages/${page.id}`;
    pageName = page.displayName;
    request.fulfillmentInfo = { tag: intent };
    const resolved = value ? dialogflowValue(model, intent, slot, value, 'cx') : undefined;
    request.pageInfo = { formInfo: { parameterInfo: [{ displayName: slot, required: true, state: value ? 'FILLED' : 'EMPTY', value: resolved, justCollected: true }] } };
    if (value) parameters[slot] = resolved;
  } else if (turn.intent && turn.intent !== FALLBACK) {
    const name = turn.intent;
    const intentParameters: Record<string, { originalValue: string; resolvedValue: unknown }> = {};
    for (const [slot, value] of Object.entries(turn.slots)) {
      const resolved = dialogflowValue(model, turn.intent, slot, value, 'cx');
      intentParameters[slot] = { originalValue: value.value, resolvedValue: resolved };
      parameters[slot] = resolved;
    }
    request.fulfillmentInfo = { tag: name };
    request.intentInfo = { lastMatchedIntent: `${AGENT}/intents/${stableUuid(`cx-intent:${name}`)}`, displayName: name, confidence: turn.confidence ?? 1, parameters: intentParameters };
  }
  // A no-match reaches the webhook with neither tag nor intent: the skill's fallback answers it.
  request.pageInfo = { currentPage, displayName: pageName, ...(request.pageInfo as object | undefined) };
  request.sessionInfo = { session: `${AGENT}/sessions/${turn.sessionId}`, parameters };
  return request;
}

function readResponse(body: unknown, turn: SimulatedTurn, model: LanguageModel): PlatformOutcome {
  const response = (body ?? {}) as CxWebhookResponse;
  const messages = response.fulfillmentResponse?.messages ?? [];
  const ssml = messages.flatMap((m) => ('outputAudioText' in m ? [m.outputAudioText.ssml] : []))[0] ?? '';
  const texts = messages.flatMap((m) => ('text' in m ? m.text.text : []));
  const returned = response.sessionInfo?.parameters ?? {};
  const before = ((turn.carry ?? { parameters: {} }) as CxCarry).parameters;
  // CX merges returned parameters into the session; a null deletes one.
  const parameters: Record<string, unknown> = { ...before };
  for (const [name, value] of Object.entries(returned)) {
    if (value === null) delete parameters[name];
    else parameters[name] = value;
  }
  const target = response.targetPage ?? `${FLOW}/pages/START_PAGE`;
  const pageId = target.slice(target.lastIndexOf('/') + 1);
  const ask = askPages(model).find((page) => page.id === pageId);
  const reprompt = returned[CX_REPROMPT_PARAMETER];
  return {
    reply: {
      text: texts[0] ?? ssmlToText(ssml),
      ssml,
      reprompt: typeof reprompt === 'string' && reprompt !== '' ? reprompt : null,
      endSession: target.endsWith('/pages/END_SESSION'),
      card: texts.length > 1 ? { type: 'text', text: texts.slice(1).join('\n') } : null,
    },
    carry: { parameters, currentPage: target.endsWith('/pages/END_SESSION') ? `${FLOW}/pages/START_PAGE` : target } satisfies CxCarry,
    awaiting: ask ? { intent: ask.intent, slot: ask.slot } : undefined,
    hasReprompts: true,
  };
}

/** Dialogflow CX, through the adapter's webhook handler. */
export function createDialogflowCxBridge(handler: WebhookHandler): PlatformBridge {
  return {
    name: 'dialogflow-cx',
    label: 'Dialogflow CX',
    buildRequest,
    send: (request) => handler(request, {}),
    readResponse,
  };
}
