/**
 * The service's logger: one JSON object per line (what CloudWatch and most log stores parse
 * without help), with personal data removed before anything is written. The lines are pino's
 * (`level` by name, ISO `time`, `pid`, `hostname`, the bindings, the object, then `msg`); written
 * here because pino's loading (worker threads, its transports) cost every Lambda cold start more
 * than the few lines a turn writes.
 */
import { hostname } from 'node:os';
import { format } from 'node:util';
import type { Logger } from '../core/logger';
import { redactPersonalData, redactText } from './redact';

/** Where lines go: anything with a `write(line)`, such as a stream. */
export interface DestinationStream {
  write(line: string): unknown;
}

export interface LoggerOptions {
  /** Level name; defaults to LOG_LEVEL, then `info`. */
  level?: string;
  /** Where lines go; standard output by default. Tests pass a stream to read them back. */
  destination?: DestinationStream;
  env?: NodeJS.ProcessEnv;
}

/** pino's level numbers, by name; `silent` writes nothing. */
const LEVELS = new Map([['trace', 10], ['debug', 20], ['info', 30], ['warn', 40], ['error', 50], ['fatal', 60], ['silent', Infinity]]);

type LevelName = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';
type LogMethod = (objOrMessage?: unknown, ...rest: unknown[]) => void;

/** The logger for the whole process, and the children made from it. */
export type ServiceLogger = Logger & Record<LevelName, LogMethod> & {
  readonly level: string;
  /** A logger whose every line also carries `bindings` (scrubbed like everything else). */
  child(bindings: Record<string, unknown>): ServiceLogger;
};

/** The logger for the whole process: create once in the composition root and pass it down. */
export function createLogger(options: LoggerOptions = {}): ServiceLogger {
  const wanted = (options.level ?? options.env?.LOG_LEVEL ?? process.env.LOG_LEVEL ?? 'info').toLowerCase();
  // A mistyped LOG_LEVEL should not stop the skill answering residents.
  const level = LEVELS.has(wanted) ? wanted : 'info';
  const destination = options.destination ?? process.stdout;
  const base = redactPersonalData({ pid: process.pid, hostname: hostname() });
  return loggerWith(level, LEVELS.get(level) ?? 30, destination, base);
}

function loggerWith(level: string, threshold: number, destination: DestinationStream, bindings: Record<string, unknown>): ServiceLogger {
  const method = (name: LevelName): LogMethod => {
    if ((LEVELS.get(name) ?? 0) < threshold) return () => {};
    return (...args) => destination.write(lineOf(name, bindings, args));
  };
  return {
    level,
    trace: method('trace'),
    debug: method('debug'),
    info: method('info'),
    warn: method('warn'),
    error: method('error'),
    fatal: method('fatal'),
    child: (more) => loggerWith(level, threshold, destination, { ...bindings, ...redactPersonalData(more) }),
  };
}

/**
 * One line. The message is free text too; and when none is given an error's own message is
 * used, scrubbed like the rest.
 */
function lineOf(level: LevelName, bindings: Record<string, unknown>, args: unknown[]): string {
  const [first, ...rest] = args;
  let object: unknown;
  let words: unknown[] = rest;
  if (first instanceof Error) {
    object = { err: first };
    if (typeof rest[0] !== 'string') words = [first.message, ...rest];
  } else if (typeof first === 'object' && first !== null) {
    object = first;
    const err = (first as { err?: unknown }).err;
    if (typeof rest[0] !== 'string' && err instanceof Error) words = [err.message, ...rest];
  } else if (first !== undefined) {
    words = [first, ...rest];
  }
  const message = words.length === 0 ? undefined : redactText(typeof words[0] === 'string' && words.length === 1 ? words[0] : format(...words));
  const line = { level, time: new Date().toISOString(), ...bindings, ...(object === undefined ? {} : redactPersonalData(object)), msg: message };
  return `${stringify(line)}\n`;
}

/** JSON.rawJSON (Node 21+): a value written as the given JSON text. */
const { rawJSON } = JSON as unknown as { rawJSON(text: string): unknown };

/** JSON, with BigInts (which JSON.stringify refuses) written as plain numbers, as pino writes them. */
function stringify(line: object): string {
  try {
    return JSON.stringify(line);
  } catch {
    return JSON.stringify(line, (_key, value: unknown) => (typeof value === 'bigint' ? rawJSON(value.toString()) : value));
  }
}
