/**
 * The parts of Dialogflow ES's fulfillment JSON (v2 WebhookRequest / WebhookResponse) this codec
 * reads and writes, including the `payload.google` block the Assistant integration used; see
 * https://cloud.google.com/dialogflow/es/docs/reference/rest/v2/WebhookRequest.
 */
import { z } from 'zod';

const contextSchema = z.object({
  name: z.string(),
  lifespanCount: z.number().optional(),
  parameters: z.record(z.string(), z.unknown()).optional(),
}).loose();

/** What a well-formed request must have for us to answer it; anything else gets 400. */
export const esWebhookRequestSchema = z.object({
  responseId: z.string().optional(),
  session: z.string().min(1),
  queryResult: z.object({
    queryText: z.string().optional(),
    action: z.string().optional(),
    parameters: z.record(z.string(), z.unknown()).optional(),
    outputContexts: z.array(contextSchema).optional(),
    intent: z.object({
      name: z.string().optional(),
      displayName: z.string().optional(),
      isFallback: z.boolean().optional(),
    }).loose().optional(),
    languageCode: z.string().optional(),
  }).loose(),
  originalDetectIntentRequest: z.object({
    source: z.string().optional(),
    version: z.string().optional(),
    payload: z.record(z.string(), z.unknown()).optional(),
  }).loose().optional(),
}).loose();

export type EsWebhookRequest = z.infer<typeof esWebhookRequestSchema>;

// A type rather than an interface, so a response's contexts can be fed back as a request's.
export type EsContext = {
  /** `projects/<project>/agent/sessions/<session>/contexts/<id>` */
  name: string;
  lifespanCount: number;
  parameters?: Record<string, unknown>;
};

export type EsMessage = { text: { text: string[] } };

export interface EsWebhookResponse {
  fulfillmentText: string;
  fulfillmentMessages: EsMessage[];
  payload: {
    google: {
      expectUserResponse: boolean;
      richResponse: { items: { simpleResponse: { textToSpeech: string; displayText?: string } }[] };
    };
  };
  outputContexts: EsContext[];
}
