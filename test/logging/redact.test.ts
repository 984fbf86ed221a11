import { REDACTED, redactPersonalData, redactText } from '../../src/logging';
import { createLogger } from '../../src/logging';
import { captureLog } from '../support/log-capture';

describe('redacting personal data from log values', () => {
  it.each([
    ['a postcode', 'lookup failed for AB1 2CD today'],
    ['a postcode without a space', 'lookup failed for sw1a1aa today'],
    ['a URL-encoded postcode', 'GET /places?postcode=M1%201AE'],
    ['a mobile number', 'call 07700 900123 back'],
    ['a mobile number with the country code', 'call +44 7700 900123 back'],
    ['a London number', 'ring (020) 7946 0018'],
    ['a Manchester number', 'ring 0161 496 0000'],
    ['an email address', 'from jane.smith@example.com'],
    ['a bearer token', 'Authorization: Bearer abc.def-ghi'],
    ['a JSON web token', 'token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig'],
    ['an Alexa user id', 'user amzn1.ask.account.AFEXAMPLE123'],
    ['a UPRN', 'https://council.example/bins/100000000002.ics'],
    ['a street address', 'no property at 12 High Street'],
  ])('removes %s from free text', (_kind, text) => {
    const redacted = redactText(text);
    expect(redacted).toContain(REDACTED);
    expect(redacted).not.toMatch(/AB1|sw1a1aa|M1%201AE|900123|7946|496 0000|jane|abc\.def|eyJ|AFEXAMPLE|100000000002|High Street/i);
  });

  it('leaves intent names, request ids, skill ids and plain sentences alone', () => {
    for (const text of [
      'GetBinCollectionIntent', 'amzn1.echo-api.request.6f1c1a40-0d9a-4a55-9f0e-1b2a3c4d5e6f',
      'amzn1.echo-api.request.3c1e8f2a-7b4d-4e6a-9f10-000000000032',
      'amzn1.ask.skill.0f2e7d1c-aaaa-bbbb-cccc-1234567890ab', 'bins API answered 503 at https://council.example/bins',
    ]) expect(redactText(text)).toBe(text);
  });

  it('blanks personal keys at any depth, whatever their case or spelling', () => {
    const cleaned = redactPersonalData({
      request: { context: { System: { apiAccessToken: 'x1', user: { userId: 'u1' } } }, intent: { slots: { postcode: { value: 'AB1 2CD' } } } },
      headers: { Authorization: 'Basic YWxhZGRpbjpvcGVuc2VzYW1l', 'content-type': 'application/json' },
      form: { api_key: 'k1', address_string: '12 High Street', description: 'a pothole', service_code: 'POT' },
      status: 500,
    });
    expect(JSON.stringify(cleaned)).not.toMatch(/x1|u1|AB1|YWxh|k1|High Street|pothole/);
    expect(cleaned.form.service_code).toBe('POT');
    expect(cleaned.headers['content-type']).toBe('application/json');
    expect(cleaned.status).toBe(500);
  });

  it('cuts a huge string short and survives a circular object', () => {
    const loop: Record<string, unknown> = { status: 1 };
    loop.self = loop;
    expect(redactText('z'.repeat(100_000)).length).toBeLessThan(1100);
    expect(redactPersonalData(loop)).toEqual({ status: 1, self: '[Circular]' });
  });
});

describe('createLogger', () => {
  it('writes JSON lines with level names, at the level LOG_LEVEL asks for', () => {
    const log = captureLog();
    const logger = createLogger({ destination: log.stream, env: { LOG_LEVEL: 'warn' } });
    logger.info({ step: 1 }, 'not written');
    logger.warn({ step: 2 }, 'written');
    expect(log.lines()).toEqual([expect.objectContaining({ level: 'warn', step: 2, msg: 'written' })]);
  });

  it('falls back to info when LOG_LEVEL is not a level', () => {
    const log = captureLog();
    createLogger({ destination: log.stream, env: { LOG_LEVEL: 'loud' } }).info('hello');
    expect(log.lines()).toHaveLength(1);
  });

  it('scrubs the message and child bindings as well as the logged object', () => {
    const log = captureLog();
    const logger = createLogger({ destination: log.stream }).child({ postcode: 'AB1 2CD' });
    logger.error(new Error('no properties at AB1 2CD for 07700 900123'));
    logger.info('resident at AB1 2CD asked');
    expect(log.text()).not.toMatch(/AB1|07700/);
  });
});
