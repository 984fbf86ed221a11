/**
 * A per-client request budget for /mcp: a fixed one-minute window per client key (the token's
 * subject, else the caller's address). Kept in memory, so on Lambda it is per container; the
 * HTTP API's own throttling is the limit across containers.
 */

export interface RateLimiter {
  /** Counts one request; `retryAfterSeconds` when the client is over its budget. */
  take(key: string, now?: number): { ok: true } | { ok: false; retryAfterSeconds: number };
}

const WINDOW_MS = 60_000;
/** Clients remembered at once; beyond this the oldest windows are forgotten first. */
const MAX_CLIENTS = 10_000;

export function createRateLimiter(perMinute: number): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    take(key, now = Date.now()) {
      let window = windows.get(key);
      if (!window || now - window.start >= WINDOW_MS) {
        windows.delete(key);
        if (windows.size >= MAX_CLIENTS) {
          const oldest = windows.keys().next().value;
          if (oldest !== undefined) windows.delete(oldest);
        }
        window = { start: now, count: 0 };
        windows.set(key, window);
      }
      window.count += 1;
      if (window.count <= perMinute) return { ok: true };
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((window.start + WINDOW_MS - now) / 1000)) };
    },
  };
}
