/**
 * The channels' routes (POST /alexa, /dialogflow/cx, /dialogflow/es, ...) on plain node:http, in
 * front of the Express app that serves everything else (/healthz, /simulator, 404s). Express's
 * routing and body parsing cost several times what a bare node:http route does, and these are the
 * routes residents wait on; the steps themselves (src/channels/shared/voice-endpoint.ts) are the
 * same wherever a request arrives.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Channel, ChannelRoute, NodeRoute } from '../channels/channel';
import { createChannelContext } from '../channels/channel-context';
import { CHANNELS } from '../channels';
import { INTERNAL_ERROR_ANSWER, isJsonRequest, MAX_VOICE_BODY_BYTES, type VoiceAnswer, type VoiceEndpoint } from '../channels/shared/voice-endpoint';
import type { Logger } from '../core/logger';
import type { LanguageModel } from '../language-model/language-model';
import { loadLanguageModel } from '../language-model/load-language-model';
import type { Composition } from './composition';

export interface VoiceRoutesOptions {
  /** Accept unsigned and unauthenticated channel requests (SKIP_REQUEST_VERIFICATION=1), for local testing only. */
  skipRequestVerification?: boolean;
  /** The channels to serve; default every channel in src/channels/index.ts (tests swap in configured ones). */
  channels?: readonly Channel[];
}

/** Every channel's routes over a composition, each channel built once. */
export function createChannelRoutes(composition: Composition, options: VoiceRoutesOptions = {}): ChannelRoute[] {
  // Read once for every channel that needs it.
  let model: LanguageModel | undefined;
  const loadModel = () => (model ??= loadLanguageModel('en-GB'));
  return (options.channels ?? CHANNELS).flatMap((channel) =>
    channel.createRoutes?.(createChannelContext(composition, channel.name, { skipRequestVerification: options.skipRequestVerification, loadModel })) ?? []);
}

/** The path as Express matched it: no query, no trailing slash, any case. */
function routePath(url: string | undefined): string {
  let path = url ?? '/';
  const query = path.indexOf('?');
  if (query !== -1) path = path.slice(0, query);
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  return path.toLowerCase();
}

function send(res: ServerResponse, { status, body }: VoiceAnswer, close = false): void {
  const text = JSON.stringify(body);
  const headers: Record<string, string | number> = { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) };
  // After a refused upload the rest of the body is not worth reading: end the connection.
  if (close) headers.connection = 'close';
  res.writeHead(status, headers);
  res.end(text);
}

/** Reads the body up to the limit; resolves undefined (and stops collecting) once it is over. */
function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const onData = (chunk: Buffer) => {
      length += chunk.length;
      if (length > MAX_VOICE_BODY_BYTES) {
        req.off('data', onData);
        // Keep the stream flowing into nothing, so Node can finish the exchange.
        req.resume();
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks, length)));
    req.once('error', reject);
  });
}

async function serve(endpoint: VoiceEndpoint, req: IncomingMessage, res: ServerResponse, logger: Logger): Promise<void> {
  const policy = endpoint.bodyPolicy(req.headers);
  if (typeof policy === 'object') return send(res, policy);
  let body: Buffer | undefined;
  if (policy === 'read') {
    // A declared length over the limit is refused before reading anything.
    if (Number(req.headers['content-length']) > MAX_VOICE_BODY_BYTES) return send(res, endpoint.tooLarge, true);
    body = await readBody(req);
    if (body === undefined) return send(res, endpoint.tooLarge, true);
  }
  try {
    send(res, await endpoint.answer({ headers: req.headers, body }));
  } catch (error) {
    // The endpoints answer their own failures; reaching here is a bug, and the caller hears only 500.
    logger.error({ err: error, method: req.method, path: routePath(req.url) }, 'request failed');
    if (!res.headersSent) send(res, INTERNAL_ERROR_ANSWER);
  }
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/** The body of a raw route's request, read with the same limit, parsed when it is JSON. */
async function serveNodeRoute(route: NodeRoute, req: IncomingMessage, res: ServerResponse, logger: Logger): Promise<void> {
  let body: unknown;
  if (BODY_METHODS.has(req.method ?? '')) {
    if (Number(req.headers['content-length']) > MAX_VOICE_BODY_BYTES) return send(res, BODY_TOO_LARGE, true);
    const raw = await readBody(req);
    if (raw === undefined) return send(res, BODY_TOO_LARGE, true);
    if (raw.length > 0 && isJsonRequest(req.headers)) {
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        return send(res, NOT_JSON);
      }
    }
  }
  try {
    await route.handle(req, res, body);
  } catch (error) {
    logger.error({ err: error, method: req.method, path: routePath(req.url) }, 'request failed');
    if (!res.headersSent) send(res, INTERNAL_ERROR_ANSWER);
    else res.end();
  }
}

const BODY_TOO_LARGE: VoiceAnswer = { status: 413, body: { error: 'The body is too large.' } };
const NOT_JSON: VoiceAnswer = { status: 400, body: { error: 'The body is not valid JSON.' } };

/**
 * A node:http request listener: the channels' routes answer their requests (voice routes their
 * POSTs, raw routes the methods they name), everything else goes to `rest` (the Express app).
 */
export function createVoiceListener(routes: readonly ChannelRoute[], rest: RequestListener, logger: Logger): RequestListener {
  const voice = new Map<string, VoiceEndpoint>();
  const raw = new Map<string, NodeRoute>();
  for (const route of routes) {
    if (route.kind === 'voice') voice.set(route.path, route.endpoint);
    else raw.set(route.path, route);
  }
  return (req, res) => {
    const path = routePath(req.url);
    const endpoint = req.method === 'POST' ? voice.get(path) : undefined;
    const node = endpoint ? undefined : raw.get(path);
    const served = endpoint ? serve(endpoint, req, res, logger)
      : node?.methods.includes(req.method ?? '') ? serveNodeRoute(node, req, res, logger) : undefined;
    if (!served) return rest(req, res);
    served.catch((error: unknown) => {
      // An aborted upload: nobody is left to answer.
      logger.warn({ err: error, path }, 'request body could not be read');
      res.destroy();
    });
  };
}
