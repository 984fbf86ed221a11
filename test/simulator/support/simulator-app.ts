/**
 * The whole service as `npm start` runs it (the demo council over real HTTP, the real
 * connectors, a SQLite profile store in a temporary folder), standing on a fixed day, listening
 * on loopback port 0 for the simulator's tests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startLocalService } from '../../../scripts/simulator/start-local-service';
import type { Composition } from '../../../src/server/composition';

/** Friday 27 November 2026, 10:00 in London: the next collection at 2 High Street is Tuesday 1 December. */
export const SIMULATOR_NOW = '2026-11-27T10:00:00Z';

export interface SimulatorApp {
  /** e.g. http://127.0.0.1:51234 */
  url: string;
  composition: Composition;
  close(): Promise<void>;
}

/** `demoConfig`: another council file or directory than the one-council demo (e.g. the demo deployment of two). */
export async function startSimulatorApp(now: string = SIMULATOR_NOW, demoConfig?: string): Promise<SimulatorApp> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'council-voice-simulator-'));
  const service = await startLocalService({ env: {}, now, dataDir, ...(demoConfig ? { demoConfig } : {}) });
  return {
    url: service.url,
    composition: service.composition,
    async close() {
      await service.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
