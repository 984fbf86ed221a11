/** The Google adapter: Dialogflow CX and ES webhooks over the same skill. */
export { createCxHandler, type CxHandlerOptions } from './dialogflow-cx/cx-handler';
export { createEsHandler, type EsHandlerOptions } from './dialogflow-es/es-handler';
export { createDialogflowRoute, type CallerCheck, type DialogflowRouteOptions } from './routes';
export type { WebhookHandler, WebhookResult } from './webhook';
