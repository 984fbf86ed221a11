/**
 * A voice route without a web framework: headers and raw body bytes in, status and JSON out.
 * The node:http front (src/server/voice-routes.ts) and the Lambda entries both call these, so a
 * request is checked the same way wherever it arrives. Each channel builds its own endpoint
 * (its caller check, its answers); what every route shares is here.
 */

export type VoiceHeaders = Record<string, string | string[] | undefined>;

export interface VoiceRequest {
  /** Header names in lower case, as node:http and API Gateway give them. */
  headers: VoiceHeaders;
  /** The body exactly as sent (Amazon's signature covers these bytes); undefined when not read. */
  body?: Buffer;
}

export interface VoiceAnswer {
  status: number;
  body: unknown;
}

/** One voice route, in the order a request meets it. */
export interface VoiceEndpoint {
  /** Decided from the headers before a byte of the body is read: read it, leave it, or answer now. */
  bodyPolicy(headers: VoiceHeaders): 'read' | 'ignore' | VoiceAnswer;
  /** The answer when the body is over MAX_VOICE_BODY_BYTES. */
  tooLarge: VoiceAnswer;
  answer(request: VoiceRequest): Promise<VoiceAnswer>;
}

/** Alexa's own limit on a request body, and more than any voice platform sends. */
export const MAX_VOICE_BODY_BYTES = 256 * 1024;

/**
 * True for a request with a body whose media type is `application/json` (parameters such as
 * charset allowed), which is what Express's `req.is('application/json')` accepted.
 */
export function isJsonRequest(headers: VoiceHeaders): boolean {
  const hasBody = headers['transfer-encoding'] !== undefined || (headers['content-length'] !== undefined && !Number.isNaN(Number(headers['content-length'])));
  const type = headers['content-type'];
  if (!hasBody || typeof type !== 'string') return false;
  const semicolon = type.indexOf(';');
  return (semicolon === -1 ? type : type.slice(0, semicolon)).trim().toLowerCase() === 'application/json';
}

/** What every route answers when something unexpected breaks. */
export const INTERNAL_ERROR_ANSWER: VoiceAnswer = { status: 500, body: { error: 'Internal error.' } };

/**
 * Runs a request through an endpoint when the transport already holds the whole body (Lambda):
 * the same steps, in the same order, as the streaming front.
 */
export async function answerWholeRequest(endpoint: VoiceEndpoint, headers: VoiceHeaders, body: Buffer): Promise<VoiceAnswer> {
  const policy = endpoint.bodyPolicy(headers);
  if (typeof policy === 'object') return policy;
  if (policy === 'ignore') return endpoint.answer({ headers });
  if (body.length > MAX_VOICE_BODY_BYTES) return endpoint.tooLarge;
  return endpoint.answer({ headers, body });
}
