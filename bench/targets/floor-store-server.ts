/** Bench target: the floor plus one SQLite read of the resident's profile (BENCH_DATA_DIR). */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createFloorWithStore } from '../peers/floor-with-store';
import { listenOnLoopback } from './listen';

createFloorWithStore(process.env.BENCH_DATA_DIR ?? mkdtempSync(path.join(tmpdir(), 'council-voice-floor-'))).then(listenOnLoopback, (error: unknown) => {
  console.error(error);
  process.exit(1);
});
