/**
 * Bench target: our HTTP server as `npm start` builds it, over the council at DEMO_COUNCIL_URL
 * (the bench's slow council), with the bench resident's address saved and verification off.
 */
import { createServer } from 'node:http';
import { DEMO_CONFIG_PATH, loadConfig } from '../../src/config/load-config';
import { compose } from '../../src/entry/compose';
import { createApp } from '../../src/server/create-app';
import { BENCH_PROFILE } from '../lib/bench-resident';
import { listenOnLoopback } from './listen';

async function main(): Promise<void> {
  const env = process.env;
  const composition = compose({ config: loadConfig(DEMO_CONFIG_PATH, env), env, dataDir: env.BENCH_DATA_DIR });
  await composition.services.profiles.put(BENCH_PROFILE);
  listenOnLoopback(createServer(createApp(composition, { skipRequestVerification: true })));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
