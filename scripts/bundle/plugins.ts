/**
 * esbuild plugins that make the repository's code fit Lambda without changing what it does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'esbuild';
import { parse as parseYaml } from 'yaml';
import { compileCouncilConfig } from '../../src/config/compile-config';
import type { CompiledConfig, CompiledDeployment } from '../../src/config/compiled-config';
import { compileDeployment } from '../../src/config/compile-deployment';
import { readDeploymentSources, type ConfigSource, type DeploymentSources } from '../../src/config/load-deployment';
import { loadLanguageModel, MODEL_SOURCE_DIR } from '../../src/language-model/load-language-model';

const ROOT = path.resolve(__dirname, '../..');
const LOCALES_DIR = path.join(ROOT, 'locales');

const isSource = (file: string) => file.startsWith(path.join(ROOT, 'src') + path.sep);
const sourceFile = (relative: string) => path.join(ROOT, relative);

/** zod's classic API module, which zodNamespacePlugin imports in place of `zod`. */
export const ZOD_CLASSIC = path.join(path.dirname(require.resolve('zod/package.json', { paths: [ROOT] })), 'v4/classic/external.js');
/** How a source file imports zod's `z` by value. */
export const IMPORTS_Z = /^import \{ z \} from 'zod';$/m;

/**
 * zod's `z` is a namespace re-exported as a value, which esbuild cannot tree-shake: every
 * locale and the JSON Schema code come along (about 360 KB minified). Importing the same
 * classic API as a namespace lets esbuild keep only what the schemas call. Same module, same
 * behaviour; type-only imports are left alone.
 */
