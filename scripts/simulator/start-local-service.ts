/**
 * The voice service in this process, on a free loopback port, for the simulator's command-line
 * tools: the council from COUNCIL_CONFIG, or (without one) the demo council started beside it,
 * exactly as `npm start` would.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEMO_CONFIG_PATH } from '../../src/config/load-config';
import { loadDeployment } from '../../src/config/load-deployment';
import type { Clock } from '../../src/core/dates';
import { silentLogger } from '../../src/core/logger';
import { startDemoCouncil, type DemoCouncil } from '../../src/demo-council/server';
import { compose } from '../../src/entry/compose';
import type { Composition } from '../../src/server/composition';
import { createApp } from '../../src/server/create-app';

export interface LocalServiceOptions {
  env?: NodeJS.ProcessEnv;
  /** Stand on this instant (ISO 8601) instead of the real time, so dates in answers are fixed. */
  now?: string;
  /** Where residents' saved addresses go; DATA_DIR or ./data by default. */
  dataDir?: string;
  /** A demo deployment other than the demo council alone (e.g. councils/, every demo council), served against the demo council server. */
  demoConfig?: string;
}

export interface LocalService {
  /** e.g. http://127.0.0.1:51234 */
  url: string;
  composition: Composition;
  close(): Promise<void>;
}

export async function startLocalService(options: LocalServiceOptions = {}): Promise<LocalService> {
  const env = options.env ?? process.env;
  let demo: DemoCouncil | undefined;
  let configEnv = env;
  if (!env.COUNCIL_CONFIG) {
    demo = await startDemoCouncil({ host: '127.0.0.1', port: 0 });
    configEnv = { ...env, DEMO_COUNCIL_URL: demo.url, UKBCD_URL: env.UKBCD_URL ?? `${demo.url}/ukbcd` };
  }
  // A council file or a directory of them; the conversation tests stand on the demo council alone.
  const deployment = loadDeployment(env.COUNCIL_CONFIG ?? options.demoConfig ?? DEMO_CONFIG_PATH, configEnv);
  const fixed = options.now ? new Date(options.now) : undefined;
  if (fixed && Number.isNaN(fixed.getTime())) throw new Error(`--now must be a date and time like 2026-11-27T10:00:00Z, not "${options.now}"`);
  const clock: Clock | undefined = fixed && { now: () => new Date(fixed) };
  const composition = compose({ deployment, env, logger: silentLogger, clock, dataDir: options.dataDir });
  const server: Server = await new Promise((resolve, reject) => {
    const listening = createApp(composition).listen(0, '127.0.0.1', () => resolve(listening));
    listening.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    composition,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
      await composition.close();
      await demo?.close();
    },
  };
}
