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
 * The council's reporting system refused our API key (401 or 403). That is the council's
 * configuration, not an outage and not the report's fault: the report waits, retried slowly,
 * until someone fixes the key, and officers are told loudly.
 */
export class ReportKeyRefusedError extends ReportRejectedError {}

/**
 * The council answered the report itself with something unreadable, or gave no answer in time
 * after the report was sent: it may have filed it. Sending it again blindly could file it twice,
 * so the next attempt first looks for it (IssueReporter.findSubmitted). Anything unreadable before
 * the report was sent (the list of services, a definition) is an outage like any other.
 */
export class UncertainSubmissionError extends CouncilDataError {
  constructor(endpoint: string, detail: string) {
    super('reports', endpoint, detail);
  }
}
