/**
 * `npm run bench`: our service against its peers, in one run, so every ratio compares numbers
 * taken under the same load on the same machine. Prints a table and writes bench/results.json.
 *
 * - HTTP: our /alexa answering GetBinCollectionIntent for a saved address (warm cache,
 *   verification off, council answering in 300 ms) vs Express + ask-sdk-express-adapter
 *   answering a fixed sentence (the peer) vs node:http + ask-sdk-core (the floor), and the floor
 *   reading the resident's profile from SQLite first (the least any answer of ours does).
 * - Lambda in-process: our bundled Alexa handler vs a bundled bare ask-sdk-core skill (and the
 *   bare skill plus one DynamoDB read, the like-for-like floor), JSON parse and serialise included.
 * - Cold start: a fresh node process loading a bundle and answering one LaunchRequest, minus an
 *   empty node process.
 * - Bundle sizes.
 *
 * BENCH_WARM (seconds, default 3), BENCH_ROUNDS (default 3) and BENCH_SLICE (seconds, default 2)
 * set the HTTP warm-up and interleaved load;
 * BENCH_COLD_RUNS (default 7) the cold-start runs per target. Nothing is asserted: the targets are
 * printed beside the results.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { bundleFunctions } from '../scripts/bundle';
import { LAMBDA_FUNCTIONS } from '../scripts/bundle/functions';
import { seedBenchDynamo } from './lib/bench-dynamo';
import { buildBenchTargets } from './lib/build-targets';
import { startChildServer, type ChildServer } from './lib/child-server';
import { measureColdStarts, type ColdResult } from './lib/cold-start';
import { measureHttpRounds, type HttpSummary } from './lib/http-rounds';
import { measureInProcess, type InProcessResult } from './lib/in-process';
import { startSlowCouncil } from './lib/slow-council';
import { ratio } from './lib/stats';
import { evaluateGoals, formatGoals } from './lib/goals';
import { fixed, formatTable, times, type Row } from './lib/table';

const ROOT = path.resolve(__dirname, '..');
const FIXTURES = path.join(ROOT, 'test/fixtures/alexa');
const BIN_DAY = path.join(FIXTURES, 'get-bin-collection.json');
const LAUNCH = path.join(FIXTURES, 'launch.json');
const COUNCIL_DELAY_MS = 300;

const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const slice = Number(process.env.BENCH_SLICE ?? 2);
const warmSeconds = Number(process.env.BENCH_WARM ?? 3);
const coldRuns = Number(process.env.BENCH_COLD_RUNS ?? 7);
const connections = 10;
const iterations = 3000;

/** The function's size budget (the build fails past it), for the table. */
const budgetOf = (name: string): string | undefined => {
  const maxBytes = LAMBDA_FUNCTIONS.find((fn) => fn.name === name)?.maxBytes;
  return maxBytes ? `budget ${fixed(maxBytes / 1024, 0)} KB` : undefined;
};

/** autocannon's latencies are whole milliseconds; 0 means under one. */
const ms = (value: number): string => (value < 1 ? '< 1 ms' : `${value} ms`);

const speechOf = (answer: unknown): string => {
  const speech = (answer as { response?: { outputSpeech?: { ssml?: string; text?: string } } })?.response?.outputSpeech;
  return (speech?.ssml ?? speech?.text ?? '').replace(/<[^>]+>/g, '').slice(0, 90);
};

