/**
 * POST /alexa, /dialogflow/cx and /dialogflow/es on plain node:http, in front of the Express app
 * that serves everything else (/healthz, /simulator, 404s). Express's routing and body parsing
 * cost several times what a bare node:http route does, and these are the routes residents wait
 * on; the steps themselves (src/channels/shared/voice-endpoint.ts) are the same wherever a request arrives.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { INTERNAL_ERROR_ANSWER, MAX_VOICE_BODY_BYTES, type VoiceAnswer, type VoiceEndpoint } from '../channels/shared/voice-endpoint';
import { createAlexaVoiceEndpoint } from '../channels/alexa/alexa-endpoint';
import type { AlexaRequestVerifier } from '../channels/alexa';
import type { Logger } from '../core/logger';
import { alexaVerificationFromConfig, CertCache, type AlexaVerificationOptions } from '../channels/alexa/verify';
import { createGoogleEndpoints } from '../channels/dialogflow-common/dialogflow-endpoints';
import type { Composition } from './composition';

export interface VoiceRoutesOptions {
  /** Accept unsigned Alexa and unauthenticated Dialogflow requests (SKIP_REQUEST_VERIFICATION=1), for local testing only. */
  skipRequestVerification?: boolean;
  /** A verifier run by the Alexa endpoint instead of the signature check (tests). */
  verifyAlexa?: AlexaRequestVerifier;
  /** Overrides for the Alexa signature check (tests pin the clock and trust their own CA). */
  alexaVerification?: Partial<AlexaVerificationOptions>;
}

/** The three voice endpoints over a composition, keyed by path. */
export function createVoiceEndpoints(composition: Composition, options: VoiceRoutesOptions = {}): Map<string, VoiceEndpoint> {
  const { config, logger } = composition;
  const skip = options.skipRequestVerification === true;
  const alexaVerification = skip || options.verifyAlexa ? undefined : {
    // One certificate cache per app, so each app (and each test) has its own.
    ...alexaVerificationFromConfig(config), certCache: new CertCache(), ...options.alexaVerification,
  };
  return new Map([
    ['/alexa', createAlexaVoiceEndpoint(composition.alexa, { logger, verification: alexaVerification, verify: skip ? undefined : options.verifyAlexa })],
    ...createGoogleEndpoints(composition, { skipRequestVerification: skip }),
  ]);
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

/**
 * A node:http request listener: the voice endpoints answer their POSTs, everything else goes to
 * `rest` (the Express app).
 */
export function createVoiceListener(endpoints: Map<string, VoiceEndpoint>, rest: RequestListener, logger: Logger): RequestListener {
  return (req, res) => {
    const endpoint = req.method === 'POST' ? endpoints.get(routePath(req.url)) : undefined;
    if (!endpoint) return rest(req, res);
    serve(endpoint, req, res, logger).catch((error: unknown) => {
      // An aborted upload: nobody is left to answer.
      logger.warn({ err: error, path: routePath(req.url) }, 'request body could not be read');
      res.destroy();
    });
  };
}
