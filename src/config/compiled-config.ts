/**
 * A council config checked when the Lambda bundle was built: the checked data, plus each value
 * that holds `${ENV}` references with the checks its key asks for (compile-config.ts derives them
 * from the schema). At cold start the references are filled from the function's environment and
 * those few values checked, so the function neither parses YAML nor loads the schema, and answers
 * a bad value exactly as parseConfig would.
 */
import { ConfigError, expandEnv, problemsError } from './config-error';

/** A regular expression, as JSON can carry it. */
export interface Pattern {
  source: string;
  flags: string;
}

/** One rule a value from the environment must keep; `message` is what the schema would say. */
export type ValueCheck =
  | { kind: 'min' | 'max'; length: number; message: string }
  | { kind: 'pattern'; pattern: Pattern; message: string }
  | { kind: 'includes' | 'startsWith' | 'endsWith'; text: string; message: string }
  | { kind: 'url'; protocol?: Pattern; hostname?: Pattern; message: string }
  | { kind: 'oneOf'; values: string[]; message: string };

export interface EnvValue {
  /** Where the value sits in the config (the same place in the file and in the checked data). */
  path: (string | number)[];
  /** The file's text for it, references and all. */
  template: string;
  /** Its place in the order the schema checks keys, which is the order problems are listed in. */
  order: number;
  checks: ValueCheck[];
}

/** A directory of council files and its service.yaml, each compiled (compile-deployment.ts builds it; assembleCompiledDeployment reads it). */
export interface CompiledDeployment {
  service?: CompiledConfig;
  councils: { compiled: CompiledConfig; sharedAddresses: boolean }[];
}

export interface CompiledConfig {
  file: string;
  /** The checked config as JSON, with the file's text where the environment fills in a value. */
  json: string;
  fromEnv: EnvValue[];
}

const regex = ({ source, flags }: Pattern): RegExp => new RegExp(source, flags.replace('g', ''));

/** The value as the schema would pass it on, and every problem it would report (as it does, not just the first). */
function checkValue(value: string, checks: ValueCheck[]): { value: string; problems: string[] } {
  let out = value;
  const problems: string[] = [];
  const fail = (broken: boolean, message: string) => {
    if (broken) problems.push(message);
  };
  for (const check of checks) {
    switch (check.kind) {
      case 'min': fail(out.length < check.length, check.message); break;
      case 'max': fail(out.length > check.length, check.message); break;
      case 'pattern': fail(!regex(check.pattern).test(out), check.message); break;
      case 'includes': fail(!out.includes(check.text), check.message); break;
      case 'startsWith': fail(!out.startsWith(check.text), check.message); break;
      case 'endsWith': fail(!out.endsWith(check.text), check.message); break;
      case 'oneOf': fail(!check.values.includes(out), check.message); break;
      case 'url': {
        // As the schema's url check: trimmed, `scheme://` for http(s), parsed, then its rules.
        const trimmed = out.trim();
        const url = check.protocol?.source === '^https?$' && !/^https?:\/\//i.test(trimmed) ? null : URL.parse(trimmed);
        if (!url) {
          problems.push(check.message);
          break;
        }
        fail(check.hostname !== undefined && !regex(check.hostname).test(url.hostname), check.message);
        fail(check.protocol !== undefined && !regex(check.protocol).test(url.protocol.replace(/:$/, '')), check.message);
        out = trimmed.replace(/[\t\n\r]/g, '');
        break;
      }
    }
  }
  return { value: out, problems };
}

/** Sets the value at `path` inside `target`, whose containers are all there. */
export function setAt(target: unknown, path: (string | number)[], value: string): void {
  let node = target as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1] as string | number] = value;
}

/**
 * The config for `env`: what parseConfig would give for the same file and environment, or the
 * same ConfigError (a missing variable first, then every value that breaks its key's rules).
 */
export function expandCompiledConfig<T>(compiled: CompiledConfig, env: NodeJS.ProcessEnv): T {
  const config = JSON.parse(compiled.json) as T;
  const expanded = compiled.fromEnv.map((entry) => expandEnv(entry.template, env, compiled.file));
  const problems: { order: number; path: (string | number)[]; message: string }[] = [];
  compiled.fromEnv.forEach((entry, i) => {
    const result = checkValue(expanded[i] as string, entry.checks);
    for (const message of result.problems) problems.push({ order: entry.order, path: entry.path, message });
    setAt(config, entry.path, result.value);
  });
  // In the order the schema checks its keys, as parseConfig lists them.
  problems.sort((a, b) => a.order - b.order);
  if (problems.length > 0) throw problemsError(compiled.file, problems);
  return config;
}

export { ConfigError };
