/**
 * `npm run bench:profile:http`: where our HTTP server spends its CPU per request. Runs the bench's
 * server (bench/targets/ours-server.ts, the bin-day answer from a warm cache) under
 * `node --cpu-prof`, loads it with autocannon as `npm run bench` does, and prints the profile's
 * self time by package or source folder and the busiest functions, in microseconds per request.
 * BENCH_SLICE (seconds, default 6) of load after a 3 s warm-up; the .cpuprofile is kept in
 * .build/profile-http/ for Chrome DevTools.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildBenchTargets } from './lib/build-targets';
import { startChildServer } from './lib/child-server';
import { loadTarget } from './lib/http-load';
import { startSlowCouncil } from './lib/slow-council';

const ROOT = path.resolve(__dirname, '..');
const PROFILE_DIR = path.join(ROOT, '.build', 'profile-http');

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

function ownerOf(url: string): string {
  if (url.startsWith('node:')) return 'node internals';
  if (url === '') return '(native, GC, idle)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg?.[1]) return pkg[1];
  return url.replace(/^.*?\/(src|bench)\//, '$1/').split('/').slice(0, 2).join('/');
}

async function main(): Promise<void> {
  const seconds = Number(process.env.BENCH_SLICE ?? 6);
  const bench = await buildBenchTargets();
  const council = await startSlowCouncil(300);
  rmSync(PROFILE_DIR, { recursive: true, force: true });
  mkdirSync(PROFILE_DIR, { recursive: true });
  const body = JSON.stringify(JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/alexa/get-bin-collection.json'), 'utf8')));
  const server = await startChildServer(bench.programs['ours-server'], {
    DEMO_COUNCIL_URL: council.url, LOG_LEVEL: process.env.LOG_LEVEL ?? 'info', BENCH_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'council-voice-profile-')),
    NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${PROFILE_DIR} --cpu-prof-interval=200`,
  });
  let requests = 0;
  try {
    await loadTarget(`${server.url}/alexa`, body, { seconds: 3, connections: 10 });
    const result = await loadTarget(`${server.url}/alexa`, body, { seconds, connections: 10 });
    requests = result.requests;
  } finally {
    await server.stop();
    await council.close();
  }
  const file = readdirSync(PROFILE_DIR).find((name) => name.endsWith('.cpuprofile'));
  if (!file) throw new Error('no profile written');
  const profile = JSON.parse(readFileSync(path.join(PROFILE_DIR, file), 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byOwner = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const node of profile.nodes) {
    const us = selfUs.get(node.id) ?? 0;
    const { functionName, url, lineNumber } = node.callFrame;
    byOwner.set(ownerOf(url), (byOwner.get(ownerOf(url)) ?? 0) + us);
    const label = `${functionName || '(anonymous)'} ${url.replace(/^.*\/(node_modules|src)\//, '$1/')}:${lineNumber + 1}`;
    byFunction.set(label, (byFunction.get(label) ?? 0) + us);
  }
  // Warm-up requests are in the profile too; the per-request figures divide by the measured ones only, so read them as upper bounds.
  const per = (us: number) => (us / Math.max(requests, 1)).toFixed(1).padStart(7);
  console.log(`${requests} requests in ${seconds} s measured (after a 3 s warm-up, also profiled); microseconds of self time per measured request, by file:`);
  for (const [owner, us] of [...byOwner].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`  ${per(us)}  ${owner}`);
  console.log('\nBusiest functions:');
  for (const [fn, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`  ${per(us)}  ${fn}`);
  console.log(`\nProfile: ${path.relative(ROOT, path.join(PROFILE_DIR, file))}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
