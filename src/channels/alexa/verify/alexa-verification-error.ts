/** Why an Alexa request was refused; the reason goes to the log, never to the caller. */
import { RequestVerificationError } from '../verify-request';

/** Which of Amazon's rules a request broke. */
export type AlexaVerificationReason =
  | 'missing-header'
  | 'cert-url'
  | 'cert-download'
  | 'cert-invalid'
  | 'cert-out-of-date'
  | 'cert-san'
  | 'cert-untrusted'
  | 'signature'
  | 'body'
  | 'timestamp'
  | 'skill-id';

/**
 * The request was not shown to come from Alexa. Extends the adapter's RequestVerificationError so
 * the framework-free endpoint (src/server/alexa-endpoint.ts) answers it with a 400 too.
 */
export class AlexaVerificationError extends RequestVerificationError {
  override name = 'AlexaVerificationError';

  constructor(readonly reason: AlexaVerificationReason, message: string, options?: { cause?: unknown }) {
    super(`Alexa request verification (${reason}): ${message}`, options);
  }
}
