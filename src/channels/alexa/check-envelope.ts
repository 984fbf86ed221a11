/**
 * The first of the adapter's steps: make sure a body is shaped like an Alexa request before
 * anything reads it. Only the fields every later step relies on are checked; deeper fields
 * (slots, resolutions) are read defensively in toTurn, so a quirky but real request still answers.
 */
import type { RequestEnvelope } from 'ask-sdk-model';
import { nestsWithin } from '../../core/session';

/** The body is not an Alexa request envelope. The HTTP route answers 400 with `message`. */
export class InvalidAlexaRequestError extends Error {
  override name = 'InvalidAlexaRequestError';
}

/**
 * Alexa's envelopes nest about ten levels, plus the session state we wrote; far deeper is a body
 * built to exhaust the stack of whatever copies it next (ask-sdk-core copies session attributes
 * with JSON.stringify).
 */
const MAX_NESTING = 64;

/** Request types the skill answers; anything else gets an empty response. */
export const HANDLED_REQUEST_TYPES = new Set(['LaunchRequest', 'IntentRequest', 'SessionEndedRequest', 'CanFulfillIntentRequest']);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(problem: string): never {
  throw new InvalidAlexaRequestError(`not an Alexa request: ${problem}`);
}

function optionalObject(parent: Record<string, unknown>, key: string, where: string): Record<string, unknown> | undefined {
  const value = parent[key];
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) fail(`${where}${key} must be an object`);
  return value;
}

function optionalString(parent: Record<string, unknown>, key: string, where: string): void {
  const value = parent[key];
  if (value !== undefined && typeof value !== 'string') fail(`${where}${key} must be a string`);
}

/**
 * Returns `body` typed as a request envelope, or throws InvalidAlexaRequestError naming the
 * first field that is missing or of the wrong type.
 */
export function checkEnvelope(body: unknown): RequestEnvelope {
  if (!isObject(body)) fail('the body must be a JSON object');
  if (!nestsWithin(body, MAX_NESTING)) fail(`the body nests deeper than ${MAX_NESTING} levels`);
  if (typeof body.version !== 'string') fail('version must be a string');
  const request = optionalObject(body, 'request', '');
  if (!request) fail('request is missing');
  if (typeof request.type !== 'string' || request.type === '') fail('request.type must be a string');
  if (typeof request.requestId !== 'string') fail('request.requestId must be a string');
  optionalString(request, 'locale', 'request.');
  optionalString(request, 'timestamp', 'request.');

  const session = optionalObject(body, 'session', '');
  if (session) {
    optionalObject(session, 'attributes', 'session.');
    const user = optionalObject(session, 'user', 'session.');
    if (user) optionalString(user, 'userId', 'session.user.');
  }
  const context = optionalObject(body, 'context', '');
  const system = context && optionalObject(context, 'System', 'context.');
  if (system) {
    optionalString(system, 'apiEndpoint', 'context.System.');
    optionalString(system, 'apiAccessToken', 'context.System.');
    optionalObject(system, 'device', 'context.System.');
    optionalObject(system, 'user', 'context.System.');
  }

  if (request.type === 'IntentRequest' || request.type === 'CanFulfillIntentRequest') {
    const intent = optionalObject(request, 'intent', 'request.');
    if (!intent || typeof intent.name !== 'string' || intent.name === '') fail('request.intent.name must be a string');
    optionalObject(intent, 'slots', 'request.intent.');
  }
  return body as unknown as RequestEnvelope;
}
