/**
 * docs/council-file.md: every key of the council file and of service.yaml, what it means, its
 * default and an example, written from the JSON Schema (so from the zod schema's descriptions).
 * Examples are the example files' own values where they set the key. New keys appear by
 * themselves: nothing here names a key.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

type JsonSchema = Record<string, unknown>;

export interface DocumentedFile {
  title: string;
  /** What the file is, one paragraph. */
  intro: string;
  schema: JsonSchema;
  /** Example files whose values illustrate the keys, repository-relative. */
  examples: string[];
}

interface Row {
  key: string;
  type: string;
  required: boolean;
  fallback?: unknown;
  description?: string;
  example?: unknown;
}

/** The key a union's branches are told apart by, and its value in this branch (`connector: ukbcd`). */
function discriminator(branch: JsonSchema): [string, unknown] | undefined {
  const properties = isObject(branch.properties) ? branch.properties : {};
  const found = Object.entries(properties).find(([, schema]) => isObject(schema) && schema.const !== undefined);
  return found && isObject(found[1]) ? [found[0], found[1].const] : undefined;
}

const ROOT = path.resolve(__dirname, '../..');

function isObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The schema without the "or a ${VAR} reference" alternative the generator adds. */
function unwrap(node: JsonSchema): JsonSchema {
  const anyOf = node.anyOf;
  if (!Array.isArray(anyOf)) return node;
  const real = anyOf.filter((branch) => !(isObject(branch) && branch.$ref === '#/definitions/envReference'));
  if (real.length !== 1 || !isObject(real[0])) return node;
  return { ...real[0], ...(node.description === undefined ? {} : { description: node.description }), ...(node.default === undefined ? {} : { default: node.default }) };
}

function typeOf(node: JsonSchema): string {
  if (node.const !== undefined) return `\`${String(node.const)}\``;
  if (Array.isArray(node.enum)) return node.enum.map((v) => `\`${String(v)}\``).join(' \\| ');
  if (Array.isArray(node.anyOf)) return node.anyOf.filter(isObject).map((b) => typeOf(unwrap(b))).join(' or ');
  if (Array.isArray(node.oneOf)) return 'one of the forms below';
  if (node.type === 'array') return `list of ${isObject(node.items) ? typeOf(unwrap(node.items)) : 'values'}`;
  const format = node.format === 'uri' ? 'URL' : node.format === 'email' ? 'email address' : undefined;
  if (format) return format;
  if (node.type === 'object' && isObject(node.additionalProperties) && !isObject(node.properties)) return 'map';
  return typeof node.type === 'string' ? node.type : 'value';
}

function valueAt(data: unknown, keys: string[]): unknown {
  let at = data;
  for (const key of keys) {
    if (Array.isArray(at)) at = at[0];
    if (!isObject(at) || !Object.hasOwn(at, key)) return undefined;
    at = at[key];
  }
  return at;
}

function rowsOf(node: JsonSchema, keys: string[], examples: unknown[], rows: Row[], required: boolean, when = ''): void {
  const schema = unwrap(node);
  if (keys.length > 0) {
    const example = examples.map((data) => valueAt(data, keys)).find((value) => value !== undefined);
    const description = [when, schema.description as string | undefined].filter(Boolean).join(' ');
    rows.push({ key: keys.join('.'), type: typeOf(schema), required, fallback: schema.default, description, example });
  }
  const branches = Array.isArray(schema.oneOf) ? schema.oneOf : Array.isArray(schema.anyOf) ? schema.anyOf : [schema];
  for (const branch of branches.filter(isObject)) {
    // In a union (bins: ics or ukbcd), each branch's keys say which form they belong to, and take
    // examples only from files written in that form.
    const picked = branches.length > 1 ? discriminator(branch) : undefined;
    const branchWhen = picked ? `With \`${picked[0]}: ${String(picked[1])}\`:` : when;
    const branchExamples = picked ? examples.filter((data) => valueAt(data, [...keys, picked[0]]) === picked[1]) : examples;
    const item = branch.type === 'array' && isObject(branch.items) ? branch.items : branch;
    const properties = isObject(item.properties) ? item.properties : undefined;
    if (!properties) continue;
    const needed = Array.isArray(item.required) ? item.required : [];
    const prefix = branch.type === 'array' ? [...keys.slice(0, -1), `${keys.at(-1)}[]`] : keys;
    for (const [name, child] of Object.entries(properties)) {
      if (isObject(child)) rowsOf(child, [...prefix, name], branchExamples, rows, needed.includes(name), branchWhen);
    }
  }
}

function cell(value: unknown): string {
  if (value === undefined) return '';
  const text = typeof value === 'string' && value !== '' ? value : JSON.stringify(value);
  const short = text.length > 70 ? `${text.slice(0, 67)}...` : text;
  return `\`${short.replace(/\|/g, '\\|').replace(/\n/g, ' ')}\``;
}

function words(text: string | undefined): string {
  return (text ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** The reference page's Markdown. */
export function renderCouncilFileDocs(files: DocumentedFile[]): string {
  const out = [
    '# The council file, key by key',
    '',
    '<!-- Written by `npm run schema` from the zod schemas in src/config/: edit the `.describe()` texts there, not this page. -->',
    '',
    'A council is configured in one YAML file (`councils/demo-council.yaml` is the example to copy).',
    'Any value can be an environment reference, `${NAME}` or `${NAME:-default}`, filled in when the',
    'file is loaded: keep secrets in the environment, never in the file. Editors that read JSON Schema',
    '(VS Code with the YAML extension, JetBrains IDEs, Neovim with yaml-language-server) complete and',
    'check keys as you type, from the schema named on the file\'s first line:',
    '`# yaml-language-server: $schema=./council.schema.json`.',
    '',
  ];
  for (const file of files) {
    const examples = file.examples.map((name) => parse(readFileSync(path.join(ROOT, name), 'utf8')) as unknown);
    const rows: Row[] = [];
    rowsOf(file.schema, [], examples, rows, true);
    out.push(`## ${file.title}`, '', file.intro, '', '| Key | Type | Required | Default | Meaning | Example |', '|---|---|---|---|---|---|');
    for (const row of rows) {
      out.push(`| \`${row.key}\` | ${row.type} | ${row.required ? 'yes' : ''} | ${cell(row.fallback)} | ${words(row.description)} | ${cell(isObject(row.example) ? undefined : row.example)} |`);
    }
    out.push('');
  }
  return out.join('\n');
}
