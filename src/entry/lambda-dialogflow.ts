/**
 * The AWS Lambda entry for the Dialogflow CX and ES webhooks behind an HTTP API (payload 2.0):
 * POST /dialogflow/cx and POST /dialogflow/es. The URLs are public, so every call has its caller
 * checked exactly as on the local server (src/channels/shared/voice-endpoint.ts). Composed on the first invocation and
 * reused while the container lives.
 */
import { assertSafeStartup } from '../security';
import { createGoogleEndpoints } from '../channels/dialogflow-common/dialogflow-endpoints';
import { answerWholeRequest, type VoiceAnswer, type VoiceEndpoint } from '../channels/shared/voice-endpoint';
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

let endpoints: Map<string, VoiceEndpoint> | undefined;

function createEndpoints(): Map<string, VoiceEndpoint> {
  // Refuses to serve with SKIP_REQUEST_VERIFICATION in production (serverless.yml sets NODE_ENV).
  const { skipRequestVerification } = assertSafeStartup();
  const config = loadLambdaConfig();
  const composition = compose({ config });
  return new Map(createGoogleEndpoints(composition, { skipRequestVerification, model: languageModelFor('en-GB') }));
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
  endpoints ??= createEndpoints();
  const endpoint = endpoints.get(pathOf(event) ?? '');
  if (!endpoint) return toResult({ status: 404, body: { error: 'Not found.' } });
  const body = Buffer.from(event.body ?? '', event.isBase64Encoded ? 'base64' : 'utf8');
  // API Gateway has the whole body already; the length is what the local server would have seen.
  const headers = { ...event.headers, 'content-length': String(body.length) };
  return toResult(await answerWholeRequest(endpoint, headers, body));
}
