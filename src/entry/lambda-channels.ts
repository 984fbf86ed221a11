/**
 * How a channel is served on AWS Lambda, for the channels' own Lambda entries
 * (src/channels/<name>/lambda.ts). The application is composed on the first invocation and reused
 * while the container lives, so only a cold start pays for it; only the channels a function
 * serves are built in it.
 */
import type { ChannelContext, ChannelServing, VoiceRoute } from '../channels/channel';
import { createChannelContext } from '../channels/channel-context';
import { answerWholeRequest, type VoiceAnswer, type VoiceEndpoint } from '../channels/shared/voice-endpoint';
import { assertSafeStartup } from '../security/startup';
import type { Composition } from '../server/composition';
import { compose } from './compose';
import { languageModelFor } from './lambda-assets';
import { loadLambdaDeployment } from './lambda-config';

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

/** The composition, once per container. The config travels in the bundle: there is no repository on Lambda. */
let composition: Composition | undefined;

function composeOnce(): Composition {
  return (composition ??= compose({ deployment: loadLambdaDeployment() }));
}

function contextFor(channel: ChannelServing, skipRequestVerification: boolean) {
  return createChannelContext(composeOnce(), channel.name, { skipRequestVerification, loadModel: () => languageModelFor('en-GB') });
}

/**
 * A handler for events the platform sends straight to the function (Alexa's skill trigger).
 * Refuses at cold start when a production function is configured to skip verification.
 */
export function createEventLambda(channel: ChannelServing): (event: unknown) => Promise<unknown> {
  const { skipRequestVerification } = assertSafeStartup();
  const create = channel.createEventHandler;
  if (!create) throw new Error(`the ${channel.name} channel has no Lambda event handler`);
  let handle: ((event: unknown) => Promise<unknown>) | undefined;
  return (event) => (handle ??= create(contextFor(channel, skipRequestVerification)))(event);
}

/**
 * The context for a channel that answers HTTP API events itself (MCP, whose protocol is not a
 * voice webhook). Composed on first use; refuses at cold start like the other entries.
 */
export function createLambdaChannelContext(channel: ChannelServing): ChannelContext {
  const { skipRequestVerification } = assertSafeStartup();
  return contextFor(channel, skipRequestVerification);
}

function toResult({ status, body }: VoiceAnswer): HttpApiResult {
  return { statusCode: status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body) };
}

/** The route's path: from the route key ("POST /dialogflow/cx"), which no stage prefix changes. */
export function pathOf(event: HttpApiEvent): string | undefined {
  return event.routeKey?.split(' ')[1] ?? event.rawPath;
}

function createEndpoints(channels: readonly ChannelServing[]): Map<string, VoiceEndpoint> {
  // Refuses to serve with SKIP_REQUEST_VERIFICATION in production (serverless.yml sets NODE_ENV).
  const { skipRequestVerification } = assertSafeStartup();
  const routes = channels.flatMap((channel) => channel.createRoutes?.(contextFor(channel, skipRequestVerification)) ?? []);
  return new Map(routes.filter((route): route is VoiceRoute => route.kind === 'voice').map((route) => [route.path, route.endpoint]));
}

/** A handler for the channels' voice routes behind an API Gateway HTTP API (payload 2.0). */
export function createHttpApiLambda(channels: readonly ChannelServing[]): (event: HttpApiEvent) => Promise<HttpApiResult> {
  let endpoints: Map<string, VoiceEndpoint> | undefined;
  return async (event) => {
    endpoints ??= createEndpoints(channels);
    const endpoint = endpoints.get(pathOf(event) ?? '');
    if (!endpoint) return toResult({ status: 404, body: { error: 'Not found.' } });
    const body = Buffer.from(event.body ?? '', event.isBase64Encoded ? 'base64' : 'utf8');
    // API Gateway has the whole body already; the length is what the local server would have seen.
    const headers = { ...event.headers, 'content-length': String(body.length) };
    return toResult(await answerWholeRequest(endpoint, headers, body));
  };
}
