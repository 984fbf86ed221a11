/**
 * What the CX and ES handlers share: their call shape (JSON body and headers in, status and JSON
 * body out, so the Express route, the simulator and the tests drive the same function), and the
 * options a council composes them with.
 */
import type { Logger } from '../../core/logger';
import type { LanguageModel } from '../../language-model/language-model';
import { loadLanguageModel } from '../../language-model/load-language-model';
import { createSlotReader, type SlotReader } from './read-slots';

export type WebhookHeaders = Record<string, string | string[] | undefined>;

export interface WebhookResult {
  status: number;
  body: unknown;
}

/** One Dialogflow webhook: never throws; a malformed body is a 400, a bug a 500. */
export type WebhookHandler = (body: unknown, headers?: WebhookHeaders) => Promise<WebhookResult>;

export interface GoogleAdapterOptions {
  /** The language model the agent was built from (default: en-GB from interaction-models/source). */
  model?: LanguageModel;
  /** Shown in chat when the resident is asked to link their council account. */
  councilWebsite?: string;
  logger?: Logger;
}

/** What both handlers derive from the language model once, at start-up. */
export interface ModelFacts {
  slots: SlotReader;
  /** Every slot name in the model, sorted. */
  slotParameters: string[];
}

export function readModelFacts(model: LanguageModel = loadLanguageModel('en-GB')): ModelFacts {
  const names = new Set(model.intents.flatMap((intent) => intent.slots.map((slot) => slot.name)));
  return { slots: createSlotReader(model), slotParameters: [...names].sort() };
}

/** The 400 answer for a body that is not the platform's webhook request. */
export function malformed(platform: string, issue: { path: PropertyKey[]; message: string } | undefined): WebhookResult {
  const where = issue && issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
  return { status: 400, body: { error: `not a ${platform} webhook request`, detail: `${where}${issue?.message ?? 'not a JSON object'}` } };
}

export const INTERNAL_ERROR: WebhookResult = { status: 500, body: { error: 'the webhook could not answer' } };
