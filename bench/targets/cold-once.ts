/**
 * Cold start: `node cold-once.js [handler.js event.json]` requires a bundled handler, answers one
 * event and exits; with no arguments it exits at once (the empty process the others are measured
 * against). Its stdout line marked COLD_MARK holds its own CPU time and time since the process began, which a
 * busy shared machine disturbs far less than the wall time the bench also takes from outside.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { COLD_MARK } from '../lib/cold-mark';

type Handler = (event: unknown, context: unknown) => Promise<unknown>;

async function main(): Promise<void> {
  const [file, eventFile] = process.argv.slice(2);
  if (!file || !eventFile) return;
  const event = JSON.parse(readFileSync(eventFile, 'utf8')) as unknown;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { handler } = require(path.resolve(file)) as { handler: Handler };
  await handler(event, { callbackWaitsForEmptyEventLoop: false });
}

main().then(() => {
  const cpu = process.cpuUsage();
  process.stdout.write(`\n${COLD_MARK}${JSON.stringify({ cpuMs: (cpu.user + cpu.system) / 1000, sinceStartMs: performance.now() })}\n`);
  process.exit(0);
}, (error: unknown) => {
  console.error(error);
  process.exit(1);
});
