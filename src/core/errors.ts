/**
 * Errors that say who failed. Connectors throw these; the skill boundary turns them into a
 * spoken apology that tells the resident what to do instead. Messages are for logs only.
 */

/** Which council back end failed, so the apology and the log can name it. */
export type CouncilService = 'addresses' | 'bins' | 'reports' | 'council-tax' | 'device' | 'reminders' | 'store';

export class CouncilVoiceError extends Error {
  constructor(message: string, readonly service: CouncilService, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The council's API answered, but refused or failed (HTTP status not 2xx). */
export class CouncilApiError extends CouncilVoiceError {
  constructor(service: CouncilService, readonly status: number, readonly endpoint: string, readonly detail?: string) {
    super(`${service} API answered ${status} at ${endpoint}${detail ? `: ${detail}` : ''}`, service);
  }
}

/** The council's API could not be reached (DNS, refused connection, reset). */
export class NetworkError extends CouncilVoiceError {
  constructor(service: CouncilService, readonly endpoint: string, cause: unknown) {
    super(`${service} API unreachable at ${endpoint}`, service, { cause });
  }
}

/** The council's API did not answer in time. */
export class TimeoutError extends CouncilVoiceError {
  constructor(service: CouncilService, readonly endpoint: string, readonly ms: number) {
    super(`${service} API gave no answer within ${ms} ms at ${endpoint}`, service);
  }
}

/** The council's API answered with something we could not understand. */
export class CouncilDataError extends CouncilVoiceError {
  constructor(service: CouncilService, readonly endpoint: string, detail: string) {
    super(`${service} API answered with unusable data at ${endpoint}: ${detail}`, service);
  }
}

/** A circuit breaker is open: the back end failed repeatedly and we are not calling it for now. */
export class ServiceUnavailableError extends CouncilVoiceError {
  constructor(service: CouncilService, readonly endpoint: string) {
    super(`${service} API is paused after repeated failures at ${endpoint}`, service);
  }
}

/** The account token was missing, expired or refused by the council. */
export class AccountLinkError extends CouncilVoiceError {
  constructor(detail: string) {
    super(`council account token not accepted: ${detail}`, 'council-tax');
  }
}
