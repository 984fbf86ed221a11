/**
 * Failures particular to reports, so the handler and the background sender can tell a report the
 * council will never take (do not retry, tell the resident) from an outage (keep it, retry).
 */
import { CouncilApiError, CouncilDataError, CouncilVoiceError } from '../errors';

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

/**
 * The council answered the report itself with something unreadable. It may have filed it, so the
 * report is not sent again (that could file it twice); anything unreadable before the report was
 * sent (the list of services, a definition) is an outage like any other, and the report waits.
 */
export class UncertainSubmissionError extends CouncilDataError {
  constructor(endpoint: string, detail: string) {
    super('reports', endpoint, detail);
  }
}
