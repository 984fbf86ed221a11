/**
 * Cold start, timed from outside: spawn `node cold-once.js handler event`, wait for it to exit.
 * Runs are interleaved (empty, ours, bare, empty, ...) so a burst of load on the shared machine
 * hits every target alike, and the median of several runs is kept.
 */
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { median } from './stats';

export interface ColdTarget {
  name: string;
  /** Arguments after cold-once.js: none for the empty process, else handler and event files. */
  args: string[];
  env?: NodeJS.ProcessEnv;
}

function timeOnce(script: string, target: ColdTarget): Promise<number> {
  const start = performance.now();
  const child = spawn(process.execPath, [script, ...target.args], {
    env: { ...process.env, ...target.env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) resolve(performance.now() - start);
      else reject(new Error(`${target.name}: cold run exited with ${code}`));
    });
  });
}

/** Median wall time per target over `runs` interleaved runs, in milliseconds. */
export async function measureColdStarts(script: string, targets: ColdTarget[], runs: number): Promise<Record<string, number>> {
  const times: Record<string, number[]> = Object.fromEntries(targets.map((t) => [t.name, []]));
  for (let run = 0; run < runs; run += 1) {
    for (const target of targets) times[target.name]?.push(await timeOnce(script, target));
  }
  return Object.fromEntries(Object.entries(times).map(([name, values]) => [name, median(values)]));
}
