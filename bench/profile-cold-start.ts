/**
 * `npm run bench:profile`: where a Lambda cold start spends its CPU. Builds the Alexa bundle
 * unminified (names stay readable) with its source map, runs one cold start under
 * `node --cpu-prof` against dynalite with the bench resident saved, and prints the profile's self
 * time by package or source folder (mapped back through the source map) and the busiest
 * functions. The .cpuprofile is kept in .build/profile/ for Chrome DevTools.
 *
 * BENCH_PROFILE_EVENT picks the event (default: the bin-day intent; `launch` for LaunchRequest).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { SourceMap, type SourceMapPayload } from 'node:module';
import path from 'node:path';
import { bundleFunctions } from '../scripts/bundle';
import { BENCH_BUILD_DIR, buildBenchTargets } from './lib/build-targets';
import { seedBenchDynamo } from './lib/bench-dynamo';
import { startChildServer } from './lib/child-server';
import { COLD_MARK } from './lib/cold-mark';

const ROOT = path.resolve(__dirname, '..');
const PROFILE_DIR = path.join(ROOT, '.build', 'profile');

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** `node_modules/<pkg>` or the source folder (src/core, locales/en-GB...) an original file came from. */
function ownerOf(source: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  if (pkg?.[1]) return pkg[1];
  const relative = source.replace(/^.*?\/(src|locales|interaction-models|councils)\//, '$1/');
  return relative.split('/').slice(0, 2).join('/');
}

function summarise(profile: CpuProfile, bundle: string, map: SourceMap): { byOwner: [string, number][]; byFunction: [string, number][]; totalMs: number } {
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byOwner = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const us = selfUs.get(node.id) ?? 0;
    if (us === 0) continue;
    total += us;
    const { url, lineNumber, columnNumber, functionName } = node.callFrame;
    let owner: string;
    let where = '';
    if (url.endsWith(bundle)) {
      const entry = map.findEntry(lineNumber, columnNumber) as { originalSource?: string; originalLine?: number };
      owner = entry.originalSource ? ownerOf(entry.originalSource) : '(bundle, unmapped)';
      where = entry.originalSource ? `${path.basename(entry.originalSource)}:${(entry.originalLine ?? 0) + 1}` : '';
    } else if (url.startsWith('node:') || url === '') {
      owner = url === '' ? `(${functionName || 'native'})` : 'node internals';
    } else {
      owner = path.relative(ROOT, url);
    }
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + us);
    const label = `${functionName || '(anonymous)'} ${where || url}`.trim();
    byFunction.set(label, (byFunction.get(label) ?? 0) + us);
  }
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, v / 1000] as [string, number]);
  return { byOwner: sorted(byOwner), byFunction: sorted(byFunction), totalMs: total / 1000 };
}

async function main(): Promise<void> {
  const eventName = process.env.BENCH_PROFILE_EVENT === 'launch' ? 'launch' : 'get-bin-collection';
  const event = path.join(ROOT, 'test/fixtures/alexa', `${eventName}.json`);
  const [alexa] = await bundleFunctions({ outDir: path.join(ROOT, '.build', 'unminified'), only: ['alexa'], minify: false });
  if (!alexa) throw new Error('no alexa bundle');
  const bench = await buildBenchTargets();
  const dynamo = await startChildServer(bench.programs['dynalite-server']);
  try {
    const awsEnv = await seedBenchDynamo(dynamo.url);
    rmSync(PROFILE_DIR, { recursive: true, force: true });
    mkdirSync(PROFILE_DIR, { recursive: true });
    const run = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', PROFILE_DIR, '--cpu-prof-interval', '100', path.join(BENCH_BUILD_DIR, 'cold-once.js'), alexa.outfile, event], {
      env: { ...process.env, ...awsEnv, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(`cold run failed: ${run.stderr}`);
    const file = readdirSync(PROFILE_DIR).find((name) => name.endsWith('.cpuprofile'));
    if (!file) throw new Error('no profile written');
    const profile = JSON.parse(readFileSync(path.join(PROFILE_DIR, file), 'utf8')) as CpuProfile;
    const map = new SourceMap(JSON.parse(readFileSync(`${alexa.outfile}.map`, 'utf8')) as SourceMapPayload);
    const { byOwner, byFunction, totalMs } = summarise(profile, path.basename(path.dirname(alexa.outfile)) + '/index.js', map);
    const mark = run.stdout.split('\n').find((line) => line.startsWith(COLD_MARK)) ?? `${COLD_MARK}{}`;
    const result = JSON.parse(mark.slice(COLD_MARK.length)) as { cpuMs?: number };
    console.log(`Cold start of the unminified Alexa bundle answering ${eventName}: ${result.cpuMs?.toFixed(1)} ms CPU in the process, ${totalMs.toFixed(1)} ms sampled.`);
    console.log('\nSelf time by package or source folder (ms):');
    for (const [owner, ms] of byOwner.slice(0, 25)) console.log(`  ${ms.toFixed(1).padStart(7)}  ${owner}`);
    console.log('\nBusiest functions (self ms):');
    for (const [fn, ms] of byFunction.slice(0, 20)) console.log(`  ${ms.toFixed(1).padStart(7)}  ${fn}`);
    console.log(`\nProfile: ${path.relative(ROOT, path.join(PROFILE_DIR, file))} (open in Chrome DevTools > Performance)`);
  } finally {
    await dynamo.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