export function zodNamespacePlugin(): Plugin {
  return {
    name: 'zod-namespace',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, (args) => {
        if (!isSource(args.path)) return undefined;
        const text = readFileSync(args.path, 'utf8');
        if (!IMPORTS_Z.test(text)) return undefined;
        return {
          contents: text.replace(IMPORTS_Z, `import * as z from ${JSON.stringify(ZOD_CLASSIC)};`),
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
 * A directory's council files and service.yaml, each as JSON (read at run time by
 * yamlAsJsonPlugin's parser), `${ENV}` references still in. A file that is not YAML fails the build.
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

/** The file beside each bundle's index.js holding the checked language models (serverless.yml packages the whole folder). */
export const LANGUAGE_MODELS_FILE = 'language-models.json';

/** Every locale's language model, checked, as the JSON written beside each bundle. */
export function languageModelsJson(): string {
  return JSON.stringify(Object.fromEntries(readdirSync(MODEL_SOURCE_DIR).sort().map((locale) => [locale, loadLanguageModel(locale)])));
}

/**
 * lambda-assets.ts with the council config inlined, and the language models read from
 * LANGUAGE_MODELS_FILE beside the bundle. One council file, or a directory of them, is compiled
 * (checked now, see src/config/compile-config.ts and compile-deployment.ts) when it can be;
 * otherwise the bundle carries every file's text and checks it at cold start.
 */
function assetsModule(councilConfig: string, compiled: CompiledConfig | undefined, compiledDirectory: CompiledDeployment | undefined): string {
  const file = path.basename(councilConfig);
  const deployment = JSON.stringify(sourceFile('src/config/load-deployment.ts'));
  const config = compiledDirectory
    ? [
      `import { assembleCompiledDeployment } from ${deployment};`,
      `const compiled = ${JSON.stringify(compiledDirectory)};`,
      'export function loadDeploymentConfig(env = process.env) { return assembleCompiledDeployment(compiled, env); }',
      'export function loadCouncilConfig(env = process.env) { return loadDeploymentConfig(env).front; }',
    ]
    : compiled
    ? [
      `import { expandCompiledConfig } from ${JSON.stringify(sourceFile('src/config/compiled-config.ts'))};`,
      `import { deploymentOf } from ${deployment};`,
      `const compiled = ${JSON.stringify(compiled)};`,
      'export function loadCouncilConfig(env = process.env) { return expandCompiledConfig(compiled, env); }',
      `export function loadDeploymentConfig(env = process.env) { return deploymentOf(loadCouncilConfig(env), ${JSON.stringify(file)}); }`,
    ]
    : [
      `import { parseDeployment } from ${deployment};`,
      `const sources = ${JSON.stringify(bundledSources(councilConfig))};`,
      'export function loadDeploymentConfig(env = process.env) { return parseDeployment(sources, env); }',
      'export function loadCouncilConfig(env = process.env) { return loadDeploymentConfig(env).front; }',
    ];
  return [
    "import { readFileSync } from 'node:fs';",
    "import { join } from 'node:path';",
    ...config,
    // Read on first use, from the file beside the bundle: the Alexa function never needs the
    // models, and every function would otherwise read and scan them at each cold start.
    'let models;',
    'export function languageModelFor(locale) {',
    `  models ??= JSON.parse(readFileSync(join(__dirname, ${JSON.stringify(LANGUAGE_MODELS_FILE)}), 'utf8'));`,
    '  const model = models[locale];',
    '  if (!model) throw new Error(`no language model for ${locale} in this bundle`);',
    '  return model;',
    '}',
  ].join('\n');
}

/** The config schema modules: a bundle whose config was checked when it was built needs none of them. */
const SCHEMA_MODULES = [
  'src/config/council-config.ts', 'src/config/service-config.ts',
  // The channels' own sections, which council-config.ts assembles.
  'src/channels/alexa/alexa-config.ts', 'src/channels/dialogflow-common/dialogflow-config.ts',
];

/** `file`'s exported schemas, each one a stand-in that says why it cannot check anything here. */
function checkedSchemaModule(file: string): string {
  const names = [...readFileSync(file, 'utf8').matchAll(/^export const (\w+)/gm)].map((match) => match[1]);
  return [
    'const refuse = () => { throw new Error("this bundle carries its council config already checked; rebuild it to change the config"); };',
    'const schema = { parse: refuse, safeParse: refuse };',
    ...names.map((name) => `export const ${name} = schema;`),
  ].join('\n');
}

/**
 * The language-model loader, for bundles: a function is handed its models checked, by
 * lambda-assets.ts, so the loader (its file reading and its zod schema, built at load) would only
 * cost a cold start. Same exports; calling one says where the models are.
 */
function carriedModelsModule(): string {
  return [
    'const carried = () => { throw new Error("this bundle carries its language models already checked (src/entry/lambda-assets.ts)"); };',
    "export const MODEL_SOURCE_DIR = '(bundled)';",
    'export class LanguageModelError extends Error {}',
    'export const loadLanguageModel = carried;',
    'export const checkLanguageModel = carried;',
  ].join('\n');
}

/**
 * Replaces the modules that read the repository at run time with ones carrying the files'
 * contents: the locale loader, and the Lambda assets (council config, language models); and the
 * language-model loader, which the assets make unneeded. All keep their exports, so the code that
 * calls them is the code that runs locally. With the config
 * compiled, the config schema is left out too. A config with a problem fails the build.
 */
export function inlineRepoFilesPlugin(councilConfigFile: string): Plugin {
  const file = path.basename(councilConfigFile);
  const sources = readDeploymentSources(councilConfigFile);
  const compiled = sources.kind === 'file' ? compileCouncilConfig(sources.council.text, file) : undefined;
  // A directory is checked now too, every file; when one cannot be, every file is checked at cold start (load-deployment.ts).
  const compiledDirectory = sources.kind === 'directory' ? compileDeployment(sources) : undefined;
  const replacements = new Map<string, () => string>([
    [sourceFile('src/config/locales.ts'), localesModule],
    [sourceFile('src/entry/lambda-assets.ts'), () => assetsModule(councilConfigFile, compiled, compiledDirectory)],
    [sourceFile('src/language-model/load-language-model.ts'), carriedModelsModule],
  ]);
  // Building the schema alone costs a cold start milliseconds; a compiled config needs none of it.
  if (compiled || compiledDirectory) for (const schema of SCHEMA_MODULES) replacements.set(sourceFile(schema), () => checkedSchemaModule(sourceFile(schema)));
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

const isAlexaModel = (file: string) => file.includes(`${path.sep}skill-package${path.sep}interactionModels${path.sep}`);

interface AlexaModelFile {
  interactionModel?: { languageModel?: { intents?: { name?: unknown; slots?: { name?: unknown }[] }[] } };
}

/**
 * An Alexa interaction model as the function reads it: each intent's name and its slots' names
 * (src/channels/alexa/intent-slots.ts). The samples and slot types are the console's, and were
 * most of the bytes every cold start read.
 */
function intentsAndSlots(model: unknown): AlexaModelFile {
  const intents = (model as AlexaModelFile).interactionModel?.languageModel?.intents ?? [];
  return { interactionModel: { languageModel: { intents: intents.map(({ name, slots }) => ({ name, slots: (slots ?? []).map((slot) => ({ name: slot.name })) })) } } };
}

/**
 * JSON files (locale files, the interaction model, the APL document) as `JSON.parse` of a string
 * rather than as JavaScript literals: V8 reads a large JSON string several times faster than it
 * compiles the same object literal, which a cold start pays for. Same data, default export only
 * (a named import from a JSON file fails the build); an Alexa interaction model keeps only its
 * intents' and slots' names (intentsAndSlots).
 */
export function jsonAsStringPlugin(): Plugin {
  return {
    name: 'json-as-string',
    setup(build) {
      build.onLoad({ filter: /\.json$/ }, (args) => {
        if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
        const parsed = JSON.parse(readFileSync(args.path, 'utf8')) as unknown;
        const text = JSON.stringify(isAlexaModel(args.path) ? intentsAndSlots(parsed) : parsed);
        return { contents: `export default /* @__PURE__ */ JSON.parse(${JSON.stringify(text)});`, loader: 'js' };
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
