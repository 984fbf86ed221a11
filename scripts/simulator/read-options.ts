/** Command-line options shared by the simulator's scripts. */
import { parseArgs } from 'node:util';

export interface ScriptOptions {
  /** Words or files, after the options. */
  rest: string[];
  platform?: string;
  /** A running service to use instead of starting one here. */
  url?: string;
  now?: string;
  postcode?: string;
  permissions: ('address' | 'reminders')[];
  accessToken?: string;
  /** In a service of several councils: answer as a resident of this council (its id). */
  council?: string;
}

export function readOptions(argv: string[]): ScriptOptions {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      platform: { type: 'string', short: 'p' },
      url: { type: 'string' },
      now: { type: 'string' },
      postcode: { type: 'string' },
      permissions: { type: 'string' },
      token: { type: 'string' },
      council: { type: 'string' },
    },
  });
  const permissions = (values.permissions ?? '').split(',').map((p) => p.trim()).filter(Boolean);
  for (const permission of permissions) {
    if (permission !== 'address' && permission !== 'reminders') throw new Error(`--permissions takes address and/or reminders, not "${permission}"`);
  }
  return {
    rest: positionals,
    platform: values.platform,
    url: values.url?.replace(/\/+$/, ''),
    now: values.now,
    postcode: values.postcode,
    permissions: permissions as ScriptOptions['permissions'],
    accessToken: values.token,
    council: values.council,
  };
}
