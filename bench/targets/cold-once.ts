/**
 * Cold start: `node cold-once.js [handler.js event.json]` requires a bundled handler, answers one
 * event and exits; with no arguments it exits at once (the empty process the others are measured
 * against). The bench times the whole process from the outside.
 */
import { readFileSync } from 'node:fs';

type Handler = (event: unknown, context: unknown) => Promise<unknown>;

async function main(): Promise<void> {
  const [file, eventFile] = process.argv.slice(2);
  if (!file || !eventFile) return;
  const event = JSON.parse(readFileSync(eventFile, 'utf8')) as unknown;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { handler } = require(file) as { handler: Handler };
  const answer = await handler(event, { callbackWaitsForEmptyEventLoop: false });
  process.stdout.write(JSON.stringify(answer));
}

main().then(() => process.exit(0), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
