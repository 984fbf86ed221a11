/**
 * The parts of Dialogflow CX's webhook JSON (v3 WebhookRequest / WebhookResponse) this adapter
 * reads and writes. Field names are Google's; see
 * https://cloud.google.com/dialogflow/cx/docs/reference/rest/v3/WebhookRequest.
 */
import { z } from 'zod';

const parameterValueSchema = z.object({
  originalValue: z.string().optional(),
  resolvedValue: z.unknown(),
}).loose();

const parameterInfoSchema = z.object({
  displayName: z.string(),
  required: z.boolean().optional(),
  state: z.string().optional(),
  value: z.unknown(),
  justCollected: z.boolean().optional(),
}).loose();

/** What a well-formed request must have for us to answer it; anything else gets 400. */
export const cxWebhookRequestSchema = z.object({
  detectIntentResponseId: z.string().optional(),
  languageCode: z.string().optional(),
  fulfillmentInfo: z.object({ tag: z.string().optional() }).loose().optional(),
  intentInfo: z.object({
    lastMatchedIntent: z.string().optional(),
    displayName: z.string().optional(),
    confidence: z.number().optional(),
    parameters: z.record(z.string(), parameterValueSchema).optional(),
  }).loose().optional(),
  pageInfo: z.object({
    currentPage: z.string().optional(),
    displayName: z.string().optional(),
    formInfo: z.object({ parameterInfo: z.array(parameterInfoSchema).optional() }).loose().optional(),
  }).loose().optional(),
  sessionInfo: z.object({
    session: z.string().min(1),
    parameters: z.record(z.string(), z.unknown()).optional(),
  }).loose(),
  text: z.string().optional(),
  transcript: z.string().optional(),
  payload: z.record(z.string(), z.unknown()).optional(),
}).loose();

export type CxWebhookRequest = z.infer<typeof cxWebhookRequestSchema>;

export type CxResponseMessage =
  | { text: { text: string[] } }
  | { outputAudioText: { ssml: string } }
  | { payload: Record<string, unknown> };

export interface CxWebhookResponse {
  fulfillmentResponse?: { messages: CxResponseMessage[]; mergeBehavior?: 'APPEND' | 'REPLACE' };
  sessionInfo?: { parameters: Record<string, unknown> };
  /** `projects/…/flows/<flow>/pages/<page>`; `END_SESSION` and `START_PAGE` are special pages. */
  targetPage?: string;
  payload?: Record<string, unknown>;
}