async function main(): Promise<void> {
  const loadAverageBefore = loadavg();
  const work = mkdtempSync(path.join(tmpdir(), 'council-voice-bench-'));
  const council = await startSlowCouncil(COUNCIL_DELAY_MS);
  const started: ChildServer[] = [];
  try {
    console.log('Building the Lambda bundles and the bench programs...');
    const lambdas = await bundleFunctions();
    // What each function reads only on first use (lazy/ beside index.js), for the table.
    const lazyOf = (name: string): string | undefined => {
      const lazy = Object.entries(lambdas.find((fn) => fn.name === name)?.lazy ?? {});
      return lazy.length > 0 ? `+ on first use ${lazy.map(([pkg, bytes]) => `${pkg} ${fixed(bytes / 1024, 0)} KB`).join(', ')}` : undefined;
    };
    const bench = await buildBenchTargets();
    const body = JSON.stringify(JSON.parse(readFileSync(BIN_DAY, 'utf8')));

    // DynamoDB for the Lambda measurements: dynalite in its own process, the resident saved.
    const dynamo = await startChildServer(bench.programs['dynalite-server']);
    started.push(dynamo);
    const awsEnv = await seedBenchDynamo(dynamo.url);
    const councilEnv = { DEMO_COUNCIL_URL: council.url, LOG_LEVEL: process.env.LOG_LEVEL ?? 'info' };

    console.log(`HTTP: ${warmSeconds} s warm-up, then ${rounds} interleaved rounds of ${slice} s of autocannon per target, ${connections} connections...`);
    const councilBefore = council.requests();
    const servers = {
      peer: await startChildServer(bench.programs['express-peer-server']),
      floor: await startChildServer(bench.programs['floor-server']),
      floorStore: await startChildServer(bench.programs['floor-store-server'], { BENCH_DATA_DIR: mkdtempSync(path.join(work, 'floor-')) }),
      ours: await startChildServer(bench.programs['ours-server'], { ...councilEnv, BENCH_DATA_DIR: work }),
    };
    started.push(...Object.values(servers));
    const http = await measureHttpRounds(Object.entries(servers).map(([name, server]) => ({ name, server })), body, { warmSeconds, rounds, slice, connections });
    await Promise.all(Object.values(servers).map((server) => server.stop()));
    const { peer, floor, floorStore, ours } = http as Record<'peer' | 'floor' | 'floorStore' | 'ours', HttpSummary>;
    const councilCalls = council.requests() - councilBefore;

    console.log(`Lambda in-process: ${iterations} invocations per handler...`);
    const loop = bench.programs['invoke-loop'];
    const alexa = lambdas.find((fn) => fn.name === 'alexa');
    if (!alexa) throw new Error('no alexa bundle');
    const lambdaEnv = { ...councilEnv, ...awsEnv };
    const bare = await measureInProcess(loop, bench.bareLambdas['bare-lambda'].file, BIN_DAY, iterations);
    const bareStore = await measureInProcess(loop, bench.bareLambdas['bare-lambda-with-store'].file, BIN_DAY, iterations, awsEnv);
    const oursLambda: InProcessResult = await measureInProcess(loop, alexa.outfile, BIN_DAY, iterations, lambdaEnv);

    console.log(`Cold start: ${coldRuns} interleaved runs per target...`);
    const cold = await measureColdStarts(bench.programs['cold-once'], [
      { name: 'empty', args: [] },
      { name: 'bare', args: [bench.bareLambdas['bare-lambda'].file, LAUNCH] },
      { name: 'bareStore', args: [bench.bareLambdas['bare-lambda-with-store'].file, LAUNCH], env: awsEnv },
      { name: 'ours', args: [alexa.outfile, LAUNCH], env: lambdaEnv },
    ], coldRuns);
    const over = (name: string, measure: keyof ColdResult) => (cold[name]?.[measure] ?? Number.NaN) - (cold.empty?.[measure] ?? Number.NaN);
    const coldOurs = over('ours', 'wallMs');
    const coldBare = over('bare', 'wallMs');
    const coldBareStore = over('bareStore', 'wallMs');
    const coldOursCpu = over('ours', 'cpuMs');
    const coldBareCpu = over('bare', 'cpuMs');
    const coldBareStoreCpu = over('bareStore', 'cpuMs');

    const goals = evaluateGoals({
      http: {
        peer: { cpuUs: peer.cpuUsPerRequest, reqPerSec: peer.reqPerSec },
        floor: { cpuUs: floor.cpuUsPerRequest, reqPerSec: floor.reqPerSec },
        floorStore: { cpuUs: floorStore.cpuUsPerRequest, reqPerSec: floorStore.reqPerSec },
        ours: { cpuUs: ours.cpuUsPerRequest, reqPerSec: ours.reqPerSec },
      },
      cold: {
        bare: { wallMs: coldBare, cpuMs: coldBareCpu },
        bareStore: { wallMs: coldBareStore, cpuMs: coldBareStoreCpu },
        ours: { wallMs: coldOurs, cpuMs: coldOursCpu },
      },
      warm: { bareStore: bareStore.medianMs, ours: oursLambda.medianMs },
    });
    const results = {
      when: new Date().toISOString(),
      // The shared machine's load while measuring (1, 5, 15 minutes): ratios hold up under it better than absolute figures.
      machine: { node: process.version, cpus: cpus().length, loadAverageBefore, loadAverage: loadavg() },
      goals,
      settings: { warmSeconds, rounds, slice, connections, iterations, coldRuns, councilDelayMs: COUNCIL_DELAY_MS },
      http: { peer, floor, floorWithSqliteRead: floorStore, ours, councilCallsDuringOurRun: councilCalls },
      lambdaInProcess: { bare, bareWithStore: bareStore, ours: oursLambda },
      coldStart: {
        medians: cold, oursOverEmpty: coldOurs, bareOverEmpty: coldBare, bareWithStoreOverEmpty: coldBareStore,
        oursOverEmptyCpu: coldOursCpu, bareOverEmptyCpu: coldBareCpu, bareWithStoreOverEmptyCpu: coldBareStoreCpu,
      },
      bundles: Object.fromEntries([
        ...lambdas.map((fn) => [fn.name, fn.bytes] as const),
        ['bare-ask-sdk-core', bench.bareLambdas['bare-lambda'].bytes] as const,
      ]),
    };

    const rows: Row[] = [
      { section: 'HTTP req/s', target: 'peer: Express + ask-sdk-express-adapter', value: fixed(peer.reqPerSec, 0), note: `p99 ${peer.p99Ms} ms` },
      { section: 'HTTP req/s', target: 'floor: node:http + ask-sdk-core', value: fixed(floor.reqPerSec, 0), note: `p99 ${floor.p99Ms} ms` },
      { section: 'HTTP req/s', target: 'floor + 1 SQLite read of the profile', value: fixed(floorStore.reqPerSec, 0), note: `p99 ${floorStore.p99Ms} ms` },
      { section: 'HTTP req/s', target: 'ours: /alexa bin day, saved address', value: fixed(ours.reqPerSec, 0), note: `p99 ${ours.p99Ms} ms` },
      { section: 'HTTP CPU/request', target: 'peer', value: `${fixed(peer.cpuUsPerRequest, 0)} us`, note: 'server process, user + system' },
      { section: 'HTTP CPU/request', target: 'floor', value: `${fixed(floor.cpuUsPerRequest, 0)} us` },
      { section: 'HTTP CPU/request', target: 'floor + 1 SQLite read', value: `${fixed(floorStore.cpuUsPerRequest, 0)} us`, note: `peer / this ${times(ratio(peer.cpuUsPerRequest, floorStore.cpuUsPerRequest))}` },
      { section: 'HTTP CPU/request', target: 'ours', value: `${fixed(ours.cpuUsPerRequest, 0)} us`, note: `peer / ours ${times(ratio(peer.cpuUsPerRequest, ours.cpuUsPerRequest))}` },
      { section: 'HTTP ratios', target: 'ours / peer', value: times(ratio(ours.reqPerSec, peer.reqPerSec)), note: 'goal >= 3x' },
      { section: 'HTTP ratios', target: 'ours / floor', value: times(ratio(ours.reqPerSec, floor.reqPerSec)) },
      { section: 'HTTP ratios', target: 'peer / floor', value: times(ratio(peer.reqPerSec, floor.reqPerSec)) },
      { section: 'Warm cache', target: `ours p99, one connection, council at ${COUNCIL_DELAY_MS} ms`, value: ms(ours.alone.p99Ms), note: `target < 10 ms; p50 ${ms(ours.alone.p50Ms)}; council asked ${councilCalls}x in the run` },
      { section: 'Warm cache', target: `ours p99 under the ${connections}-connection load`, value: `${ours.p99Ms} ms`, note: `p50 ${ours.p50Ms} ms (queueing included)` },
      { section: 'Lambda in-process', target: 'bare ask-sdk-core skill', value: `${fixed(bare.medianMs, 3)} ms`, note: `p99 ${fixed(bare.p99Ms, 3)} ms` },
      { section: 'Lambda in-process', target: 'bare skill + 1 DynamoDB read', value: `${fixed(bareStore.medianMs, 3)} ms`, note: `p99 ${fixed(bareStore.p99Ms, 3)} ms` },
      { section: 'Lambda in-process', target: 'ours: bin day, warm cache', value: `${fixed(oursLambda.medianMs, 3)} ms`, note: `p99 ${fixed(oursLambda.p99Ms, 3)} ms` },
      { section: 'Lambda CPU/call', target: 'bare / bare + DynamoDB read / ours', value: `${fixed(bare.cpuMs * 1000, 0)} / ${fixed(bareStore.cpuMs * 1000, 0)} / ${fixed(oursLambda.cpuMs * 1000, 0)} us`, note: 'invoking process only' },
      { section: 'Lambda ratios', target: 'ours / bare (median)', value: times(ratio(oursLambda.medianMs, bare.medianMs)) },
      { section: 'Lambda ratios', target: 'ours / bare + DynamoDB read (median)', value: times(ratio(oursLambda.medianMs, bareStore.medianMs)), note: `goal <= 1.2x; CPU ${times(ratio(oursLambda.cpuMs, bareStore.cpuMs))}` },
      { section: 'Cold start (wall)', target: 'empty node process', value: `${fixed(cold.empty?.wallMs ?? Number.NaN, 1)} ms` },
      { section: 'Cold start (wall)', target: 'bare bundled skill, over empty', value: `+${fixed(coldBare, 1)} ms` },
      { section: 'Cold start (wall)', target: 'bare skill + 1 DynamoDB read, over empty', value: `+${fixed(coldBareStore, 1)} ms` },
      { section: 'Cold start (wall)', target: 'ours bundled, over empty', value: `+${fixed(coldOurs, 1)} ms`, note: `goal <= +60 ms; ours - bare ${fixed(coldOurs - coldBare, 1)} ms; ours - bare+store ${fixed(coldOurs - coldBareStore, 1)} ms` },
      { section: 'Cold start (CPU)', target: 'empty node process', value: `${fixed(cold.empty?.cpuMs ?? Number.NaN, 1)} ms` },
      { section: 'Cold start (CPU)', target: 'bare bundled skill, over empty', value: `+${fixed(coldBareCpu, 1)} ms` },
      { section: 'Cold start (CPU)', target: 'bare skill + 1 DynamoDB read, over empty', value: `+${fixed(coldBareStoreCpu, 1)} ms` },
      { section: 'Cold start (CPU)', target: 'ours bundled, over empty', value: `+${fixed(coldOursCpu, 1)} ms`, note: `ours - bare ${fixed(coldOursCpu - coldBareCpu, 1)} ms; ours - bare+store ${fixed(coldOursCpu - coldBareStoreCpu, 1)} ms` },
      ...Object.entries(results.bundles).map(([name, bytes]) => ({
        section: 'Bundle size', target: name, value: `${fixed(bytes / 1024, 1)} KB`, note: [budgetOf(name), lazyOf(name)].filter(Boolean).join('; ') || undefined,
      })),
    ];
    console.log(`\nIssue 16's figures against their goals (load average ${loadavg().map((n) => n.toFixed(2)).join(' ')} on ${cpus().length} CPUs):\n${formatGoals(goals)}`);
    console.log(`\n${formatTable(rows)}\n`);
    console.log(`ours answered: "${speechOf(JSON.parse(ours.answer))}"`);
    console.log(`Lambda answered: "${speechOf(oursLambda.sample)}"`);
    writeFileSync(path.join(__dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    console.log('Written to bench/results.json');
  } finally {
    await Promise.all(started.map((server) => server.stop()));
    await council.close();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
