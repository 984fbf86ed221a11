/**
 * Real-shape Dialogflow requests from test/fixtures, and what Dialogflow itself does between
 * two webhook calls: CX merges the response's session parameters (null deletes) and moves to
 * its target page; ES keeps the output contexts whose lifespan has not run out.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CxWebhookRequest, CxWebhookResponse } from '../../../src/channels/dialogflow-cx/cx-types';
import type { EsWebhookRequest, EsWebhookResponse } from '../../../src/channels/dialogflow-es/es-types';

const FIXTURES = path.resolve(__dirname, '../../fixtures');

export function cxFixture(name: string): CxWebhookRequest {
  return JSON.parse(readFileSync(path.join(FIXTURES, 'dialogflow-cx', `${name}.json`), 'utf8')) as CxWebhookRequest;
}

export function esFixture(name: string): EsWebhookRequest {
  return JSON.parse(readFileSync(path.join(FIXTURES, 'dialogflow-es', `${name}.json`), 'utf8')) as EsWebhookRequest;
}

/** The next CX request: `template`'s utterance, in the session the last response left behind. */
export function continueCx(template: CxWebhookRequest, last: { request: CxWebhookRequest; response: CxWebhookResponse }): CxWebhookRequest {
  const kept: Record<string, unknown> = { ...(last.request.sessionInfo.parameters ?? {}) };
  for (const [name, value] of Object.entries(last.response.sessionInfo?.parameters ?? {})) {
    if (value === null) delete kept[name];
    else kept[name] = value;
  }
  // The template's own parameters are what this utterance filled; the session's state wins over its placeholder.
  const parameters = { ...(template.sessionInfo.parameters ?? {}), ...kept };
  const next: CxWebhookRequest = { ...template, sessionInfo: { session: last.request.sessionInfo.session, parameters } };
  const target = last.response.targetPage;
  // A template on an Ask page stands for "the resident answered on the page the webhook chose".
  if (target && template.pageInfo?.currentPage?.includes('/pages/ASK_PAGE_ID')) {
    next.pageInfo = { ...template.pageInfo, currentPage: target };
  }
  return next;
}

/** The next ES request: `template`'s utterance, with the contexts still alive after the last turn. */
export function continueEs(template: EsWebhookRequest, last: { request: EsWebhookRequest; response: EsWebhookResponse }): EsWebhookRequest {
  const session = last.request.session;
  const rename = (name: string) => `${session}/contexts/${name.slice(name.lastIndexOf('/') + 1)}`;
  const alive = new Map<string, { name: string; lifespanCount?: number; parameters?: Record<string, unknown> }>();
  // The template's contexts are this utterance's; contexts the session carries win over its placeholders.
  for (const context of template.queryResult.outputContexts ?? []) alive.set(rename(context.name), { ...context, name: rename(context.name) });
  for (const context of last.request.queryResult.outputContexts ?? []) {
    const lifespan = (context.lifespanCount ?? 1) - 1;
    if (lifespan > 0) alive.set(context.name, { ...context, lifespanCount: lifespan });
  }
  for (const context of last.response.outputContexts) {
    if (context.lifespanCount > 0) alive.set(context.name, context);
    else alive.delete(context.name);
  }
  return { ...template, session, queryResult: { ...template.queryResult, outputContexts: [...alive.values()] } };
}
