/**
 * A job run now and then `intervalMs` after each run ends, until stopped: the outbox senders'
 * loop. Runs never overlap, a failed run is reported and the next one still comes, and the timer
 * alone never keeps the process alive.
 */
export class PeriodicRun {
  private timer?: NodeJS.Timeout;
  private stopped = true;

  constructor(
    private readonly run: () => Promise<unknown>,
    private readonly intervalMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const tick = () => {
      this.run()
        .catch(this.onError)
        .finally(() => {
          if (this.stopped) return;
          this.timer = setTimeout(tick, this.intervalMs);
          this.timer.unref();
        });
    };
    tick();
  }

  /** Stops scheduling; the caller waits for its run in flight. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }
}
