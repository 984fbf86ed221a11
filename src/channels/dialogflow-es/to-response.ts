/**
 * Translate out: a Reply becomes a Dialogflow ES fulfillment response. The words go out three
 * ways so every ES integration finds them: `fulfillmentText` and a text message (Messenger,
 * telephony, the console) and the Assistant's `payload.google` rich response, whose
 * `expectUserResponse: false` is the one end-of-conversation signal ES fulfillment has. State
 * rides in a context; asking for a slot sets that slot's await context for one turn.
 */
import type { Reply } from '../../core/reply';
import { awaitedSlot } from '../dialogflow-common/awaited-slot';
import { linkAccountLines } from '../dialogflow-common/link-account';
import type { SlotReader } from '../dialogflow-common/read-slots';
import { renderSpeech } from '../dialogflow-common/render-speech';
import { encodeState, ES_STATE_CONTEXT, ES_STATE_LIFESPAN } from '../dialogflow-common/session-state';
import { askContextFor } from './ask-contexts';
import type { EsContext, EsMessage, EsWebhookRequest, EsWebhookResponse } from './es-types';

export interface EsToResponseDeps {
  slots: SlotReader;
  councilWebsite?: string;
}

function contextsFor(reply: Reply, request: EsWebhookRequest, slots: SlotReader): EsContext[] {
  const name = (id: string) => `${request.session}/contexts/${id}`;
  // Ending: a lifespan of 0 deletes the state, so a new conversation starts clean.
  if (reply.endSession) return [{ name: name(ES_STATE_CONTEXT), lifespanCount: 0 }];
  const contexts: EsContext[] = [
    { name: name(ES_STATE_CONTEXT), lifespanCount: ES_STATE_LIFESPAN, parameters: { state: encodeState(reply.session) } },
  ];
  const asked = awaitedSlot(reply, slots);
  if (asked) contexts.push({ name: name(askContextFor(asked.intent, asked.slot).context), lifespanCount: 1 });
  return contexts;
}

export function toEsResponse(reply: Reply, request: EsWebhookRequest, deps: EsToResponseDeps): EsWebhookResponse {
  const { ssml, text } = renderSpeech(reply.speech);
  const messages: EsMessage[] = [{ text: { text: [text] } }];
  for (const line of linkAccountLines(reply, deps.councilWebsite)) messages.push({ text: { text: [line] } });
  return {
    fulfillmentText: text,
    fulfillmentMessages: messages,
    payload: {
      google: {
        expectUserResponse: !reply.endSession,
        richResponse: { items: [{ simpleResponse: { textToSpeech: ssml, displayText: text } }] },
      },
    },
    outputContexts: contextsFor(reply, request, deps.slots),
  };
}
