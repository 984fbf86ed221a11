/**
 * Sending a confirmed report: saved to the outbox first, then one attempt within the turn's
 * budget. Whatever happens to that attempt, the report is in the outbox and the background
 * sender will finish the job.
 */
import type { IssueReport, IssueReporter, SubmitResult } from '../council';
import type { Logger } from '../logger';
import type { OutboxEntry, ReportOutbox } from '../outbox';
import type { ProfileStore, ResidentProfile } from '../profile';
import { deliverEntry, isWaitingForKey, type DeliveryOutcome } from './delivery';

/** Long enough for one attempt to finish on its own, so no sender takes it meanwhile. */
export const FIRST_ATTEMPT_LEASE_MS = 60_000;
/** How long the resident waits for the council's answer before hearing "saved". */
export const DEFAULT_SUBMIT_BUDGET_MS = 4000;
const POLL_MS = 100;

export type SendOutcome =
  | { kind: 'accepted'; entryId: string; reference: string; notice?: string }
  | { kind: 'queued'; entryId: string; token: string; notice?: string }
  /** Saved in the outbox; the council's system did not take it yet (`keyRefused`: it refuses our key). */
  | { kind: 'saved'; entryId: string; keyRefused?: boolean }
  | { kind: 'rejected'; entryId: string; error?: unknown };

export interface SendReportOptions {
  outbox: ReportOutbox;
  reporter: IssueReporter;
  now: () => Date;
  logger: Logger;
  budgetMs?: number;
}

/**
 * Idempotency key: the platform's request id, per resident. A platform that retries a request
 * sends the same id, so the retry finds the first attempt instead of filing a second report.
 */
export function idempotencyKey(userId: string, requestId: string): string {
  return `${userId}|${requestId || globalThis.crypto.randomUUID()}`;
}

function fromResult(entryId: string, result: SubmitResult): SendOutcome {
  return result.kind === 'accepted'
    ? { kind: 'accepted', entryId, reference: result.reference, notice: result.notice }
    : { kind: 'queued', entryId, token: result.token, notice: result.notice };
}

function fromEntry(entry: OutboxEntry): SendOutcome {
  if (entry.state === 'sent' && entry.result) return fromResult(entry.id, entry.result);
  if (entry.state === 'rejected') return { kind: 'rejected', entryId: entry.id };
  return { kind: 'saved', entryId: entry.id, keyRefused: isWaitingForKey(entry) || undefined };
}

function fromDelivery(entryId: string, outcome: DeliveryOutcome): SendOutcome {
  if (outcome.kind === 'sent') return fromResult(entryId, outcome.result);
  if (outcome.kind === 'rejected') return { kind: 'rejected', entryId, error: outcome.error };
  return { kind: 'saved', entryId, keyRefused: outcome.keyRefused || undefined };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The value of `promise` if it settles within `ms`, else undefined (it carries on regardless). */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => { timer = setTimeout(() => resolve(undefined), ms); });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** A retried request: wait (within budget) for the first request's attempt to finish, then answer as it would have. */
async function settledEntry(outbox: ReportOutbox, entry: OutboxEntry, budgetMs: number): Promise<OutboxEntry> {
  const started = Date.now();
  let current = entry;
  while (current.state === 'pending' && current.attempts === entry.attempts && Date.now() - started < budgetMs) {
    await sleep(POLL_MS);
    current = (await outbox.get(entry.id)) ?? current;
  }
  return current;
}

/** Saves `report` for `key`, then tries once to send it. */
export async function sendReport(key: string, userId: string, report: IssueReport, options: SendReportOptions): Promise<SendOutcome> {
  const budgetMs = options.budgetMs ?? DEFAULT_SUBMIT_BUDGET_MS;
  const now = options.now();
  const { entry, created } = await options.outbox.enqueue({
    idempotencyKey: key,
    userId,
    report,
    now,
    leaseUntil: new Date(now.getTime() + FIRST_ATTEMPT_LEASE_MS),
  });
  if (!created) return fromEntry(await settledEntry(options.outbox, entry, budgetMs));

  const attempt = deliverEntry(entry, options.reporter, options.outbox, { now: options.now });
  // If the budget runs out, the attempt still finishes and records its outcome in the outbox.
  attempt.then(
    (outcome) => {
      if (outcome.kind !== 'sent') options.logger.warn({ entryId: entry.id, outcome: outcome.kind, err: outcome.error }, 'report not sent on first attempt');
    },
    (error: unknown) => options.logger.error({ entryId: entry.id, err: error }, 'report outbox could not record an attempt'),
  );
  const outcome = await within(attempt.catch(() => undefined), budgetMs);
  return outcome ? fromDelivery(entry.id, outcome) : { kind: 'saved', entryId: entry.id };
}

/** Keeps the report as the resident's last one, for "what's happening with my report?". */
export async function rememberLastReport(profiles: ProfileStore, userId: string, outcome: SendOutcome, logger: Logger): Promise<void> {
  if (outcome.kind === 'rejected' || !userId) return;
  const lastReport: ResidentProfile['lastReport'] = { outboxId: outcome.entryId };
  if (outcome.kind === 'accepted') lastReport.reference = outcome.reference;
  if (outcome.kind === 'queued') lastReport.token = outcome.token;
  try {
    const profile = (await profiles.get(userId)) ?? { userId };
    await profiles.put({ ...profile, lastReport });
  } catch (error) {
    // The report itself is safe in the outbox; only "what about my last report" is affected.
    logger.warn({ err: error, entryId: outcome.entryId }, 'could not remember the last report');
  }
}
