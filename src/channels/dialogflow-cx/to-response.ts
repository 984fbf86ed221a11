/**
 * Translate out: a Reply becomes a Dialogflow CX webhook response. What to say goes in
 * `fulfillmentResponse` (SSML for voice, plain text for chat); the skill's state in session
 * parameters; and what happens next in `targetPage`: an Ask page to collect a slot, the special
 * END_SESSION page to end, or back to the flow's start page.
 */
import type { Reply } from '../../core/reply';
import { toPlainText } from '../../core/speech';
import { awaitedSlot } from '../dialogflow-common/awaited-slot';
import { linkAccountLines } from '../dialogflow-common/link-account';
import type { SlotReader } from '../dialogflow-common/read-slots';
import { renderSpeech } from '../dialogflow-common/render-speech';
import { CX_REPROMPT_PARAMETER, CX_STATE_PARAMETER, encodeState } from '../dialogflow-common/session-state';
import { askPageFor, flowPathOf } from './ask-pages';
import type { CxResponseMessage, CxWebhookRequest, CxWebhookResponse } from './cx-types';

export interface CxToResponseDeps {
  slots: SlotReader;
  /** Every slot name in the language model: CX copies them into session parameters. */
  slotParameters: readonly string[];
  councilWebsite?: string;
}

function messagesFor(reply: Reply, website: string | undefined): CxResponseMessage[] {
  const { ssml, text } = renderSpeech(reply.speech);
  const messages: CxResponseMessage[] = [{ outputAudioText: { ssml } }, { text: { text: [text] } }];
  for (const line of linkAccountLines(reply, website)) messages.push({ text: { text: [line] } });
  return messages;
}

/**
 * Session parameters to write. Intent and form parameters land in the session too; clearing
 * them each turn stops an old answer from filling the next Ask page's form by itself.
 */
function parametersFor(reply: Reply, request: CxWebhookRequest, slotParameters: readonly string[]): Record<string, unknown> {
  const parameters: Record<string, unknown> = {};
  const current = request.sessionInfo.parameters ?? {};
  for (const name of slotParameters) {
    if (name in current) parameters[name] = null;
  }
  if (reply.endSession) {
    parameters[CX_STATE_PARAMETER] = null;
    parameters[CX_REPROMPT_PARAMETER] = null;
  } else {
    parameters[CX_STATE_PARAMETER] = encodeState(reply.session);
    parameters[CX_REPROMPT_PARAMETER] = reply.reprompt ? toPlainText(reply.reprompt) : null;
  }
  return parameters;
}

function targetPageFor(reply: Reply, request: CxWebhookRequest, slots: SlotReader): string | undefined {
  const currentPage = request.pageInfo?.currentPage;
  const flow = flowPathOf(currentPage, request.sessionInfo.session);
  if (!flow) return undefined;
  if (reply.endSession) return `${flow}/pages/END_SESSION`;
  const asked = awaitedSlot(reply, slots);
  if (asked) return `${flow}/pages/${askPageFor(asked.intent, asked.slot).id}`;
  if (currentPage && !currentPage.endsWith('/pages/START_PAGE')) return `${flow}/pages/START_PAGE`;
  return undefined;
}

export function toCxResponse(reply: Reply, request: CxWebhookRequest, deps: CxToResponseDeps): CxWebhookResponse {
  const response: CxWebhookResponse = {
    fulfillmentResponse: { messages: messagesFor(reply, deps.councilWebsite), mergeBehavior: 'REPLACE' },
    sessionInfo: { parameters: parametersFor(reply, request, deps.slotParameters) },
  };
  const targetPage = targetPageFor(reply, request, deps.slots);
  if (targetPage) response.targetPage = targetPage;
  return response;
}
