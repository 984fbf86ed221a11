/**
 * redactText skips a pattern when the text lacks what the pattern needs (a digit, `@`, `=`...).
 * That is only a shortcut: on any text it must give what running every pattern gives.
 */
import fc from 'fast-check';
import { PATTERNS, redactText } from '../../src/logging/redact';

/** The same patterns, every one run on every text. */
function redactEverything(text: string): string {
  return PATTERNS.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}

describe('redactText shortcuts', () => {
  it('give the same text as running every pattern', () => {
    const pieces = fc.constantFrom('12 High Street', 'AB1 2CD', 'ab12cd', 'AB1%202CD', 'Bearer abc.def', 'basic dXNlcg==', 'eyJhbGciOi.eyJzdWIi.sig',
      'amzn1.ask.account.XYZ', 'amzn1.ask.skill.1', '?postcode=AB1', '&key=secret', 'ann@example.org', '07700 900123', '+44 20 7946 0018',
      '100090000002', 'request-1234', 'GetBinCollectionIntent', ' ', ', ', 'Mill Lane', '4a', '=', '@', 'x');
    fc.assert(fc.property(fc.array(fc.oneof(pieces, fc.string({ maxLength: 8 })), { maxLength: 8 }), (parts) => {
      const text = parts.join('');
      expect(redactText(text)).toBe(redactEverything(text));
    }), { numRuns: 2000 });
  });
});
