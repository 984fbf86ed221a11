/** The Google adapter: Dialogflow CX and ES webhooks over the same skill. */
export { createCxHandler, type CxHandlerOptions } from './dialogflow-cx/cx-handler';
export { createEsHandler, type EsHandlerOptions } from './dialogflow-es/es-handler';
export type { WebhookHandler, WebhookResult } from './webhook';
