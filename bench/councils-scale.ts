/**
 * `npm run bench:councils` (also the last part of `npm run bench`): how a deployment of many
 * councils starts. Generates 400 council files (bench/lib/generate-councils.ts) and measures, in a
 * fresh process each, the time to load and check every file and compose the service, and the
 * memory it then holds, against the demo council alone. The goal (issue 12): under 2 s, and under
 * 50 MB more than one council. Nothing is asserted; BENCH_COUNCILS sets the count, BENCH_COUNCIL_RUNS
 * the runs per case (median reported).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_CONFIG_PATH } from '../src/config/load-config';
import { generateCouncils } from './lib/generate-councils';

const ROOT = path.resolve(__dirname, '..');
const CHILD = path.join(__dirname, 'lib/councils-child.ts');
const TSX = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');

interface Sample { councils: number; loadMs: number; composeMs: number; cpuMs: number; heapMb: number; rssMb: number; uptimeMs: number; owner: string }

function measure(target: string): Sample {
  const out = execFileSync(process.execPath, ['--expose-gc', TSX, CHILD, target], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(out) as Sample;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

function summarise(samples: Sample[]): Sample {
  const first = samples[0] as Sample;
  return {
    ...first,
    loadMs: median(samples.map((s) => s.loadMs)),
    composeMs: median(samples.map((s) => s.composeMs)),
    cpuMs: median(samples.map((s) => s.cpuMs)),
    heapMb: median(samples.map((s) => s.heapMb)),
    rssMb: median(samples.map((s) => s.rssMb)),
    uptimeMs: median(samples.map((s) => s.uptimeMs)),
  };
}

/** Measures one council and `count` councils; returns the rows printed. */
export function measureCouncilScale(count = Number(process.env.BENCH_COUNCILS ?? 400), runs = Number(process.env.BENCH_COUNCIL_RUNS ?? 3)) {
  const dir = mkdtempSync(path.join(tmpdir(), 'council-voice-councils-'));
  try {
    generateCouncils(dir, count);
    const one: Sample[] = [];
    const many: Sample[] = [];
    // Interleaved, so a burst of load on the shared machine falls on both alike.
    for (let run = 0; run < runs; run++) {
      one.push(measure(DEMO_CONFIG_PATH));
      many.push(measure(dir));
    }
    return { one: summarise(one), many: summarise(many) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function main(): void {
  const { one, many } = measureCouncilScale();
  const row = (label: string, s: Sample) => `${label.padEnd(14)} ${`${s.loadMs.toFixed(0)} ms`.padStart(9)} ${`${s.composeMs.toFixed(0)} ms`.padStart(10)} ${`${s.cpuMs.toFixed(0)} ms`.padStart(9)} ${`${s.heapMb.toFixed(1)} MB`.padStart(9)} ${`${s.rssMb.toFixed(1)} MB`.padStart(9)} ${`${s.uptimeMs.toFixed(0)} ms`.padStart(12)}`;
  console.log('Councils in one deployment: load + check every file, compose the service (median of runs, fresh process each)');
  console.log(`${''.padEnd(14)} ${'load'.padStart(9)} ${'+compose'.padStart(10)} ${'cpu'.padStart(9)} ${'heap'.padStart(9)} ${'rss'.padStart(9)} ${'process up'.padStart(12)}`);
  console.log(row('1 council', one));
  console.log(row(`${many.councils} councils`, many));
  const extraMb = many.heapMb - one.heapMb;
  console.log(`\n${many.councils} councils load, check and compose in ${many.composeMs.toFixed(0)} ms wall, ${many.cpuMs.toFixed(0)} ms CPU (goal < 2000 ms; `
    + `load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} CPUs), and hold ${extraMb.toFixed(1)} MB more heap than one council (goal < 50 MB); RSS ${(many.rssMb - one.rssMb).toFixed(1)} MB more.`);
}

if (require.main === module) main();
