/**
 * The outbox sender on a test bench: a SQLite outbox in a temporary folder (made before each test
 * and removed after), an Open311 reporter for a council server that nock plays, and a clock the
 * test moves by hand. Shared by the sender's tests so each reads as what the council does.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nock from 'nock';
import { Open311Reporter } from '../../src/connectors/open311/open311-reporter';
import { OutboxSender } from '../../src/connectors/outbox-sender';
import { openDatabase, type Database } from '../../src/connectors/stores/sqlite-database';
import { SqliteReportOutbox } from '../../src/connectors/stores/sqlite-outbox';
import type { IssueReport } from '../../src/core/council';
import type { Logger } from '../../src/core/logger';
import type { RetryPolicy } from '../../src/core/reports/delivery';

export const HOST = 'https://reports.council.example';
export const BASE = '/open311/v2';
export const SERVICES = [{ service_code: 'EN-05', service_name: 'Graffiti', metadata: false, type: 'realtime' }];
export const graffiti: IssueReport = { issueType: 'GRAFFITI', location: 'The underpass', description: 'Tags on the wall' };

export class TestClock {
  constructor(public at = new Date('2026-11-27T10:00:00Z')) {}
  now = () => this.at;
  advance(ms: number): void {
    this.at = new Date(this.at.getTime() + ms);
  }
}

export interface BenchOptions {
  /** No jitter, so a test knows when each retry falls due. */
  retry: RetryPolicy;
  /** How long the reporter waits for the council's answer. */
  timeoutMs: number;
}

/**
 * Registers the hooks (no real network; a fresh folder per test) and returns `open`, which builds
 * the outbox, reporter and sender over that folder; opening again after a close is a restart.
 */
export function useOutboxBench(options: BenchOptions): (clock: TestClock, logger?: Logger) => { outbox: SqliteReportOutbox; reporter: Open311Reporter; sender: OutboxSender; db: Database } {
  let dir: string;
  let db: Database | undefined;
  beforeAll(() => nock.disableNetConnect());
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'outbox-bench-'));
  });
  afterEach(() => {
    nock.cleanAll();
    if (db?.open) db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  afterAll(() => nock.enableNetConnect());
  return (clock, logger) => {
    db = openDatabase(dir);
    const outbox = new SqliteReportOutbox(db);
    const reporter = new Open311Reporter({ endpoint: `${HOST}${BASE}`, apiKey: 'k', timeZone: 'Europe/London', clock, timeoutMs: options.timeoutMs, logger });
    const sender = new OutboxSender({ outbox, reporter, clock, retry: options.retry, leaseMs: 60_000 });
    return { outbox, reporter, sender, db };
  };
}
