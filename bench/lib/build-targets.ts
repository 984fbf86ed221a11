/**
 * Builds the bench's own programs (peers, our server, the loops) with esbuild, unminified, into
 * .build/bench/, inside the repository so the packages left external resolve from node_modules.
 * Every HTTP target is built the same way, so no one pays for a TypeScript loader.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const ROOT = path.resolve(__dirname, '../..');
export const BENCH_BUILD_DIR = path.join(ROOT, '.build', 'bench');

export const BENCH_PROGRAMS = [
  'express-peer-server', 'floor-server', 'floor-store-server', 'ours-server', 'dynalite-server', 'invoke-loop', 'cold-once',
] as const;
export type BenchProgram = (typeof BENCH_PROGRAMS)[number];

/** The bare Lambda skills, bundled like ours (minified, tree-shaken) for the Lambda comparisons. */
export const BARE_LAMBDAS = ['bare-lambda', 'bare-lambda-with-store'] as const;
export type BareLambda = (typeof BARE_LAMBDAS)[number];

export interface BenchBuild {
  programs: Record<BenchProgram, string>;
  bareLambdas: Record<BareLambda, { file: string; bytes: number }>;
}

export async function buildBenchTargets(): Promise<BenchBuild> {
  mkdirSync(BENCH_BUILD_DIR, { recursive: true });
  await build({
    absWorkingDir: ROOT,
    entryPoints: BENCH_PROGRAMS.map((name) => ({ in: path.join(ROOT, 'bench/targets', `${name}.ts`), out: name })),
    outdir: BENCH_BUILD_DIR,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    // Native or server-only packages load from node_modules, as they would in production.
    external: ['better-sqlite3', 'dynalite'],
    logLevel: 'warning',
  });
  const bareLambdas = {} as BenchBuild['bareLambdas'];
  for (const name of BARE_LAMBDAS) {
    const file = path.join(BENCH_BUILD_DIR, name, 'index.js');
    const result = await build({
      absWorkingDir: ROOT,
      entryPoints: [path.join(ROOT, 'bench/peers', `${name}.ts`)],
      outfile: file,
      bundle: true,
      platform: 'node',
      target: 'node22',
      format: 'cjs',
      minify: true,
      treeShaking: true,
      mainFields: ['module', 'main'],
      metafile: true,
      logLevel: 'warning',
    });
    bareLambdas[name] = { file, bytes: result.metafile.outputs[path.relative(ROOT, file)]?.bytes ?? Number.NaN };
  }
  return {
    programs: Object.fromEntries(BENCH_PROGRAMS.map((name) => [name, path.join(BENCH_BUILD_DIR, `${name}.js`)])) as Record<BenchProgram, string>,
    bareLambdas,
  };
}
