/**
 * When to try a DynamoDB call again, and how long to wait first: the AWS SDK's standard retry
 * mode (which the stores ran on before this client), so throttling and a passing server fault
 * cost a short wait rather than a resident's answer. Refusals (a failed condition, a validation
 * error, a missing table) are never retried.
 */
import { DynamoDbError } from './errors';

/** Error names DynamoDB and the AWS SDK treat as throttling. */
const THROTTLING = new Set([
  'ThrottlingException', 'ProvisionedThroughputExceededException', 'RequestLimitExceeded', 'Throttling',
  'TooManyRequestsException', 'LimitExceededException', 'TransactionInProgressException',
]);

/** Failures that say nothing about the request itself: it may well succeed a moment later. */
const TRANSIENT = new Set(['TimeoutError', 'NetworkError', 'RequestTimeout', 'RequestTimeoutException', 'InternalServerError', 'InternalFailure', 'ServiceUnavailable']);

export type RetryKind = 'throttling' | 'transient' | 'no';

export function classify(error: unknown): RetryKind {
  if (!(error instanceof DynamoDbError)) return 'no';
  if (error.status === 429 || THROTTLING.has(error.type)) return 'throttling';
  if (TRANSIENT.has(error.type) || error.status >= 500) return 'transient';
  return 'no';
}

/** The SDK's defaults for DynamoDB: four attempts; waits from 50 ms, or 1 s after throttling. */
export const MAX_ATTEMPTS = 4;
const BASE_DELAY_MS = { throttling: 1000, transient: 50 } as const;
const MAX_DELAY_MS = 20_000;

/** A wait before retry `retry` (0 for the first), with full jitter so many callers spread out. */
export function backoffMs(kind: Exclude<RetryKind, 'no'>, retry: number, scale = 1, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(BASE_DELAY_MS[kind] * scale * 2 ** retry, MAX_DELAY_MS));
}

/**
 * The SDK's retry quota: each retry spends tokens and each success earns some back, so when
 * DynamoDB is failing for everyone a container stops multiplying the load with its retries.
 */
export class RetryQuota {
  private tokens = 500;

  /** Spends the cost of one retry of `kind`; false (spend nothing) when the quota is used up. */
  take(kind: Exclude<RetryKind, 'no'>): number | undefined {
    const cost = kind === 'throttling' ? 5 : 14;
    if (this.tokens < cost) return undefined;
    this.tokens -= cost;
    return cost;
  }

  /** A call succeeded: refund its last retry's cost, or one token when it needed none. */
  succeeded(lastRetryCost: number | undefined): void {
    this.tokens = Math.min(500, this.tokens + (lastRetryCost ?? 1));
  }
}
