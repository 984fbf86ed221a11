/**
 * Failures particular to reports, so the handler and the background sender can tell a report the
 * council will never take (do not retry, tell the resident) from an outage (keep it, retry).
 */
import { CouncilApiError, CouncilVoiceError } from '../errors';

/** The council's reporting system has no service for this kind of problem. */
export class UnsupportedIssueTypeError extends CouncilVoiceError {
  constructor(readonly issueType: string) {
    super(`the council's reporting system has no service for ${issueType}`, 'reports');
  }
}

/**
 * The council's reporting system answered with its own error (Open311 `[{code, description}]`).
 * `detail` holds the council's description, which may be read to the resident.
 */
export class ReportRejectedError extends CouncilApiError {
  constructor(status: number, endpoint: string, readonly code: string, description: string) {
    super('reports', status, endpoint, description);
  }
}
