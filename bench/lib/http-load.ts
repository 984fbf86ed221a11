/** Loads one HTTP target with autocannon and keeps what the table shows. */
import autocannon from 'autocannon';

export interface HttpResult {
  reqPerSec: number;
  requests: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

export interface LoadOptions {
  /** Seconds of load; short, because the machine is shared. */
  seconds: number;
  connections: number;
}

/** POSTs `body` to `url` for `seconds` and returns the mean rate and latency quantiles. */
export async function loadTarget(url: string, body: string, options: LoadOptions): Promise<HttpResult> {
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections: options.connections,
    duration: options.seconds,
  });
  return {
    reqPerSec: result.requests.average,
    requests: result.requests.total,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}
