/**
 * A small per-key cache for data that changes rarely (collection calendars): fresh copies are
 * served without a call, stale ones are refreshed, and when a refresh fails the stale copy is
 * served instead of an apology. Concurrent misses for one key share a single load.
 */
import type { Clock } from '../../core/dates';

export interface StaleWhileErrorOptions {
  /** How long a copy is fresh, in milliseconds. */
  freshMs: number;
  clock: Clock;
  /** After a failed refresh, how long to keep serving the stale copy before trying again. */
  retryAfterErrorMs?: number;
  /** Bound on keys held, so a crawl over many properties cannot grow memory without end. */
  maxEntries?: number;
  /** Told when a refresh failed and a stale copy was served instead. */
  onStaleServed?: (error: unknown) => void;
}

interface Entry<T> {
  value: T;
  /** Until this time (ms) the value is served without a call. */
  freshUntil: number;
}

export class StaleWhileErrorCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly loading = new Map<string, Promise<T>>();
  private readonly maxEntries: number;
  private readonly retryAfterErrorMs: number;

  constructor(private readonly options: StaleWhileErrorOptions) {
    this.maxEntries = options.maxEntries ?? 10_000;
    this.retryAfterErrorMs = options.retryAfterErrorMs ?? Math.min(options.freshMs, 5 * 60_000);
  }

  /** The value for `key`, loading it with `load` when missing or stale. */
  get(key: string, load: () => Promise<T>): Promise<T> {
    const entry = this.entries.get(key);
    if (entry && this.options.clock.now().getTime() < entry.freshUntil) {
      return Promise.resolve(entry.value);
    }
    const pending = this.loading.get(key);
    if (pending) return pending;
    const started = this.refresh(key, load, entry).finally(() => this.loading.delete(key));
    this.loading.set(key, started);
    return started;
  }

  private async refresh(key: string, load: () => Promise<T>, stale: Entry<T> | undefined): Promise<T> {
    try {
      const value = await load();
      this.remember(key, value);
      return value;
    } catch (error) {
      if (!stale) throw error;
      this.options.onStaleServed?.(error);
      // A council server that is down should not cost every resident a timeout: wait a while.
      stale.freshUntil = this.options.clock.now().getTime() + this.retryAfterErrorMs;
      return stale.value;
    }
  }

  private remember(key: string, value: T): void {
    // Re-inserting moves the key to the end, so the first key is always the least recently loaded.
    this.entries.delete(key);
    this.entries.set(key, { value, freshUntil: this.options.clock.now().getTime() + this.options.freshMs });
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }
}
