/**
 * Sends what is waiting in the report outbox: the reports whose first attempt failed or timed
 * out, and any left behind by a process that stopped. Retries back off exponentially with jitter
 * up to a cap and never give up, since all state is in the outbox, a restart carries on.
 *
 * The server calls start() and stop(); a scheduled function (Lambda) calls runOnce().
 */
import type { IssueReporter } from '../core/council';
import { systemClock, type Clock } from '../core/dates';
import { silentLogger, type Logger } from '../core/logger';
import type { ReportOutbox } from '../core/outbox';
import { deliverEntry, DEFAULT_RETRY_POLICY, type RetryPolicy } from '../core/reports/delivery';
import { PeriodicRun } from './periodic-run';

export interface OutboxSenderOptions {
  outbox: ReportOutbox;
  reporter: IssueReporter;
  clock?: Clock;
  logger?: Logger;
  retry?: RetryPolicy;
  /** How often start() looks for due reports. */
  intervalMs?: number;
  /** Reports taken per run; the rest wait for the next run. */
  batchSize?: number;
  /** How long a claimed report is ours before another sender may take it (a crash mid-send). */
  leaseMs?: number;
  /** Officers are told (logger.error) once a report has failed this many times. */
  alertAfterAttempts?: number;
}

export interface SendRun {
  sent: number;
  retrying: number;
  rejected: number;
}

export class OutboxSender {
  private readonly clock: Clock;
  private readonly logger: Logger;
  private running?: Promise<SendRun>;
  private readonly loop: PeriodicRun;

  constructor(private readonly options: OutboxSenderOptions) {
    this.clock = options.clock ?? systemClock;
    this.logger = options.logger ?? silentLogger;
    this.loop = new PeriodicRun(() => this.runOnce(), options.intervalMs ?? 15_000,
      (error) => this.logger.error({ err: error }, 'outbox sender run failed'));
  }

  /**
   * One pass over the due reports, each sent once. Overlapping calls share the pass in flight,
   * so this process never sends the same report twice at once; the outbox's claim keeps other
   * processes off the reports this one took.
   */
  runOnce(): Promise<SendRun> {
    this.running ??= this.sendDue().finally(() => { this.running = undefined; });
    return this.running;
  }

  private async sendDue(): Promise<SendRun> {
    const { outbox, reporter } = this.options;
    const now = this.clock.now();
    const leaseUntil = new Date(now.getTime() + (this.options.leaseMs ?? 60_000));
    const due = await outbox.claimDue(now, leaseUntil, this.options.batchSize ?? 20);
    const run: SendRun = { sent: 0, retrying: 0, rejected: 0 };
    // One at a time: a council server just back from an outage should not get a burst.
    for (const entry of due) {
      const outcome = await deliverEntry(entry, reporter, outbox, { now: () => this.clock.now(), retry: this.options.retry ?? DEFAULT_RETRY_POLICY });
      const log = { entryId: entry.id, attempts: entry.attempts + 1 };
      if (outcome.kind === 'sent') {
        run.sent++;
        this.logger.info(log, 'report sent from the outbox');
      } else if (outcome.kind === 'rejected') {
        run.rejected++;
        this.logger.error({ ...log, err: outcome.error }, 'the council refused a report; it stays in the outbox as rejected');
      } else {
        run.retrying++;
        const alert = entry.attempts + 1 >= (this.options.alertAfterAttempts ?? 10);
        this.logger[alert ? 'error' : 'warn']({ ...log, err: outcome.error, retryAt: outcome.retryAt.toISOString() }, 'report not sent yet; will retry');
      }
    }
    return run;
  }

  /** Runs now and then every `intervalMs` until stop(). */
  start(): void {
    this.loop.start();
  }

  /** Stops scheduling and waits for a run in flight to finish recording its outcomes. */
  async stop(): Promise<void> {
    this.loop.stop();
    await this.running?.catch(() => undefined);
  }
}
