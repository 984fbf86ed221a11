/**
 * The whole service as `npm start` runs it (the demo council over real HTTP, the real
 * connectors, a SQLite profile store in a temporary folder), standing on a fixed day, listening
 * on loopback port 0 for the simulator's tests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_CONFIG_PATH, loadConfig } from '../../../src/config/load-config';
import { silentLogger } from '../../../src/core/logger';
import { startDemoCouncil } from '../../../src/demo-council/server';
import { compose } from '../../../src/entry/compose';
import type { Composition } from '../../../src/server/composition';
import { createApp } from '../../../src/server/create-app';

/** Friday 27 November 2026, 10:00 in London: the next collection at 2 High Street is Tuesday 1 December. */
export const SIMULATOR_NOW = '2026-11-27T10:00:00Z';

export interface SimulatorApp {
  /** e.g. http://127.0.0.1:51234 */
  url: string;
  server: Server;
  composition: Composition;
  close(): Promise<void>;
}

export async function startSimulatorApp(now: string = SIMULATOR_NOW): Promise<SimulatorApp> {
  const demo = await startDemoCouncil({ host: '127.0.0.1', port: 0 });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'council-voice-simulator-'));
  const config = loadConfig(DEMO_CONFIG_PATH, { DEMO_COUNCIL_URL: demo.url });
  const composition = compose({ config, env: {}, logger: silentLogger, clock: { now: () => new Date(now) }, dataDir });
  const server: Server = await new Promise((resolve) => {
    const s = createApp(composition).listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    composition,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
      await composition.close();
      await demo.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
