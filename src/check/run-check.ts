/**
 * The command line of `npm run check-council -- <council file> --postcode "AB1 2CD" --house 10`:
 * reads the arguments and the file, runs the checks with progress on stderr, prints the report
 * on stdout, and answers the exit code (0: nothing would fail a resident; 1: something would;
 * 2: the command was not given what it needs).
 */
import { ConfigError, loadConfig } from '../config/load-config';
import { checkCouncil } from './check-council';
import { failuresIn, formatReport } from './findings';

export interface CheckIo {
  out(text: string): void;
  /** Progress and usage, kept off stdout so the report can be saved on its own. */
  err(text: string): void;
  env?: NodeJS.ProcessEnv;
  /** How often "still waiting" is said while a back end is slow. */
  tickMs?: number;
}

export const USAGE = 'Usage: npm run check-council -- <council file> --postcode "AB1 2CD" --house 10';

interface Arguments { file: string; postcode: string; house: string }

function readArguments(argv: string[]): Arguments | string {
  const rest: string[] = [];
  const named = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const inline = /^--(postcode|house)=(.*)$/.exec(arg);
    if (inline) named.set(inline[1] ?? '', inline[2] ?? '');
    else if (arg === '--postcode' || arg === '--house') named.set(arg.slice(2), argv[++i] ?? '');
    else if (arg.startsWith('--')) return `unknown option ${arg}`;
    else rest.push(arg);
  }
  const [file] = rest;
  if (!file || rest.length > 1) return 'give exactly one council file';
  const postcode = named.get('postcode');
  const house = named.get('house');
  if (!postcode) return '--postcode is needed: a postcode in the council\'s area';
  if (!house) return '--house is needed: a house number or name at that postcode';
  return { file, postcode, house };
}

/** Runs the check for `argv` (the arguments after `--`); resolves to the exit code. */
export async function runCheckCouncil(argv: string[], io: CheckIo): Promise<number> {
  const args = readArguments(argv);
  if (typeof args === 'string') {
    io.err(`${args}\n${USAGE}\n`);
    return 2;
  }
  let config;
  try {
    config = loadConfig(args.file, io.env ?? process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.out(`✗ ${error.message}\nFix the keys above, then run the check again.\n`);
    return 1;
  }
  io.out(`Checking ${args.file} (${config.council.name}) for ${args.postcode}, house ${args.house}\n✓ The file is valid.\n`);

  let step = '';
  let since = Date.now();
  const ticker = setInterval(() => io.err(`  … still ${step} (${Math.round((Date.now() - since) / 1000)} s)\n`), io.tickMs ?? 2000);
  ticker.unref();
  try {
    const report = await checkCouncil({
      config,
      postcode: args.postcode,
      house: args.house,
      onProgress: (next) => {
        step = next;
        since = Date.now();
        io.err(`… ${next}\n`);
      },
    });
    io.out(`${formatReport(report)}\n`);
    return failuresIn(report).length === 0 ? 0 : 1;
  } finally {
    clearInterval(ticker);
  }
}
