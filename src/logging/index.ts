/** Structured, redacted logging: the process logger and the per-turn line. */
export { createLogger, type LoggerOptions } from './create-logger';
export { redactPersonalData, redactText, REDACTED } from './redact';
export { withTurnLogging, type TurnLogLine, type TurnOutcome, type TurnLoggingOptions } from './turn-logging';
