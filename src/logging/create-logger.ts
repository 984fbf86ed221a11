/**
 * The service's logger: pino writing one JSON object per line (what CloudWatch and most log
 * stores parse without help), with personal data removed before anything is written.
 */
import pino, { type DestinationStream, type Logger as PinoLogger } from 'pino';
import { redactPersonalData, redactText } from './redact';

export interface LoggerOptions {
  /** pino level name; defaults to LOG_LEVEL, then `info`. */
  level?: string;
  /** Where lines go; standard output by default. Tests pass a stream to read them back. */
  destination?: DestinationStream;
  env?: NodeJS.ProcessEnv;
}

const LEVELS = new Set(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

/** The logger for the whole process: create once in the composition root and pass it down. */
export function createLogger(options: LoggerOptions = {}): PinoLogger {
  const wanted = (options.level ?? options.env?.LOG_LEVEL ?? process.env.LOG_LEVEL ?? 'info').toLowerCase();
  // A mistyped LOG_LEVEL should not stop the skill answering residents.
  const level = LEVELS.has(wanted) ? wanted : 'info';
  const logger = pino({
    level,
    formatters: {
      // Level names, not numbers, so a council officer can read and filter the log.
      level: (label) => ({ level: label }),
      log: (object) => redactPersonalData(object),
      bindings: (bindings) => redactPersonalData(bindings),
    },
    // Errors are plain, scrubbed data by now (redact.ts); pino's own serializer would rebuild them.
    serializers: { err: (value: unknown) => value },
    hooks: {
      logMethod(args, method) {
        return method.apply(this, withSafeMessage(args) as Parameters<typeof method>);
      },
    },
    timestamp: pino.stdTimeFunctions.isoTime,
  }, options.destination);
  return redactChildBindings(logger);
}

/**
 * The message string is free text too; and when none is given pino would take an error's
 * message as it is, so the scrubbed one is passed explicitly.
 */
function withSafeMessage(args: unknown[]): unknown[] {
  const [first, ...rest] = args;
  const hasMessage = typeof rest[0] === 'string';
  let out = args;
  if (first instanceof Error) out = [{ err: first }, ...(hasMessage ? rest : [first.message, ...rest])];
  else if (!hasMessage && first && typeof first === 'object' && (first as { err?: unknown }).err instanceof Error) {
    out = [first, ((first as { err: Error }).err).message, ...rest];
  }
  return out.map((arg) => (typeof arg === 'string' ? redactText(arg) : arg));
}

/** pino does not run the bindings formatter for child loggers, so their bindings are scrubbed here. */
function redactChildBindings(logger: PinoLogger): PinoLogger {
  const child = logger.child;
  // Children inherit this property through their prototype, so grandchildren are covered too.
  logger.child = function redactedChild(this: PinoLogger, bindings, childOptions) {
    return child.call(this, redactPersonalData(bindings), childOptions);
  } as typeof logger.child;
  return logger;
}
