/**
 * One measurement in a fresh process (bench/councils-scale.ts runs it): load and check the
 * deployment at argv[2], compose the service, and report how long that took and how much memory
 * it holds once collected. Run with --expose-gc.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadDeployment } from '../../src/config/load-deployment';
import { silentLogger } from '../../src/core/logger';
import { compose } from '../../src/entry/compose';

const collect = () => (globalThis as { gc?: () => void }).gc?.();

async function main(): Promise<void> {
  const target = process.argv[2] ?? '';
  const dataDir = mkdtempSync(path.join(tmpdir(), 'councils-bench-'));
  collect();
  const before = process.memoryUsage();
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const deployment = loadDeployment(target, {});
  const loadedMs = performance.now() - started;
  const composition = compose({ deployment, env: {}, logger: silentLogger, dataDir });
  const composedMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  // A first lookup, so the index is really built and used.
  const owner = composition.services.councils?.ownerOf({ postcode: 'AA1 1AA' })?.id ?? 'the only council';
  collect();
  const after = process.memoryUsage();
  await composition.close();
  rmSync(dataDir, { recursive: true, force: true });
  process.stdout.write(JSON.stringify({
    councils: deployment.councils.length,
    loadMs: loadedMs,
    composeMs: composedMs,
    // On a shared machine the wall clock counts other processes' turns too; CPU time is ours alone.
    cpuMs: (cpu.user + cpu.system) / 1000,
    heapMb: (after.heapUsed - before.heapUsed) / 1048576,
    rssMb: (after.rss - before.rss) / 1048576,
    uptimeMs: process.uptime() * 1000,
    owner,
  }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
