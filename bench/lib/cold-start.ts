/**
 * Cold start: spawn `node cold-once.js handler event`, wait for it to exit. Runs are interleaved
 * (empty, bare, ours, empty, ...) so a burst of load on the shared machine hits every target
 * alike, and the median of several runs is kept: of the wall time seen from outside, and of the
 * CPU time the process reports for itself (steadier when other work shares the cores).
 */
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { COLD_MARK } from './cold-mark';
import { median } from './stats';

export interface ColdTarget {
  name: string;
  /** Arguments after cold-once.js: none for the empty process, else handler and event files. */
  args: string[];
  env?: NodeJS.ProcessEnv;
}

export interface ColdResult {
  wallMs: number;
  cpuMs: number;
}

function runOnce(script: string, target: ColdTarget): Promise<ColdResult> {
  const start = performance.now();
  const child = spawn(process.execPath, [script, ...target.args], {
    env: { ...process.env, ...target.env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      const wallMs = performance.now() - start;
      if (code !== 0) return reject(new Error(`${target.name}: cold run exited with ${code}`));
      // The handler's own log lines share stdout, some written as the process exits: find ours.
      const line = out.split('\n').find((l) => l.startsWith(COLD_MARK));
      if (!line) return reject(new Error(`${target.name}: no result in its output`));
      const { cpuMs } = JSON.parse(line.slice(COLD_MARK.length)) as { cpuMs: number };
      resolve({ wallMs, cpuMs });
    });
  });
}

/** Median wall and CPU time per target over `runs` interleaved runs, in milliseconds. */
export async function measureColdStarts(script: string, targets: ColdTarget[], runs: number): Promise<Record<string, ColdResult>> {
  const results: Record<string, ColdResult[]> = Object.fromEntries(targets.map((t) => [t.name, []]));
  for (let run = 0; run < runs; run += 1) {
    for (const target of targets) results[target.name]?.push(await runOnce(script, target));
  }
  return Object.fromEntries(Object.entries(results).map(([name, list]) => [name, {
    wallMs: median(list.map((r) => r.wallMs)),
    cpuMs: median(list.map((r) => r.cpuMs)),
  }]));
}
