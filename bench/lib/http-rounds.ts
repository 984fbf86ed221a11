/**
 * The HTTP comparison in interleaved rounds: every target's server runs at once (idle ones cost
 * nothing), and each round loads peer, floor and ours in turn for a short slice. A burst of load
 * from elsewhere on a shared machine then lands on all of them alike, instead of on whichever
 * target happened to be running.
 */
import type { ChildServer } from './child-server';
import { loadTarget, type HttpResult } from './http-load';
import { median } from './stats';

export interface HttpTarget {
  name: string;
  server: ChildServer;
}

export interface HttpSummary {
  reqPerSec: number;
  requests: number;
  /** Median over the rounds of each round's latency quantiles, in milliseconds. */
  p50Ms: number;
  p99Ms: number;
  /** Server CPU (user + system) per request, in microseconds. */
  cpuUsPerRequest: number;
  /** The last answer the warm-up got, to show what was measured. */
  answer: string;
  /** One connection only: the latency of an answer with no queue in front of it. */
  alone: HttpResult;
}

export interface RoundOptions {
  /**
   * Seconds of unmeasured load per target first. V8 optimises a long code path only after
   * thousands of calls: our server spends about four times the CPU per request in its first
   * seconds as it does once warm, so measuring from the start would compare start-up, not serving.
   */
  warmSeconds: number;
  rounds: number;
  /** Seconds of load per target per round. */
  slice: number;
  connections: number;
}

async function post(url: string, body: string): Promise<string> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${text}`);
  return text;
}

function check(name: string, run: HttpResult): HttpResult {
  if (run.errors > 0 || run.non2xx > 0) throw new Error(`${name}: ${run.errors} errors, ${run.non2xx} non-2xx`);
  return run;
}

/** POSTs `body` to each target's /alexa in `rounds` interleaved slices; then one connection each. */
export async function measureHttpRounds(targets: HttpTarget[], body: string, options: RoundOptions): Promise<Record<string, HttpSummary>> {
  const answers = new Map<string, string>();
  for (const { name, server } of targets) {
    // The first request fills our cache from the slow council; the rest warm up the JIT.
    let answer = '';
    for (let i = 0; i < 300; i += 1) answer = await post(`${server.url}/alexa`, body);
    answers.set(name, answer);
    check(name, await loadTarget(`${server.url}/alexa`, body, { seconds: options.warmSeconds, connections: options.connections }));
  }
  const runs = new Map<string, { result: HttpResult; cpuMs: number }[]>(targets.map((t) => [t.name, []]));
  for (let round = 0; round < options.rounds; round += 1) {
    for (const { name, server } of targets) {
      const cpuBefore = await server.cpuMs();
      const result = check(name, await loadTarget(`${server.url}/alexa`, body, { seconds: options.slice, connections: options.connections }));
      runs.get(name)?.push({ result, cpuMs: (await server.cpuMs()) - cpuBefore });
    }
  }
  const summaries: Record<string, HttpSummary> = {};
  for (const { name, server } of targets) {
    const list = runs.get(name) ?? [];
    const requests = list.reduce((sum, { result }) => sum + result.requests, 0);
    const cpuMs = list.reduce((sum, run) => sum + run.cpuMs, 0);
    const alone = check(name, await loadTarget(`${server.url}/alexa`, body, { seconds: Math.max(1, options.slice), connections: 1 }));
    summaries[name] = {
      reqPerSec: requests / (options.rounds * options.slice),
      requests,
      p50Ms: median(list.map(({ result }) => result.p50Ms)),
      p99Ms: median(list.map(({ result }) => result.p99Ms)),
      cpuUsPerRequest: (cpuMs * 1000) / requests,
      answer: answers.get(name) ?? '',
      alone,
    };
  }
  return summaries;
}
