/**
 * `npm run check-council -- councils/my-council.yaml --postcode "AB1 2CD" --house 10`: checks a
 * council file against the council's real back ends before going live (see src/check).
 */
import { runCheckCouncil } from '../src/check/run-check';

runCheckCouncil(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
}).then((code) => {
  process.exitCode = code;
}, (error: unknown) => {
  process.stderr.write(`check-council stopped: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
