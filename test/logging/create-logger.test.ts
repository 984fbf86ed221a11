/**
 * The log line's shape, which log queries and CloudWatch filters rely on: pino's (the service
 * wrote with pino before), level by name, ISO time, pid and hostname, then the child's bindings,
 * the logged object and the message last.
 */
import { hostname } from 'node:os';
import { createLogger } from '../../src/logging';
import { captureLog } from '../support/log-capture';

describe('createLogger lines', () => {
  it('writes the fields in pino\'s order, bindings before the object and the message last', () => {
    const log = captureLog();
    createLogger({ destination: log.stream }).child({ council: 'demo' }).warn({ requestId: 'r-1', durationMs: 12.5, skipped: undefined }, 'turn');
    const [line] = log.lines();
    expect(Object.keys(line ?? {})).toEqual(['level', 'time', 'pid', 'hostname', 'council', 'requestId', 'durationMs', 'msg']);
    expect(line).toMatchObject({ level: 'warn', pid: process.pid, hostname: hostname(), council: 'demo', requestId: 'r-1', durationMs: 12.5, msg: 'turn' });
    expect(new Date(String(line?.time)).toISOString()).toBe(line?.time);
    expect(log.text().endsWith('}\n')).toBe(true);
  });

  it('logs an error as plain data with its message as the line\'s message, and a BigInt as a number', () => {
    const log = captureLog();
    const logger = createLogger({ destination: log.stream });
    logger.error(Object.assign(new Error('OS Places answered 503'), { status: 503 }));
    logger.info({ bytes: 12345678901234567890n }, 'answer size');
    expect(log.lines()[0]).toMatchObject({ level: 'error', msg: 'OS Places answered 503', err: { type: 'Error', message: 'OS Places answered 503', status: 503 } });
    expect(log.text()).toContain('"bytes":12345678901234567890,');
  });

  it('writes nothing at all when LOG_LEVEL is silent', () => {
    const log = captureLog();
    const logger = createLogger({ destination: log.stream, env: { LOG_LEVEL: 'silent' } });
    logger.error({ step: 1 }, 'failed');
    expect(log.text()).toBe('');
  });
});
