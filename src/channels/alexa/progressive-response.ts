/**
 * Alexa's progressive response: a line spoken while the council's back end is still answering,
 * sent to the Directive service (`POST {apiEndpoint}/v1/directives`) for the request in hand.
 * The core decides when (after about a second) and never waits for it; a failure here costs the
 * resident only the holding line, so the caller logs it and carries on.
 */
import type { RequestEnvelope, services } from 'ask-sdk-model';
import type { HttpClient } from '../../connectors/http';
import { text, toSsml } from '../../core/speech';
import { alexaApiHeaders, readApiAccess } from './alexa-api';

export interface ProgressiveResponseDeps {
  /** Calls the Directive service: one short attempt, since a late holding line is no use. */
  http: HttpClient;
}

/** The Directive service body: VoicePlayer.Speak, tied to the request by its id. */
export function toSpeakDirective(requestId: string, speech: string): services.directive.SendDirectiveRequest {
  return { header: { requestId }, directive: { type: 'VoicePlayer.Speak', speech: toSsml(text(speech)) } };
}

/**
 * `sendProgress` for one request, or undefined when there is nothing to send it with (no API
 * token or endpoint) or nothing to send it for (only IntentRequests can have one).
 * Resolves when Alexa accepted the directive (204); rejects with the HTTP client's typed error.
 */
export function createProgressSender(envelope: RequestEnvelope, deps: ProgressiveResponseDeps): ((speech: string) => Promise<void>) | undefined {
  const access = readApiAccess(envelope);
  if (!access || envelope.request.type !== 'IntentRequest') return undefined;
  const url = `${access.endpoint}/v1/directives`;
  const requestId = envelope.request.requestId;
  return async (speech) => {
    await deps.http.request(url, { method: 'POST', headers: alexaApiHeaders(access), body: JSON.stringify(toSpeakDirective(requestId, speech)) });
  };
}
