/**
 * `npm run build`: the service as compiled JavaScript in dist/, which `npm run start:prod` runs
 * with production dependencies only (no tsx, no TypeScript). tsc compiles src/ (and the JSON it
 * imports) by tsconfig.build.json; the files src/ reads at run time are copied beside it, at the
 * same places relative to the code as in the repository.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist');

/** Read at run time through paths relative to the code: copied as they are. */
export const RUNTIME_FILES = [
  'locales',
  'councils',
  'interaction-models/source',
  'src/simulator/public',
];

function main(): void {
  rmSync(DIST, { recursive: true, force: true });
  const tsc = require.resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit', cwd: ROOT });
  for (const relative of RUNTIME_FILES) {
    const from = path.join(ROOT, relative);
    if (!existsSync(from)) throw new Error(`build: ${relative} is missing`);
    cpSync(from, path.join(DIST, relative), { recursive: true });
  }
  console.log(`built dist/ (start it with: COUNCIL_CONFIG=<your council file> npm run start:prod)`);
}

main();
