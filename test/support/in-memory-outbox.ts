/**
 * An in-memory twin of the report outbox, for handler tests. It keeps the same promises as the
 * SQLite and DynamoDB outboxes (the contract test in test/connectors/stores runs it too).
 */
import type { SubmitResult } from '../../src/core/council';
import {
  FORGOTTEN_KEY_PREFIX, scrubbedReport,
  type ForgetOutcome, type NewOutboxEntry, type OutboxEntry, type ReportOutbox,
} from '../../src/core/outbox';

export class InMemoryOutbox implements ReportOutbox {
  readonly entries = new Map<string, OutboxEntry & { forgetAfterSend?: boolean }>();
  private counter = 0;

  all(): OutboxEntry[] {
    return [...this.entries.values()].map((e) => structuredClone(e));
  }

  async enqueue(fresh: NewOutboxEntry): Promise<{ entry: OutboxEntry; created: boolean }> {
    const existing = [...this.entries.values()].find((e) => e.idempotencyKey === fresh.idempotencyKey);
    if (existing) return { entry: structuredClone(existing), created: false };
    const entry: OutboxEntry = {
      id: `entry-${++this.counter}`,
      idempotencyKey: fresh.idempotencyKey,
      userId: fresh.userId,
      report: structuredClone(fresh.report),
      ...(fresh.councilId ? { councilId: fresh.councilId } : {}),
      state: 'pending',
      attempts: 0,
      nextAttemptAt: fresh.leaseUntil,
      createdAt: fresh.now,
    };
    this.entries.set(entry.id, entry);
    return { entry: structuredClone(entry), created: true };
  }

  async get(id: string): Promise<OutboxEntry | undefined> {
    const entry = this.entries.get(id);
    return entry && structuredClone(entry);
  }

  async claimDue(now: Date, leaseUntil: Date, limit: number, councilId?: string): Promise<OutboxEntry[]> {
    const due = [...this.entries.values()]
      .filter((e) => e.councilId === councilId && e.state === 'pending' && e.nextAttemptAt.getTime() <= now.getTime())
      .sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime())
      .slice(0, limit);
    for (const entry of due) entry.nextAttemptAt = leaseUntil;
    return due.map((e) => structuredClone(e));
  }

  async markSent(id: string, result: SubmitResult, at: Date): Promise<void> {
    const entry = this.entries.get(id);
    if (!entry) return;
    Object.assign(entry, { state: 'sent', result, sentAt: at, attempts: entry.attempts + 1, lastError: undefined });
    this.scrubIfAsked(entry);
  }

  async markRetry(id: string, error: string, retryAt: Date): Promise<void> {
    const entry = this.entries.get(id);
    if (entry?.state !== 'pending') return;
    Object.assign(entry, { attempts: entry.attempts + 1, lastError: error, nextAttemptAt: retryAt });
  }

  async markRejected(id: string, error: string, at: Date): Promise<void> {
    const entry = this.entries.get(id);
    if (entry?.state !== 'pending') return;
    Object.assign(entry, { state: 'rejected', lastError: error, sentAt: at, attempts: entry.attempts + 1 });
    this.scrubIfAsked(entry);
  }

  async forgetUser(userId: string): Promise<ForgetOutcome> {
    const outcome: ForgetOutcome = { scrubbed: 0, stillSending: 0 };
    if (!userId) return outcome;
    for (const entry of this.entries.values()) {
      if (entry.userId !== userId) continue;
      if (entry.state === 'pending') {
        entry.forgetAfterSend = true;
        outcome.stillSending++;
      } else {
        this.scrub(entry);
        outcome.scrubbed++;
      }
    }
    return outcome;
  }

  private scrubIfAsked(entry: OutboxEntry & { forgetAfterSend?: boolean }): void {
    if (entry.forgetAfterSend) this.scrub(entry);
  }

  private scrub(entry: OutboxEntry & { forgetAfterSend?: boolean }): void {
    Object.assign(entry, { report: scrubbedReport(entry.report), userId: '', idempotencyKey: `${FORGOTTEN_KEY_PREFIX}${entry.id}`, forgetAfterSend: undefined });
  }
}
