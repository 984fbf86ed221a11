/**
 * One attempt to send a report from the outbox, and what it means for the next one. Shared by
 * the handler (the first attempt, inside the resident's turn) and the background sender.
 */
import type { IssueReporter, SubmitResult } from '../council';
import type { OutboxEntry, ReportOutbox } from '../outbox';
import { ReportKeyRefusedError, ReportRejectedError, UncertainSubmissionError, UnsupportedIssueTypeError } from './errors';

export type DeliveryOutcome =
  | { kind: 'sent'; result: SubmitResult }
  /**
   * Kept as pending; the sender tries again at `retryAt`. `keyRefused`: the council's system
   * refuses our key, so the report waits for the council to fix its configuration.
   */
  | { kind: 'retry'; error: unknown; retryAt: Date; keyRefused?: boolean }
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
 * kind is unknown (404, or no matching service). A refused key (401/403) is a configuration
 * fault officers can fix, an unreadable answer before the report was sent (a maintenance page
 * instead of the list of services) an outage, and an attempt whose outcome is unknown is looked
 * for before the next one: those wait and retry.
 */
export function isPermanentFailure(error: unknown): boolean {
  if (error instanceof ReportKeyRefusedError) return false;
  if (error instanceof ReportRejectedError) return error.status === 400 || error.status === 404 || error.status === 422;
  return error instanceof UnsupportedIssueTypeError;
}

/** Written at the start of `lastError` after an attempt that may have reached the council. */
const UNCERTAIN = 'UncertainSubmissionError';

/** True when an entry still waiting is held up by the council refusing our key. */
export function isWaitingForKey(entry: OutboxEntry): boolean {
  return entry.state === 'pending' && (entry.lastError?.includes('ReportKeyRefusedError') ?? false);
}

/**
 * The mark put in the description the council receives, unique to the outbox entry, so an
 * uncertain attempt can be found again. Short, because officers read it in their own system.
 */
export function reportMarker(entryId: string): string {
  return `CV-${entryId.replace(/[^a-zA-Z0-9]/g, '').slice(0, 12).toUpperCase()}`;
}

/** An earlier attempt may have been filed and there is no way to check: officers must look. */
class CannotCheckError extends Error {
  constructor(reason: string) {
    super(`an earlier attempt may have reached the council and ${reason}; not sent again so it is not filed twice: check the council's system`);
    this.name = 'CannotCheckError';
  }
}

/**
 * The report was found filed after all; otherwise undefined (send it), or a failure to record.
 *
 * The risk that remains: a server that lists requests without their descriptions, or has no
 * search, cannot be checked, so such a report is kept for officers rather than sent again (it
 * may never arrive unless someone looks). And a server that adds requests to its searchable list
 * only later (a nightly batch, a token service) may answer "not found" for a report it did take,
 * which is then sent twice. The marker in the description lets officers spot that duplicate.
 */
async function findEarlierAttempt(entry: OutboxEntry, reporter: IssueReporter): Promise<SubmitResult | undefined> {
  if (!entry.lastError?.startsWith(UNCERTAIN)) return undefined;
  // Without a way to look, a second POST could be a second report: the officers decide instead.
  if (!reporter.findSubmitted) throw new CannotCheckError('the council\'s reporting connector cannot look for earlier attempts');
  const search = await reporter.findSubmitted(entry.report, reportMarker(entry.id), entry.createdAt);
  if (search.kind === 'cannot-search') throw new CannotCheckError('the council\'s Open311 server cannot be searched for it (no GET requests, or no descriptions in it)');
  return search.kind === 'found' ? search.result : undefined;
}


function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

export interface DeliveryOptions {
  now: () => Date;
  retry?: RetryPolicy;
}

/**
 * Sends `entry` once and records the outcome in the outbox. After an attempt that may have
 * reached the council (no answer in time, an unreadable answer), it first looks for that attempt
 * in the council's system, and sends again only when it is not there.
 */
export async function deliverEntry(entry: OutboxEntry, reporter: IssueReporter, outbox: ReportOutbox, options: DeliveryOptions): Promise<DeliveryOutcome> {
  let result: SubmitResult;
  try {
    result = await findEarlierAttempt(entry, reporter) ?? await reporter.submit(entry.report, { marker: reportMarker(entry.id) });
  } catch (error) {
    if (isPermanentFailure(error) || error instanceof CannotCheckError) {
      await outbox.markRejected(entry.id, describe(error), options.now());
      return { kind: 'rejected', error };
    }
    const policy = options.retry ?? DEFAULT_RETRY_POLICY;
    const keyRefused = error instanceof ReportKeyRefusedError;
    // A refused key waits for people, not for a server to come back: no point trying often.
    const delay = keyRefused ? policy.maxMs : retryDelayMs(entry.attempts + 1, policy);
    const retryAt = new Date(options.now().getTime() + delay);
    // A failed search keeps the entry marked uncertain, so the next attempt looks again first.
    const uncertain = !(error instanceof UncertainSubmissionError) && entry.lastError?.startsWith(UNCERTAIN) ? `${UNCERTAIN} earlier; then ` : '';
    await outbox.markRetry(entry.id, uncertain + describe(error), retryAt);
    return { kind: 'retry', error, retryAt, keyRefused };
  }
  await outbox.markSent(entry.id, result, options.now());
  return { kind: 'sent', result };
}
