/**
 * What every call to Alexa's own APIs (Reminders, the Directive service) needs from the request:
 * the regional endpoint Alexa named and the short-lived token it issued for this request.
 */
import type { RequestEnvelope } from 'ask-sdk-model';

export interface AlexaApiAccess {
  /** `context.System.apiEndpoint`, e.g. https://api.eu.amazonalexa.com (the resident's region). */
  endpoint: string;
  /** `context.System.apiAccessToken`, valid for this request only. */
  token: string;
}

/**
 * The endpoint and token of `envelope`, or undefined when Alexa sent neither: some test consoles
 * and name-free requests leave them out, and then the skill may not call Alexa's APIs at all.
 */
export function readApiAccess(envelope: RequestEnvelope): AlexaApiAccess | undefined {
  const system = envelope.context?.System;
  const endpoint = typeof system?.apiEndpoint === 'string' ? system.apiEndpoint.replace(/\/+$/, '') : '';
  const token = typeof system?.apiAccessToken === 'string' ? system.apiAccessToken : '';
  return endpoint && token ? { endpoint, token } : undefined;
}

/** Headers for a JSON call to Alexa's APIs with the request's token. */
export function alexaApiHeaders(access: AlexaApiAccess): Record<string, string> {
  return { authorization: `Bearer ${access.token}`, 'content-type': 'application/json', accept: 'application/json' };
}
