/**
 * `npm run bundle`: one esbuild bundle per Lambda function in `.build/<function>/index.js`
 * (minified, tree-shaken, with a source map; the checked language models beside it in
 * language-models.json, read on first use), for platform node and target node22 (Lambda's
 * nodejs22.x runtime, which serverless.yml names). The build fails if a bundle carries
 * something it must not (see functions.ts) or the Alexa bundle passes its size budget.
 *
 * The council config is read here, at build time: COUNCIL_CONFIG names the file, or a directory of
 * council files with its service.yaml (default: the demo). Every file is carried, and each built
 * bundle is checked to hold every one. Their `${ENV}` references are filled from the function's
 * environment at cold start.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';
import { DEMO_CONFIG_PATH } from '../src/config/load-config';
import { readDeploymentSources } from '../src/config/load-deployment';
import { FORBIDDEN_INPUTS, LAMBDA_FUNCTIONS, type LambdaFunction } from './bundle/functions';
import { LAMBDA_BUILD } from './bundle/esbuild-options';
import { inspectBundle } from './bundle/inspect';
import { buildLazyPackages, lazyPackagesPlugin } from './bundle/lazy-packages';
import {
  inlineRepoFilesPlugin, jsonAsStringPlugin, LANGUAGE_MODELS_FILE, languageModelsJson, noSqlitePlugin, yamlAsJsonPlugin, zodNamespacePlugin,
} from './bundle/plugins';

const ROOT = path.resolve(__dirname, '..');
export const BUILD_DIR = path.join(ROOT, '.build');

export interface BundleOptions {
  /** Where `<function>/index.js` goes; default `.build`. */
  outDir?: string;
  /** Only these functions; default all. */
  only?: readonly string[];
  /** The council config file, or directory of them, to carry; default COUNCIL_CONFIG or the demo. */
  councilConfig?: string;
  /** Minify (default true); off keeps function names readable in a CPU profile. */
  minify?: boolean;
}

export interface BuiltFunction {
  name: string;
  outfile: string;
  bytes: number;
  /** Output bytes per npm package or source folder, largest first. */
  byPackage: [string, number][];
  /** The packages beside index.js in lazy/, read on first use, with their sizes in bytes. */
  lazy: Record<string, number>;
}

export class BundleError extends Error {
  override name = 'BundleError';
}

/** What every function of one `npm run bundle` shares: read, checked and built once. */
interface SharedInputs {
  councilConfig: string;
  /** The council config inlined (and compiled when it can be): one plugin for every build. */
  inline: Plugin;
  /** The files each bundle must carry (checkCarriesEveryCouncil). */
  councilFiles: string[];
  /** The checked language models, written beside each bundle. */
  models: string;
}

async function bundleOne(fn: LambdaFunction, outDir: string, shared: SharedInputs, minify: boolean): Promise<BuiltFunction> {
  const outfile = path.join(outDir, fn.name, 'index.js');
  rmSync(path.dirname(outfile), { recursive: true, force: true });
  mkdirSync(path.dirname(outfile), { recursive: true });
  const result = await build({
    ...LAMBDA_BUILD,
    absWorkingDir: ROOT,
    entryPoints: [path.join(ROOT, fn.entry)],
    outfile,
    minify,
    treeShaking: true,
    // Maps without the sources: enough to read a stack trace, and a smaller upload.
    sourcemap: 'external',
    sourcesContent: false,
    metafile: true,
    // Only a server without credentials in its environment loads the SDK's credential chain;
    // Lambda always has them (src/connectors/stores/dynamodb/credentials.ts).
    external: ['@aws-sdk/credential-provider-node'],
    plugins: [
      shared.inline, zodNamespacePlugin(), lazyPackagesPlugin(fn.lazyPackages ?? []),
      noSqlitePlugin(), yamlAsJsonPlugin(), jsonAsStringPlugin(),
    ],
  });
  const lazy = await buildLazyPackages(fn.lazyPackages ?? [], path.dirname(outfile), minify, Object.keys(result.metafile.inputs));
  checkCarriesEveryCouncil(fn.name, outfile, shared);
  // Beside the bundle, read on first use (src/entry/lambda-assets.ts as bundled): the Alexa function never needs it.
  writeFileSync(path.join(path.dirname(outfile), LANGUAGE_MODELS_FILE), shared.models);
  const contents = inspectBundle(result.metafile, path.relative(ROOT, outfile));
  if (contents.forbidden.length > 0) {
    throw new BundleError(`${fn.name} carries what it must not:\n  ${contents.forbidden.join('\n  ')}`);
  }
  if (minify && fn.maxBytes && contents.bytes > fn.maxBytes) {
    const largest = contents.byPackage.slice(0, 5).map(([name, bytes]) => `${name} ${kb(bytes)}`).join(', ');
    throw new BundleError(`${fn.name} is ${kb(contents.bytes)}, over its ${kb(fn.maxBytes)} budget (largest: ${largest})`);
  }
  return { name: fn.name, outfile, bytes: contents.bytes, byPackage: contents.byPackage, lazy };
}

/** Every function must know every council of the deployment: each file of the directory is in the bundle. */
function checkCarriesEveryCouncil(name: string, outfile: string, { councilConfig, councilFiles }: SharedInputs): void {
  const bundle = readFileSync(outfile, 'utf8');
  const missing = councilFiles.filter((file) => !bundle.includes(JSON.stringify(file).slice(1, -1)));
  if (missing.length > 0) throw new BundleError(`${name} does not carry ${missing.join(', ')} from ${councilConfig}`);
}

/** Builds the Lambda bundles; throws BundleError naming the function and what is wrong. */
export async function bundleFunctions(options: BundleOptions = {}): Promise<BuiltFunction[]> {
  const outDir = options.outDir ?? BUILD_DIR;
  const councilConfig = path.resolve(options.councilConfig ?? process.env.COUNCIL_CONFIG ?? DEMO_CONFIG_PATH);
  const functions = LAMBDA_FUNCTIONS.filter((fn) => !options.only || options.only.includes(fn.name));
  const sources = readDeploymentSources(councilConfig);
  const shared: SharedInputs = {
    councilConfig,
    inline: inlineRepoFilesPlugin(councilConfig),
    councilFiles: sources.kind === 'file' ? [sources.council.file] : [...(sources.service ? [sources.service.file] : []), ...sources.councils.map(({ file }) => file)],
    models: languageModelsJson(),
  };
  const built: BuiltFunction[] = [];
  // One at a time: the machine is shared, and each build is quick.
  for (const fn of functions) built.push(await bundleOne(fn, outDir, shared, options.minify ?? true));
  return built;
}

export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const built = await bundleFunctions({ only: only.length > 0 ? only : undefined });
  for (const fn of built) {
    const largest = fn.byPackage.slice(0, 6).map(([name, bytes]) => `${name} ${kb(bytes)}`).join(', ');
    const lazy = Object.entries(fn.lazy).map(([name, bytes]) => `${name} ${kb(bytes)}`).join(', ');
    console.log(`${fn.name.padEnd(14)} ${kb(fn.bytes).padStart(10)}  ${path.relative(ROOT, fn.outfile)}\n${' '.repeat(26)}largest: ${largest}${lazy ? `\n${' '.repeat(26)}on first use: ${lazy}` : ''}`);
  }
  console.log(`\nNone carries: ${[...new Set(FORBIDDEN_INPUTS.map((rule) => rule.why))].join('; ')}.`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof BundleError ? error.message : error);
    process.exit(1);
  });
}
