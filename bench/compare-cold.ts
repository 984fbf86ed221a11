/**
 * `npm run bench:cold -- before.js after.js ...`: cold starts of several Alexa bundles
 * (say, one saved before a change and one built after it), interleaved with an empty node process
 * so a burst of load on the shared machine hits each alike. Prints each bundle's median CPU and
 * wall time over the empty process. BENCH_COLD_RUNS (default 15) runs per target;
 * BENCH_PROFILE_EVENT=bin-day answers the bin-day intent instead of a LaunchRequest;
 * BENCH_PROFILE_EVENT=dialogflow-cx sends Dialogflow functions (.build/dialogflow) the CX welcome as
 * API Gateway delivers it, with the caller check off (NODE_ENV=development), so the welcome is answered.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { seedBenchDynamo } from './lib/bench-dynamo';
import { buildBenchTargets } from './lib/build-targets';
import { startChildServer } from './lib/child-server';
import { measureColdStarts } from './lib/cold-start';

const ROOT = path.resolve(__dirname, '..');

async function main(): Promise<void> {
  const bundles = process.argv.slice(2);
  if (bundles.length === 0) throw new Error('name one or more bundled handlers (index.js files)');
  const kind = process.env.BENCH_PROFILE_EVENT;
  const event = kind === 'dialogflow-cx' ? dialogflowEvent() : path.join(ROOT, 'test/fixtures/alexa', kind === 'bin-day' ? 'get-bin-collection.json' : 'launch.json');
  const callerCheckOff = kind === 'dialogflow-cx' ? { NODE_ENV: 'development', SKIP_REQUEST_VERIFICATION: '1' } : {};
  const runs = Number(process.env.BENCH_COLD_RUNS ?? 15);
  const bench = await buildBenchTargets();
  const dynamo = await startChildServer(bench.programs['dynalite-server']);
  try {
    const env = { ...(await seedBenchDynamo(dynamo.url)), LOG_LEVEL: process.env.LOG_LEVEL ?? 'info', DEMO_COUNCIL_URL: 'http://127.0.0.1:9', ...callerCheckOff };
    const targets = [{ name: 'empty', args: [] }, ...bundles.map((file) => ({ name: file, args: [path.resolve(file), event], env }))];
    const cold = await measureColdStarts(bench.programs['cold-once'], targets, runs);
    const empty = cold.empty;
    if (!empty) throw new Error('no empty runs');
    console.log(`${runs} interleaved runs, load average ${loadavg().map((n) => n.toFixed(2)).join(' ')}; empty node: ${empty.cpuMs.toFixed(1)} ms CPU`);
    for (const file of bundles) {
      const result = cold[file];
      if (result) console.log(`  CPU +${(result.cpuMs - empty.cpuMs).toFixed(1).padStart(6)} ms  wall +${(result.wallMs - empty.wallMs).toFixed(1).padStart(6)} ms  ${file}`);
    }
  } finally {
    await dynamo.stop();
  }
}

/** The CX welcome fixture inside the HTTP API event the Dialogflow function receives, written to a temporary file. */
function dialogflowEvent(): string {
  const body = JSON.stringify(JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/dialogflow-cx/welcome.json'), 'utf8')));
  const file = path.join(tmpdir(), `council-voice-cx-welcome-${process.pid}.json`);
  writeFileSync(file, JSON.stringify({ routeKey: 'POST /dialogflow/cx', rawPath: '/dialogflow/cx', headers: { 'content-type': 'application/json' }, body, isBase64Encoded: false }));
  return file;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
