/**
 * The report outbox: every report is written here before anyone tries to send it, so a council
 * server that is down, slow or restarting never loses a resident's report. The handler makes the
 * first attempt; a background sender retries whatever is still pending.
 */
import type { IssueReport, SubmitResult } from './council';

/** pending: not yet accepted by the council; sent: accepted; rejected: the council refused it for good. */
export type OutboxState = 'pending' | 'sent' | 'rejected';

export interface OutboxEntry {
  id: string;
  /** One per resident and request, so a platform retry of the same request finds this entry. */
  idempotencyKey: string;
  userId: string;
  report: IssueReport;
  /** In a deployment of several councils, the council it goes to; each council's reports queue apart. */
  councilId?: string;
  state: OutboxState;
  /** Attempts made so far, successful or not. */
  attempts: number;
  /** When a sender may next try (also the end of the current attempt's lease). */
  nextAttemptAt: Date;
  createdAt: Date;
  sentAt?: Date;
  result?: SubmitResult;
  /** The last failure, for council officers reading the outbox; never spoken. */
  lastError?: string;
}

export interface NewOutboxEntry {
  idempotencyKey: string;
  userId: string;
  report: IssueReport;
  /** The council it goes to, in a deployment of several (see OutboxEntry.councilId). */
  councilId?: string;
  now: Date;
  /** The caller sends it first: no background sender takes it before this. */
  leaseUntil: Date;
}

export interface ReportOutbox {
  /**
   * Saves a report before any attempt to send it. With a key already saved it returns the entry
   * already there and `created: false`, so a retried request never becomes a second report.
   */
  enqueue(entry: NewOutboxEntry): Promise<{ entry: OutboxEntry; created: boolean }>;
  get(id: string): Promise<OutboxEntry | undefined>;
  /**
   * Takes up to `limit` pending entries due at `now`, oldest first, and leases them until
   * `leaseUntil` so a second sender (or the next run) does not send them at the same time.
   * Only `councilId`'s queue when given; otherwise only entries filed without a council.
   */
  claimDue(now: Date, leaseUntil: Date, limit: number, councilId?: string): Promise<OutboxEntry[]>;
  markSent(id: string, result: SubmitResult, at: Date): Promise<void>;
  /** The attempt failed for a reason that may pass (outage, timeout): try again at `retryAt`. */
  markRetry(id: string, error: string, retryAt: Date): Promise<void>;
  /** The council refused the report itself; it stays in the outbox, marked, for officers. */
  markRejected(id: string, error: string, at: Date): Promise<void>;
  /**
   * "Delete my data": every entry of `userId` that has left the queue (sent or rejected) loses
   * what identifies the resident or repeats their words — user id, idempotency key, and the
   * report's location, description, attributes, UPRN and coordinates (see scrubbedReport). An
   * entry still pending is left whole, because the resident was promised it would be sent, and is
   * marked so that markSent or markRejected scrubs it the moment it leaves the queue.
   * `knownIds` are entries the caller knows are the resident's (their last report): a store whose
   * index by user lags a moment behind its writes (DynamoDB) checks them too; others may ignore them.
   */
  forgetUser(userId: string, knownIds?: string[]): Promise<ForgetOutcome>;
}

export interface ForgetOutcome {
  /** Entries whose personal data was removed now. */
  scrubbed: number;
  /** Entries still waiting to reach the council, to be scrubbed once they do. */
  stillSending: number;
}

/** The idempotency key a scrubbed entry carries instead of the one naming the resident. */
export const FORGOTTEN_KEY_PREFIX = 'forgotten|';

/**
 * What is left of a report once its resident has asked to be forgotten: the kind of problem, for
 * the council's counts, and nothing that says where, who or what they said.
 */
export function scrubbedReport(report: IssueReport): IssueReport {
  return { issueType: report.issueType, location: '', description: '' };
}
