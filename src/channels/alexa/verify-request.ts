/**
 * The shape of Amazon's request signature check, on the raw body bytes, before any handler runs
 * (the checker itself is ./verify). A self-hosted endpoint must refuse requests Amazon
 * did not sign; Lambda does not need this, because only the skill's alexaSkill trigger can invoke it.
 */
import type { RequestEnvelope } from 'ask-sdk-model';

/** The request was not shown to come from Alexa. The route answers 400; the detail goes to the log only. */
export class RequestVerificationError extends Error {
  override name = 'RequestVerificationError';
}

export interface SignedRequest {
  /** Header names in lower case, as Node gives them. */
  headers: Record<string, string | string[] | undefined>;
  /** The body exactly as received: the signature covers these bytes, not a re-serialisation. */
  body: Buffer;
  envelope: RequestEnvelope;
}

/** Resolves when the request is from Alexa; rejects with RequestVerificationError otherwise. */
export type AlexaRequestVerifier = (request: SignedRequest) => Promise<void>;
