/**
 * What the council config's loaders share with the Lambda bundle's precompiled config: the
 * error that names the file and key, and `${ENV}` references. Nothing here loads zod or YAML.
 */

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** `${NAME}` or `${NAME:-default}`. */
export const ENV_REFERENCE = /\$\{([A-Z0-9_]+)(?::-([^}]*))?\}/g;

/** Replaces `${NAME}` and `${NAME:-default}` with environment values; a missing one is an error. */
export function expandEnv(text: string, env: NodeJS.ProcessEnv, file: string): string {
  return text.replace(ENV_REFERENCE, (_, name: string, fallback: string | undefined) => {
    const value = env[name];
    if (value !== undefined && value !== '') return value;
    if (fallback !== undefined) return fallback;
    throw new ConfigError(`${file}: environment variable ${name} is not set (referenced as \${${name}})`);
  });
}

/** The message listing every problem by key, as council staff read it. */
export function problemsError(file: string, problems: { path: readonly PropertyKey[]; message: string }[]): ConfigError {
  const lines = problems.map((issue) => `  ${issue.path.map(String).join('.') || '(top level)'}: ${issue.message}`);
  return new ConfigError(`${file} has ${lines.length} problem(s):\n${lines.join('\n')}`);
}
