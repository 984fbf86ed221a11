/**
 * Compiles a council config file for a Lambda bundle (scripts/bundle.ts): the file is parsed and
 * checked here, once, and each value holding `${ENV}` references carries the checks its key asks
 * for, read from the schema, so the function fills and checks those few values at cold start
 * (compiled-config.ts) instead of loading YAML and zod. Build time only.
 *
 * A value whose key has a rule this cannot carry (a custom refinement, a transform, a type other
 * than text) is not compiled: the caller then checks the file at cold start as before.
 */
import { parse } from 'yaml';
import { z } from 'zod';
import { ConfigError, ENV_REFERENCE, problemsError } from './config-error';
import { setAt, type CompiledConfig, type EnvValue, type Pattern, type ValueCheck } from './compiled-config';
import { councilConfigSchema } from './council-config';

/** The parts of zod's internal definitions read here (zod 4: `schema._zod.def`). */
interface Def {
  type: string;
  innerType?: Schema;
  shape?: Record<string, Schema>;
  catchall?: Schema;
  element?: Schema;
  valueType?: Schema;
  options?: Schema[];
  entries?: Record<string, unknown>;
  values?: unknown[];
  checks?: Check[];
  check?: string;
  format?: string;
  pattern?: RegExp;
  includes?: string;
  position?: number;
  protocol?: RegExp;
  hostname?: RegExp;
  normalize?: boolean;
  minimum?: number;
  maximum?: number;
  error?: (issue: object) => unknown;
}
interface Schema { _zod: { def: Def } }
interface Check { _zod: { def: Def } }

/** Wrappers that leave a present value as it is. */
const PASS_THROUGH = new Set(['optional', 'default', 'prefault', 'nullable', 'readonly', 'nonoptional']);

class NotCompilable extends Error {}

const defOf = (schema: Schema): Def => schema._zod.def;
const toPattern = (re: RegExp): Pattern => ({ source: re.source, flags: re.flags });

function unwrap(schema: Schema): Schema {
  let current = schema;
  while (PASS_THROUGH.has(defOf(current).type) && defOf(current).innerType) current = defOf(current).innerType as Schema;
  return current;
}

/** What the schema would say about `issue`: the key's own message, else zod's wording. */
function messageFor(def: Def, issue: Record<string, unknown>): string {
  const own = def.error?.(issue);
  const said = own ?? z.config().localeError?.(issue as never);
  const text = typeof said === 'string' ? said : (said as { message?: string } | undefined)?.message;
  return text ?? 'Invalid input';
}

/** The schema for the value at `path` of `raw`, through objects, arrays, records and unions. */
function schemaAt(root: Schema, raw: unknown, path: (string | number)[]): Schema | undefined {
  let schema = root;
  let data = raw;
  for (const key of path) {
    schema = unwrap(schema);
    const def = defOf(schema);
    if (def.type === 'union') schema = unwrap(pickOption(def, data));
    const at = defOf(schema);
    if (at.type === 'object') {
      const next = (at.shape && Object.hasOwn(at.shape, key) ? at.shape[key] : undefined) ?? at.catchall;
      // A key the schema strips never reaches the checked config.
      if (!next) return undefined;
      schema = next;
    } else if (at.type === 'array' && at.element) schema = at.element;
    else if (at.type === 'record' && at.valueType) schema = at.valueType;
    else throw new NotCompilable(`a ${at.type} on the way to ${path.join('.')}`);
    data = (data as Record<string | number, unknown> | undefined)?.[key];
  }
  return unwrap(schema);
}

/** The one option of a union that accepts `data` (as the file gives it). */
function pickOption(def: Def, data: unknown): Schema {
  const fits = (def.options ?? []).filter((option) => z.safeParse(option as never, data).success);
  if (fits.length !== 1 || !fits[0]) throw new NotCompilable('a union that is not settled by the file alone');
  return fits[0];
}

/** The rules for a text value at a key whose schema is `schema`. */
function checksFor(schema: Schema, path: string): ValueCheck[] {
  const def = defOf(schema);
  if (def.type === 'unknown' || def.type === 'any') return [];
  if (def.type === 'enum' || def.type === 'literal') {
    const values = def.type === 'enum' ? Object.values(def.entries ?? {}) : (def.values ?? []);
    if (!values.every((value) => typeof value === 'string')) throw new NotCompilable(`non-text choices at ${path}`);
    return [{ kind: 'oneOf', values: values as string[], message: messageFor(def, { code: 'invalid_value', values }) }];
  }
  if (def.type !== 'string') {
    // Environment values are text: the schema refuses them here whatever they are.
    return [{ kind: 'oneOf', values: [], message: messageFor(def, { code: 'invalid_type', expected: def.type, input: '' }) }];
  }
  const checks: ValueCheck[] = [];
  // A format (url, email) is itself the first check, then those added to it.
  const all: Def[] = [...(def.check ? [def] : []), ...(def.checks ?? []).map((check) => defOf(check))];
  for (const check of all) {
    if (check.check === 'min_length' && check.minimum !== undefined) {
      checks.push({ kind: 'min', length: check.minimum, message: messageFor(check, { code: 'too_small', origin: 'string', minimum: check.minimum, inclusive: true }) });
    } else if (check.check === 'max_length' && check.maximum !== undefined) {
      checks.push({ kind: 'max', length: check.maximum, message: messageFor(check, { code: 'too_big', origin: 'string', maximum: check.maximum, inclusive: true }) });
    } else if (check.check === 'string_format' && check.format === 'url' && !check.normalize) {
      checks.push({
        kind: 'url',
        protocol: check.protocol && toPattern(check.protocol),
        hostname: check.hostname && toPattern(check.hostname),
        message: messageFor(check, { code: 'invalid_format', format: 'url' }),
      });
    } else if (check.check === 'string_format' && check.format === 'includes' && check.includes !== undefined && check.position === undefined) {
      checks.push({ kind: 'includes', text: check.includes, message: messageFor(check, { code: 'invalid_format', format: 'includes', includes: check.includes }) });
    } else if (check.check === 'string_format' && check.pattern && check.format !== 'url' && check.format !== 'includes') {
      const issue = { code: 'invalid_format', format: check.format, pattern: check.pattern.toString(), prefix: (check as { prefix?: string }).prefix, suffix: (check as { suffix?: string }).suffix };
      checks.push({ kind: 'pattern', pattern: toPattern(check.pattern), message: messageFor(check, issue) });
    } else {
      throw new NotCompilable(`a ${check.check ?? check.type} rule at ${path}`);
    }
  }
  return checks;
}

