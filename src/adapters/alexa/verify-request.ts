/**
 * Where Amazon's request signature is checked, on the raw body bytes, before any handler runs.
 * A self-hosted endpoint must refuse requests Amazon did not sign; Lambda does not need this,
 * because only the skill's alexaSkill trigger can invoke the function.
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

/**
 * Refuses requests without Amazon's signature headers.
 * TODO(issue 6): replace with the real verifier (cert URL, cert chain and SAN, Signature-256 over
 * the raw body, timestamp within 150 s, skill id). Until then a request carrying the headers is
 * accepted without checking them, so do not expose this server to the internet yet.
 */
export function requireSignatureHeaders(): AlexaRequestVerifier {
  return async ({ headers }) => {
    const certUrl = headers['signaturecertchainurl'];
    const signature = headers['signature-256'] ?? headers['signature'];
    if (!certUrl || !signature) throw new RequestVerificationError('missing SignatureCertChainUrl or Signature-256 header');
  };
}
