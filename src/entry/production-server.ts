/**
 * `npm run start:prod`: the service as a council's own servers run it, from dist/ after
 * `npm run build`, with production dependencies only. It serves the council file (or directory of
 * council files) named by COUNCIL_CONFIG and refuses to start without one: unlike `npm start`, it
 * never starts the demo council. Everything else is as in server.ts.
 */
const councilConfig = process.env.COUNCIL_CONFIG;
if (!councilConfig) {
  console.error('COUNCIL_CONFIG is not set: name your council file, e.g. COUNCIL_CONFIG=councils/my-council.yaml npm run start:prod. '
    + 'The production start serves your council only; `npm start` runs the demo council.');
  process.exit(1);
}
void import('./server');
