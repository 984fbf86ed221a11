/**
 * The outbox sender for a deployment of several councils: one OutboxSender per council, each
 * claiming only its own council's queue and sending through that council's reporter, all run
 * side by side on one timer. A council that is down (its breaker open, its requests timing out)
 * only slows its own queue; every other council's reports go as soon as they are due.
 */
import { silentLogger, type Logger } from '../core/logger';
import { OutboxSender, type OutboxSenderOptions, type SendRun } from './outbox-sender';
import { PeriodicRun } from './periodic-run';

export interface CouncilQueue {
  councilId: string;
  /** The council's own queue (core/councils/council-outbox) and reporter. */
  sender: Pick<OutboxSenderOptions, 'outbox' | 'reporter'>;
}

export type CouncilSendersOptions = Omit<OutboxSenderOptions, 'outbox' | 'reporter'> & { queues: readonly CouncilQueue[] };

/** Every line a council's sender logs says which council it was about. */
function naming(logger: Logger, council: string): Logger {
  return {
    info: (obj, msg) => logger.info({ ...obj, council }, msg),
    warn: (obj, msg) => logger.warn({ ...obj, council }, msg),
    error: (obj, msg) => logger.error({ ...obj, council }, msg),
  };
}

export class CouncilOutboxSenders {
  private readonly senders: { councilId: string; sender: OutboxSender }[];
  private readonly logger: Logger;
  private running?: Promise<SendRun>;
  private readonly loop: PeriodicRun;

  constructor(private readonly options: CouncilSendersOptions) {
    this.logger = options.logger ?? silentLogger;
    this.senders = options.queues.map(({ councilId, sender }) => ({
      councilId,
      sender: new OutboxSender({ ...options, ...sender, logger: naming(this.logger, councilId) }),
    }));
    this.loop = new PeriodicRun(() => this.runOnce(), options.intervalMs ?? 15_000,
      (error) => this.logger.error({ err: error }, 'outbox senders run failed'));
  }

  /** One pass over every council's queue at once; the counts added up. */
  runOnce(): Promise<SendRun> {
    this.running ??= this.sendAll().finally(() => { this.running = undefined; });
    return this.running;
  }

  private async sendAll(): Promise<SendRun> {
    const runs = await Promise.all(this.senders.map(({ councilId, sender }) => sender.runOnce().catch((error: unknown) => {
      this.logger.error({ err: error, council: councilId }, 'outbox sender run failed for one council');
      return { sent: 0, retrying: 0, rejected: 0 };
    })));
    return runs.reduce((total, run) => ({ sent: total.sent + run.sent, retrying: total.retrying + run.retrying, rejected: total.rejected + run.rejected }), { sent: 0, retrying: 0, rejected: 0 });
  }

  /** Runs now and then every `intervalMs` until stop(). */
  start(): void {
    this.loop.start();
  }

  /** Stops scheduling and waits for the pass in flight. */
  async stop(): Promise<void> {
    this.loop.stop();
    await this.running?.catch(() => undefined);
  }
}
