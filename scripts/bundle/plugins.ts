/**
 * esbuild plugins that make the repository's code fit Lambda without changing what it does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'esbuild';
import { parse as parseYaml } from 'yaml';
import { readDeploymentSources, type ConfigSource, type DeploymentSources } from '../../src/config/load-deployment';
import { loadLanguageModel, MODEL_SOURCE_DIR } from '../../src/language-model/load-language-model';

const ROOT = path.resolve(__dirname, '../..');
const LOCALES_DIR = path.join(ROOT, 'locales');

const isSource = (file: string) => file.startsWith(path.join(ROOT, 'src') + path.sep);
const sourceFile = (relative: string) => path.join(ROOT, relative);

/**
 * zod's `z` is a namespace re-exported as a value, which esbuild cannot tree-shake: every
 * locale and the JSON Schema code come along (about 360 KB minified). Importing the same
 * classic API as a namespace lets esbuild keep only what the schemas call. Same module, same
 * behaviour; type-only imports are left alone.
 */
export function zodNamespacePlugin(): Plugin {
  const classic = path.join(path.dirname(require.resolve('zod/package.json', { paths: [ROOT] })), 'v4/classic/external.js');
  return {
    name: 'zod-namespace',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, (args) => {
        if (!isSource(args.path)) return undefined;
        const text = readFileSync(args.path, 'utf8');
        if (!/^import \{ z \} from 'zod';$/m.test(text)) return undefined;
        return {
          contents: text.replace(/^import \{ z \} from 'zod';$/m, `import * as z from ${JSON.stringify(classic)};`),
          loader: 'ts',
          resolveDir: path.dirname(args.path),
        };
      });
    },
  };
}

/** i18next resources from locales/<lang>/<namespace>.json, as an ES module of JSON imports. */
function localesModule(): string {
  const imports: string[] = [];
  const entries: string[] = [];
  for (const locale of readdirSync(LOCALES_DIR).sort()) {
    const namespaces: string[] = [];
    for (const file of readdirSync(path.join(LOCALES_DIR, locale)).filter((f) => f.endsWith('.json')).sort()) {
      const id = `ns${imports.length}`;
      imports.push(`import ${id} from ${JSON.stringify(path.join(LOCALES_DIR, locale, file))};`);
      namespaces.push(`${JSON.stringify(path.basename(file, '.json'))}: ${id}`);
    }
    entries.push(`${JSON.stringify(locale)}: { ${namespaces.join(', ')} }`);
  }
  return [
    ...imports,
    `export const LOCALES_DIR = '(bundled)';`,
    `const resources = { ${entries.join(', ')} };`,
    '/** The locale files, bundled; `dir` is ignored (there is no repository on Lambda). */',
    'export function loadLocaleResources(_dir) { return resources; }',
  ].join('\n');
}

/**
 * A council file, or every council file of a directory and its service.yaml: each as JSON (read
 * at run time by yamlAsJsonPlugin's parser), `${ENV}` references still in. A file that is not
 * YAML fails the build naming it.
 */
export function bundledSources(councilConfig: string): DeploymentSources {
  const asJson = ({ file, text }: ConfigSource): ConfigSource => {
    try {
      return { file, text: JSON.stringify(parseYaml(text)) };
    } catch (error) {
      throw new Error(`${file}: not valid YAML: ${(error as Error).message}`);
    }
  };
  const sources = readDeploymentSources(councilConfig);
  return sources.kind === 'file'
    ? { kind: 'file', council: asJson(sources.council) }
    : { kind: 'directory', service: sources.service && asJson(sources.service), councils: sources.councils.map(asJson) };
}

/** lambda-assets.ts with the deployment's config files and checked language models inlined. */
function assetsModule(councilConfig: string): string {
  const models = Object.fromEntries(readdirSync(MODEL_SOURCE_DIR).sort().map((locale) => [locale, loadLanguageModel(locale)]));
  return [
    `const sources = ${JSON.stringify(bundledSources(councilConfig))};`,
    `const models = ${JSON.stringify(models)};`,
    'export function deploymentSources() { return sources; }',
    'export function languageModelFor(locale) {',
    '  const model = models[locale];',
    '  if (!model) throw new Error(`no language model for ${locale} in this bundle`);',
    '  return model;',
    '}',
  ].join('\n');
}

/**
 * Replaces the two modules that read the repository at run time with ones carrying the files'
 * contents: the locale loader, and the Lambda assets (council config, language models). Both keep
 * their exports, so the code that calls them is the code that runs locally.
 */
export function inlineRepoFilesPlugin(councilConfigFile: string): Plugin {
  const replacements = new Map<string, () => string>([
    [sourceFile('src/config/locales.ts'), localesModule],
    [sourceFile('src/entry/lambda-assets.ts'), () => assetsModule(councilConfigFile)],
  ]);
  return {
    name: 'inline-repo-files',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, (args) => {
        const generate = replacements.get(args.path);
        if (!generate) return undefined;
        return { contents: generate(), loader: 'js', resolveDir: path.dirname(args.path), watchFiles: [LOCALES_DIR, councilConfigFile] };
      });
    },
  };
}

/**
 * better-sqlite3 is native and Lambda keeps data in DynamoDB, but the composition imports the
 * SQLite store for local runs. The driver becomes a stub that says so if it is ever opened,
 * instead of a missing module that would fail the cold start.
 */
export function noSqlitePlugin(): Plugin {
  return {
    name: 'no-sqlite',
    setup(build) {
      build.onResolve({ filter: /^better-sqlite3$/ }, () => ({ path: 'better-sqlite3', namespace: 'no-sqlite' }));
      build.onLoad({ filter: /.*/, namespace: 'no-sqlite' }, () => ({
        contents: 'module.exports = function Database() { throw new Error("SQLite is not available on Lambda: set storage.kind to dynamodb"); };',
        loader: 'js',
      }));
    },
  };
}

/**
 * The only YAML a function reads is the council config, which the bundle carries as JSON (see
 * assetsModule). JSON is YAML, so `JSON.parse` reads it exactly as the yaml package would, and the
 * package (about 110 KB minified) stays out. A module that needed more of it fails the build.
 */
export function yamlAsJsonPlugin(): Plugin {
  return {
    name: 'yaml-as-json',
    setup(build) {
      build.onResolve({ filter: /^yaml$/ }, () => ({ path: 'yaml', namespace: 'yaml-as-json' }));
      build.onLoad({ filter: /.*/, namespace: 'yaml-as-json' }, () => ({
        contents: 'export function parse(text) { return JSON.parse(text); }',
        loader: 'js',
      }));
    },
  };
}
