/** Why a Dialogflow webhook call was refused; the detail goes to the log, the caller gets a bare 401. */

/** Which check the caller failed. */
export type DialogflowCallerReason =
  | 'not-configured'
  | 'missing-credentials'
  | 'id-token'
  | 'service-account'
  | 'secret-header'
  | 'basic-auth';

export class DialogflowCallerError extends Error {
  override name = 'DialogflowCallerError';

  constructor(readonly reason: DialogflowCallerReason, message: string, options?: { cause?: unknown }) {
    super(`Dialogflow caller verification (${reason}): ${message}`, options);
  }
}
