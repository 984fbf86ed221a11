/**
 * The outbox sender for a deployment of several councils: one OutboxSender per council, each
 * claiming only its own council's queue and sending through that council's reporter, all run
 * side by side on one timer. A council that is down (its breaker open, its requests timing out)
 * only slows its own queue; every other council's reports go as soon as they are due.
 */
import { silentLogger, type Logger } from '../core/logger';
import { OutboxSender, type OutboxSenderOptions, type SendRun } from './outbox-sender';

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
  private timer?: NodeJS.Timeout;
  private stopped = true;
  private running?: Promise<SendRun>;

  constructor(private readonly options: CouncilSendersOptions) {
    this.logger = options.logger ?? silentLogger;
    this.senders = options.queues.map(({ councilId, sender }) => ({
      councilId,
      sender: new OutboxSender({ ...options, ...sender, logger: naming(this.logger, councilId) }),
    }));
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
    if (!this.stopped) return;
    this.stopped = false;
    const tick = () => {
      void this.runOnce().finally(() => {
        if (this.stopped) return;
        this.timer = setTimeout(tick, this.options.intervalMs ?? 15_000);
        this.timer.unref();
      });
    };
    tick();
  }

  /** Stops scheduling and waits for the pass in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }
}