/** Every text value holding `${ENV}` references, with its path, in the order expansion meets them. */
function findReferences(value: unknown, path: (string | number)[] = [], found: { path: (string | number)[]; template: string }[] = []) {
  if (typeof value === 'string') {
    ENV_REFERENCE.lastIndex = 0;
    if (ENV_REFERENCE.test(value)) found.push({ path, template: value });
  } else if (Array.isArray(value)) value.forEach((item, i) => findReferences(item, [...path, i], found));
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) findReferences(item, [...path, key], found);
  return found;
}

/** A stand-in for each reference while checking the rest: its default when it has one. */
function withStandIns(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(ENV_REFERENCE, (_, _name: string, fallback?: string) => fallback ?? '');
  if (Array.isArray(value)) return value.map(withStandIns);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withStandIns(item)]));
  return value;
}

/** Values that pass the usual rules for a secret, an id, a URL or a URL template, tried in turn. */
const STAND_INS = ['https://stand-in.example/{uprn}', 'stand-in-0123456789abcdef', 'stand-in@example.com'];

const samePath = (a: readonly PropertyKey[], b: readonly PropertyKey[]) => a.length === b.length && a.every((key, i) => key === b[i]);

/**
 * The council config in `text`, checked now; undefined when some value from the environment
 * has a rule only the schema can check (the bundle then checks the file at cold start). Throws
 * ConfigError for a problem no environment could fix.
 */
export function compileCouncilConfig(text: string, file: string, schema: z.ZodType = councilConfigSchema): CompiledConfig | undefined {
  return compileConfigData(parseConfigYaml(text, file), file, schema);
}

/** A config file's YAML as data; ConfigError naming the file when it is not YAML. */
export function parseConfigYaml(text: string, file: string): unknown {
  try {
    return parse(text);
  } catch (error) {
    throw new ConfigError(`${file}: not valid YAML: ${(error as Error).message}`);
  }
}

/** As compileCouncilConfig, for a file's data already read (a council with the deployment's gazetteer put in). */
export function compileConfigData(parsed: unknown, file: string, schema: z.ZodType = councilConfigSchema): CompiledConfig | undefined {
  const references = findReferences(parsed);
  const standIns = withStandIns(parsed);
  let result = schema.safeParse(standIns);
  // A problem with a value the environment supplies is for cold start to find, with the real value;
  // here the stand-in only has to pass, so the rest of the file can be checked and its defaults filled.
  for (const candidate of STAND_INS) {
    const problems = result.error?.issues ?? [];
    const fixed = problems.filter((issue) => !references.some((ref) => samePath(ref.path, issue.path)));
    if (fixed.length > 0) throw problemsError(file, fixed);
    if (result.success) break;
    for (const issue of problems) setAt(standIns, issue.path as (string | number)[], candidate);
    result = schema.safeParse(standIns);
  }
  if (!result.success) return undefined;
  const root = schema as unknown as Schema;
  try {
    const fromEnv: EnvValue[] = [];
    for (const ref of references) {
      const at = schemaAt(root, standIns, ref.path);
      if (at) fromEnv.push({ path: ref.path, template: ref.template, order: 0, checks: checksFor(at, ref.path.join('.')) });
    }
    const order = schemaOrder(root, standIns);
    for (const entry of fromEnv) entry.order = order.findIndex((path) => samePath(path, entry.path));
    return { file, json: JSON.stringify(result.data), fromEnv };
  } catch (error) {
    if (error instanceof NotCompilable) return undefined;
    throw error;
  }
}

/** Every path in `value` in the order the schema visits it: its keys' order, not the file's. */
function schemaOrder(root: Schema, data: unknown, value: unknown = data, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(path);
  if (Array.isArray(value)) value.forEach((item, i) => schemaOrder(root, data, item, [...path, i], out));
  else if (value && typeof value === 'object') {
    const at = schemaAt(root, data, path);
    const shape = at && defOf(at).type === 'object' ? defOf(at).shape : undefined;
    for (const key of new Set([...Object.keys(shape ?? {}), ...Object.keys(value)])) {
      if (Object.hasOwn(value, key)) schemaOrder(root, data, (value as Record<string, unknown>)[key], [...path, key], out);
    }
  }
  return out;
}
