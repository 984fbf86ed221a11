/**
 * Stops calling a council server that keeps failing, so residents get the apology at once
 * instead of waiting out a timeout each time, and the struggling server gets room to recover.
 * After `cooldownMs` one trial call is let through; its result closes or re-opens the circuit.
 */

export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit. */
  failureThreshold?: number;
  cooldownMs?: number;
  now?: () => number;
}

export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | undefined;
  private trialInFlight = false;
  private readonly threshold: number;
  private readonly cooldownMs: number;
  private readonly now: () => number;

  constructor(options: CircuitBreakerOptions = {}) {
    this.threshold = options.failureThreshold ?? 5;
    this.cooldownMs = options.cooldownMs ?? 30_000;
    this.now = options.now ?? Date.now;
  }

  /** True when a call may go ahead now. */
  allows(): boolean {
    if (this.openedAt === undefined) return true;
    if (this.now() - this.openedAt < this.cooldownMs || this.trialInFlight) return false;
    this.trialInFlight = true;
    return true;
  }

  get isOpen(): boolean {
    return this.openedAt !== undefined;
  }

  recordSuccess(): void {
    this.failures = 0;
    this.openedAt = undefined;
    this.trialInFlight = false;
  }

  recordFailure(): void {
    this.failures++;
    this.trialInFlight = false;
    if (this.failures >= this.threshold) this.openedAt = this.now();
  }
}
