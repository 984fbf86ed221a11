/**
 * The report outbox in the local SQLite database (the same file as profiles), so a report saved
 * before sending survives a crash or restart. The idempotency key is UNIQUE: a retried request
 * finds the row the first one wrote. Claims run in one transaction, so two senders sharing the
 * file never take the same report.
 */
import { randomUUID } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import type { IssueReport, SubmitResult } from '../../core/council';
import {
  FORGOTTEN_KEY_PREFIX, scrubbedReport,
  type ForgetOutcome, type NewOutboxEntry, type OutboxEntry, type OutboxState, type ReportOutbox,
} from '../../core/outbox';

/** Creates the outbox table when missing; safe to call on every start. */
export function ensureOutboxTable(db: Database): void {
  db.exec(`CREATE TABLE IF NOT EXISTS report_outbox (
    id TEXT PRIMARY KEY,
    idempotency_key TEXT NOT NULL UNIQUE,
    user_id TEXT NOT NULL,
    report TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'rejected')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    sent_at INTEGER,
    result TEXT,
    last_error TEXT,
    forget_after_send INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX IF NOT EXISTS report_outbox_due ON report_outbox (state, next_attempt_at);
  CREATE INDEX IF NOT EXISTS report_outbox_user ON report_outbox (user_id)`);
  // Added for deployments of several councils; a database from before gets the column here.
  const columns = db.prepare<[], { name: string }>('PRAGMA table_info(report_outbox)').all();
  if (!columns.some((column) => column.name === 'council_id')) {
    db.exec(`ALTER TABLE report_outbox ADD COLUMN council_id TEXT NOT NULL DEFAULT ''`);
  }
  db.exec('CREATE INDEX IF NOT EXISTS report_outbox_council_due ON report_outbox (council_id, state, next_attempt_at)');
}

interface OutboxRow {
  id: string;
  idempotency_key: string;
  user_id: string;
  report: string;
  state: OutboxState;
  attempts: number;
  next_attempt_at: number;
  created_at: number;
  sent_at: number | null;
  result: string | null;
  last_error: string | null;
  forget_after_send: number;
  council_id: string;
}

function toEntry(row: OutboxRow): OutboxEntry {
  return {
    id: row.id,
    idempotencyKey: row.idempotency_key,
    userId: row.user_id,
    report: JSON.parse(row.report) as IssueReport,
    state: row.state,
    attempts: row.attempts,
    nextAttemptAt: new Date(row.next_attempt_at),
    createdAt: new Date(row.created_at),
    sentAt: row.sent_at === null ? undefined : new Date(row.sent_at),
    result: row.result === null ? undefined : (JSON.parse(row.result) as SubmitResult),
    lastError: row.last_error ?? undefined,
    ...(row.council_id ? { councilId: row.council_id } : {}),
  };
}

export class SqliteReportOutbox implements ReportOutbox {
  private readonly insert: Statement<[string, string, string, string, string, number, number]>;
  private readonly byKey: Statement<[string], OutboxRow>;
  private readonly byId: Statement<[string], OutboxRow>;
  private readonly due: Statement<[string, number, number], OutboxRow>;
  private readonly lease: Statement<[number, string]>;
  private readonly sent: Statement<[string, number, string]>;
  private readonly retry: Statement<[string, number, string]>;
  private readonly rejected: Statement<[string, number, string]>;
  private readonly claimTransaction: (councilId: string, now: number, leaseUntil: number, limit: number) => OutboxRow[];
  private readonly byUser: Statement<[string], OutboxRow>;
  private readonly flag: Statement<[string]>;
  private readonly scrub: Statement<[string, string, string]>;
  private readonly leaveQueue: (id: string, change: () => unknown) => void;
  private readonly forgetTransaction: (userId: string) => ForgetOutcome;

