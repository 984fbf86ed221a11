/**
 * One attempt to send a report from the outbox, and what it means for the next one. Shared by
 * the handler (the first attempt, inside the resident's turn) and the background sender.
 */
import type { IssueReporter, SubmitResult } from '../council';
import type { OutboxEntry, ReportOutbox } from '../outbox';
import { ReportRejectedError, UncertainSubmissionError, UnsupportedIssueTypeError } from './errors';

export type DeliveryOutcome =
  | { kind: 'sent'; result: SubmitResult }
  /** Kept as pending; the sender tries again at `retryAt`. */
  | { kind: 'retry'; error: unknown; retryAt: Date }
  /** The council will not take it as it is; kept as rejected for officers to see. */
  | { kind: 'rejected'; error: unknown };

export interface RetryPolicy {
  /** Delay after the first failure. */
  baseMs: number;
  /** The longest wait between attempts: retries never stop, they only slow down to this. */
  maxMs: number;
  random: () => number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { baseMs: 30_000, maxMs: 30 * 60_000, random: Math.random };

/**
 * Exponential backoff with "equal jitter": half the delay is fixed so a retry never comes straight
 * back, half is random so many reports saved during one outage do not all retry at once.
 */
export function retryDelayMs(failures: number, policy: RetryPolicy = DEFAULT_RETRY_POLICY): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + (policy.random() * ceiling) / 2);
}

/**
 * True when sending again cannot help: the council said the report itself is wrong (400), its
 * kind is unknown (404, or no matching service), or it answered the report with something we
 * cannot read, in which case it may have been taken and a retry could file it twice. A refused
 * key (401/403) is a configuration fault officers can fix, and an unreadable answer before the
 * report was sent (a maintenance page instead of the list of services) an outage: those wait and retry.
 */
export function isPermanentFailure(error: unknown): boolean {
  if (error instanceof ReportRejectedError) return error.status === 400 || error.status === 404 || error.status === 422;
  return error instanceof UnsupportedIssueTypeError || error instanceof UncertainSubmissionError;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

export interface DeliveryOptions {
  now: () => Date;
  retry?: RetryPolicy;
}

/** Sends `entry` once and records the outcome in the outbox. */
export async function deliverEntry(entry: OutboxEntry, reporter: IssueReporter, outbox: ReportOutbox, options: DeliveryOptions): Promise<DeliveryOutcome> {
  let result: SubmitResult;
  try {
    result = await reporter.submit(entry.report);
  } catch (error) {
    if (isPermanentFailure(error)) {
      await outbox.markRejected(entry.id, describe(error), options.now());
      return { kind: 'rejected', error };
    }
    const retryAt = new Date(options.now().getTime() + retryDelayMs(entry.attempts + 1, options.retry));
    await outbox.markRetry(entry.id, describe(error), retryAt);
    return { kind: 'retry', error, retryAt };
  }
  await outbox.markSent(entry.id, result, options.now());
  return { kind: 'sent', result };
}
