/**
 * Packages a Lambda function reads on first use (ChannelLambda.lazyPackages): each is bundled
 * into `lazy/<name>.js` beside index.js, and index.js requires that file where the package was
 * imported. Code reached only through `import()` (src/connectors/load-on-first-use.ts) runs its
 * imports when it first runs, so a cold start that never calls a connector neither reads nor
 * compiles them. esbuild splits code into files only for ES module output; a Lambda handler in
 * CommonJS keeps the builtins' cheap `require` (an ES module import of node:fs or node:http
 * builds facades that cost more than this saves), so the split is done here, a whole package at
 * a time: a package has exactly one copy, in its own file, so its classes stay one class.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';
import type { LazyPackageName } from '../../src/channels/channel';
import { LAMBDA_BUILD } from './esbuild-options';
import { IMPORTS_Z, ZOD_CLASSIC } from './plugins';

const ROOT = path.resolve(__dirname, '../..');

/** The folder beside index.js that holds them. */
export const LAZY_DIR = 'lazy';

interface LazyPackage {
  /** The bare name the sources import. */
  name: LazyPackageName;
  /** The module the file re-exports, as the bundle imports it (esbuild resolves it the same way in both builds). */
  module: string;
}

/** The build's own source files (its metafile's inputs under src/), as text. */
function sourceTexts(inputs: readonly string[]): string[] {
  return inputs.filter((file) => file.startsWith('src/') && file.endsWith('.ts')).map((file) => readFileSync(path.join(ROOT, file), 'utf8'));
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Names imported from `name` by value (`import X, { a, b as c } from 'name'`), `default` for a default import. */
function importedNames(texts: string[], name: string): string[] {
  const pattern = new RegExp(`^import (?!type )(\\w+)?,? ?(?:\\{([^}]*)\\})? from '${escape(name)}';$`, 'gm');
  const names = new Set<string>();
  for (const text of texts) {
    for (const [, defaultName, named] of text.matchAll(pattern)) {
      if (defaultName) names.add('default');
      for (const part of named?.split(',') ?? []) {
        const imported = part.trim().replace(/^type /, '').split(/\s+as\s+/)[0];
        if (imported && !part.trim().startsWith('type ')) names.add(imported);
      }
    }
  }
  return [...names];
}

function lazyPackage(name: LazyPackageName): LazyPackage {
  // zodNamespacePlugin points `import { z } from 'zod'` at the classic API; the file carries what the sources call of it.
  return { name, module: name === 'zod' ? ZOD_CLASSIC : name };
}

/**
 * The exports the sources use, so the file is tree-shaken as the bundle would have been
 * (zod's whole classic API, with every locale, is four times what the schemas call).
 */
function exportsUsed(pkg: LazyPackage, texts: string[]): string[] {
  if (pkg.name !== 'zod') return importedNames(texts, pkg.name).sort();
  // The package's CommonJS build has the classic API's names (`z.object` is `object`); `z.infer` and other types are not values.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the build reads which names are values
  const values = new Set(Object.keys(require(require.resolve('zod', { paths: [ROOT] })) as object));
  const called = texts.filter((text) => IMPORTS_Z.test(text)).flatMap((text) => [...text.matchAll(/\bz\.(\w+)/g)].map((match) => match[1] ?? ''));
  return [...new Set(called)].filter((name) => values.has(name)).sort();
}

const fileOf = (name: string) => `${name.replace(/[^a-z0-9]+/gi, '-')}.js`;

/** Resolves each lazy package's imports to `./lazy/<name>.js`, left for Node to require at run time. */
export function lazyPackagesPlugin(names: readonly LazyPackageName[]): Plugin {
  const byPath = new Map(names.map(lazyPackage).flatMap((pkg) => [...new Set([pkg.name, pkg.module])].map((key) => [key, pkg] as const)));
  return {
    name: 'lazy-packages',
    setup(builder) {
      if (byPath.size === 0) return;
      builder.onResolve({ filter: new RegExp(`^(?:${[...byPath.keys()].map(escape).join('|')})$`) }, (args) => {
        const pkg = byPath.get(args.path);
        if (!pkg || args.kind === 'entry-point') return undefined;
        return { path: `./${LAZY_DIR}/${fileOf(pkg.name)}`, external: true };
      });
    },
  };
}

/**
 * Builds each lazy package's file in `dir/lazy/`, keeping the names the build's own sources
 * (`inputs`, its metafile's) import; returns their sizes in bytes by name.
 */
export async function buildLazyPackages(names: readonly LazyPackageName[], dir: string, minify: boolean, inputs: readonly string[]): Promise<Record<string, number>> {
  const sizes: Record<string, number> = {};
  if (names.length === 0) return sizes;
  const texts = sourceTexts(inputs);
  for (const pkg of names.map(lazyPackage)) {
    const used = exportsUsed(pkg, texts);
    if (used.length === 0) throw new Error(`no source imports ${pkg.name}: take it out of lazyPackages`);
    const outfile = path.join(dir, LAZY_DIR, fileOf(pkg.name));
    const result = await build({
      ...LAMBDA_BUILD,
      absWorkingDir: ROOT,
      stdin: {
        contents: `export { ${used.join(', ')} } from ${JSON.stringify(pkg.module)};`,
        resolveDir: ROOT,
        loader: 'js',
      },
      outfile,
      minify,
      metafile: true,
    });
    sizes[pkg.name] = result.metafile.outputs[path.relative(ROOT, outfile)]?.bytes ?? Number.NaN;
  }
  return sizes;
}
