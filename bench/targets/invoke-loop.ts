/**
 * Lambda in-process: `node invoke-loop.js <handler.js> <event.json> <iterations>` loads a bundled
 * handler the way the Lambda runtime does (require, then call `handler`), warms it up, then times
 * each invocation including JSON.parse of the event and JSON.stringify of the answer, as the
 * runtime pays both. Prints one JSON line of per-invocation milliseconds.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

type Handler = (event: unknown, context: unknown, callback?: (error: unknown, result?: unknown) => void) => unknown;

function invoke(handler: Handler, event: unknown): Promise<unknown> {
  // Handlers answer by promise; the callback covers a callback-style one.
  return new Promise((resolve, reject) => {
    const returned = handler(event, { callbackWaitsForEmptyEventLoop: false }, (error, result) => (error ? reject(error) : resolve(result)));
    if (returned && typeof (returned as Promise<unknown>).then === 'function') (returned as Promise<unknown>).then(resolve, reject);
  });
}

async function main(): Promise<void> {
  const [file, eventFile, count = '2000'] = process.argv.slice(2);
  if (!file || !eventFile) throw new Error('usage: invoke-loop <handler.js> <event.json> [iterations]');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { handler } = require(path.resolve(file)) as { handler: Handler };
  const text = readFileSync(eventFile, 'utf8');
  const iterations = Number(count);
  let check = '';
  // Warm first: V8 optimises a long code path only after thousands of calls.
  for (let i = 0; i < Math.min(1500, iterations); i += 1) check = JSON.stringify(await invoke(handler, JSON.parse(text)));
  const times: number[] = [];
  // CPU as well as time: a DynamoDB read is mostly waiting, and waiting is not work.
  const cpuBefore = process.cpuUsage();
  for (let i = 0; i < iterations; i += 1) {
    const start = performance.now();
    const answer = await invoke(handler, JSON.parse(text));
    JSON.stringify(answer);
    times.push(performance.now() - start);
  }
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMsPerInvocation = (cpu.user + cpu.system) / 1000 / iterations;
  process.stdout.write(`\n@@RESULT ${JSON.stringify({ times, cpuMsPerInvocation, sample: JSON.parse(check) as unknown })}\n`);
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
