/**
 * The AWS Lambda entry for the Dialogflow CX and ES webhooks behind an HTTP API (payload 2.0):
 * POST /dialogflow/cx and POST /dialogflow/es. The URLs are public, so every call has its caller
 * checked exactly as on the local server (voice-pipeline.ts). Composed on the first invocation and
 * reused while the container lives.
 */
// Straight from the handlers' files: the adapter's index also exports its Express routes.
import { createCxHandler } from '../adapters/google/dialogflow-cx/cx-handler';
import { createEsHandler } from '../adapters/google/dialogflow-es/es-handler';
import { assertSafeStartup, cxCallerFromConfig, esCallerFromConfig } from '../security';
import {
  createDialogflowRoute, DIALOGFLOW_ANSWERS, MAX_VOICE_BODY_BYTES, type VoiceAnswer, type VoiceRoute,
} from '../server/voice-pipeline';
import { compose } from './compose';
import { languageModelFor } from './lambda-assets';
import { loadLambdaConfig } from './lambda-config';

/** The parts of an API Gateway HTTP API (payload format 2.0) event the webhooks read. */
export interface HttpApiEvent {
  routeKey?: string;
  rawPath?: string;
  headers?: Record<string, string | undefined>;
  body?: string;
  isBase64Encoded?: boolean;
}

export interface HttpApiResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

let routes: Map<string, VoiceRoute> | undefined;

function createRoutes(): Map<string, VoiceRoute> {
  // Refuses to serve with SKIP_REQUEST_VERIFICATION in production (serverless.yml sets NODE_ENV).
  const { skipRequestVerification } = assertSafeStartup();
  const config = loadLambdaConfig();
  const composition = compose({ config });
  const { logger, skill } = composition;
  const google = { councilWebsite: config.council.website, logger, model: languageModelFor('en-GB') };
  return new Map([
    ['/dialogflow/cx', createDialogflowRoute(createCxHandler(skill, google), { logger, caller: skipRequestVerification ? undefined : cxCallerFromConfig(config) })],
    ['/dialogflow/es', createDialogflowRoute(createEsHandler(skill, google), { logger, caller: skipRequestVerification ? undefined : esCallerFromConfig(config) })],
  ]);
}

function toResult({ status, body }: VoiceAnswer): HttpApiResult {
  return { statusCode: status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body) };
}

/** The route's path: from the route key ("POST /dialogflow/cx"), which no stage prefix changes. */
function pathOf(event: HttpApiEvent): string | undefined {
  return event.routeKey?.split(' ')[1] ?? event.rawPath;
}

/** Answers one webhook call. */
export async function handler(event: HttpApiEvent): Promise<HttpApiResult> {
  routes ??= createRoutes();
  const route = routes.get(pathOf(event) ?? '');
  if (!route) return toResult({ status: 404, body: { error: 'Not found.' } });
  const body = Buffer.from(event.body ?? '', event.isBase64Encoded ? 'base64' : 'utf8');
  if (body.length > MAX_VOICE_BODY_BYTES) return toResult(DIALOGFLOW_ANSWERS.tooLarge);
  return toResult(await route({ headers: event.headers ?? {}, body }));
}