  /** `db` from openDatabase(); the table is created here too, so the outbox works on any database. */
  constructor(db: Database) {
    ensureOutboxTable(db);
    this.insert = db.prepare(`INSERT INTO report_outbox (id, idempotency_key, user_id, report, council_id, state, attempts, next_attempt_at, created_at)
      VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING`);
    this.byKey = db.prepare('SELECT * FROM report_outbox WHERE idempotency_key = ?');
    this.byId = db.prepare('SELECT * FROM report_outbox WHERE id = ?');
    this.due = db.prepare(`SELECT * FROM report_outbox WHERE council_id = ? AND state = 'pending' AND next_attempt_at <= ?
      ORDER BY next_attempt_at, created_at LIMIT ?`);
    this.lease = db.prepare('UPDATE report_outbox SET next_attempt_at = ? WHERE id = ?');
    this.sent = db.prepare(`UPDATE report_outbox SET state = 'sent', attempts = attempts + 1, result = ?, sent_at = ?, last_error = NULL WHERE id = ?`);
    this.retry = db.prepare(`UPDATE report_outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ? AND state = 'pending'`);
    this.rejected = db.prepare(`UPDATE report_outbox SET state = 'rejected', attempts = attempts + 1, last_error = ?, sent_at = ? WHERE id = ? AND state = 'pending'`);
    this.claimTransaction = db.transaction((councilId: string, now: number, leaseUntil: number, limit: number) => {
      const rows = this.due.all(councilId, now, limit);
      for (const row of rows) this.lease.run(leaseUntil, row.id);
      return rows.map((row) => ({ ...row, next_attempt_at: leaseUntil }));
    });
    this.byUser = db.prepare('SELECT * FROM report_outbox WHERE user_id = ?');
    this.flag = db.prepare(`UPDATE report_outbox SET forget_after_send = 1 WHERE id = ? AND state = 'pending'`);
    // Never scrubs a report that still has to reach the council.
    this.scrub = db.prepare(`UPDATE report_outbox SET report = ?, idempotency_key = ?, user_id = '', forget_after_send = 0
      WHERE id = ? AND state <> 'pending'`);
    this.leaveQueue = db.transaction((id: string, change: () => unknown) => {
      change();
      const row = this.byId.get(id);
      if (row && row.forget_after_send === 1) this.scrubRow(row);
    });
    this.forgetTransaction = db.transaction((userId: string) => {
      const outcome: ForgetOutcome = { scrubbed: 0, stillSending: 0 };
      for (const row of this.byUser.all(userId)) {
        if (row.state === 'pending') {
          this.flag.run(row.id);
          outcome.stillSending += 1;
        } else if (this.scrubRow(row)) {
          outcome.scrubbed += 1;
        }
      }
      return outcome;
    });
  }

  private scrubRow(row: OutboxRow): boolean {
    const report = JSON.stringify(scrubbedReport(JSON.parse(row.report) as IssueReport));
    return this.scrub.run(report, `${FORGOTTEN_KEY_PREFIX}${row.id}`, row.id).changes === 1;
  }

  async enqueue(entry: NewOutboxEntry): Promise<{ entry: OutboxEntry; created: boolean }> {
    const inserted = this.insert.run(randomUUID(), entry.idempotencyKey, entry.userId, JSON.stringify(entry.report), entry.councilId ?? '', entry.leaseUntil.getTime(), entry.now.getTime());
    const row = this.byKey.get(entry.idempotencyKey);
    if (!row) throw new Error('report outbox: the row just written cannot be read back');
    return { entry: toEntry(row), created: inserted.changes === 1 };
  }

  async get(id: string): Promise<OutboxEntry | undefined> {
    const row = this.byId.get(id);
    return row && toEntry(row);
  }

  async claimDue(now: Date, leaseUntil: Date, limit: number, councilId?: string): Promise<OutboxEntry[]> {
    return this.claimTransaction(councilId ?? '', now.getTime(), leaseUntil.getTime(), limit).map(toEntry);
  }

  async markSent(id: string, result: SubmitResult, at: Date): Promise<void> {
    this.leaveQueue(id, () => this.sent.run(JSON.stringify(result), at.getTime(), id));
  }

  async markRetry(id: string, error: string, retryAt: Date): Promise<void> {
    this.retry.run(error.slice(0, 1000), retryAt.getTime(), id);
  }

  async markRejected(id: string, error: string, at: Date): Promise<void> {
    this.leaveQueue(id, () => this.rejected.run(error.slice(0, 1000), at.getTime(), id));
  }

  /** "Delete my data": see ReportOutbox.forgetUser. */
  async forgetUser(userId: string): Promise<ForgetOutcome> {
    if (!userId) return { scrubbed: 0, stillSending: 0 };
    return this.forgetTransaction(userId);
  }
}
