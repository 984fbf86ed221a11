/**
 * A Lambda entry as AWS runs it: the demo council on a free port, the environment serverless.yml
 * sets for the function (no COUNCIL_CONFIG: the bundled demo council), and the entry module loaded
 * afresh for each test, as a new container would load it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startDemoCouncil, type DemoCouncil } from '../../src/demo-council/server';

/** Registers hooks that start the demo council and set the function's environment; restores it after. */
export function useLambdaEnvironment(): void {
  let demo: DemoCouncil;
  let dataDir: string;
  const saved = { ...process.env };
  beforeAll(async () => {
    demo = await startDemoCouncil({ host: '127.0.0.1', port: 0 });
    dataDir = mkdtempSync(path.join(tmpdir(), 'council-voice-lambda-'));
    Object.assign(process.env, { DEMO_COUNCIL_URL: demo.url, DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    delete process.env.COUNCIL_CONFIG;
  });
  afterAll(async () => {
    process.env = saved;
    await demo.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
}

/** The `handler` export of `load()`'s module, loaded as a new container loads it: nothing composed yet. */
export async function freshHandler<H>(load: () => Promise<{ handler: unknown }>): Promise<H> {
  let handler: H | undefined;
  await jest.isolateModulesAsync(async () => {
    handler = (await load()).handler as H;
  });
  if (!handler) throw new Error('no handler exported');
  return handler;
}
