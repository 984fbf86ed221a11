/**
 * Secret comparisons that take the same time whether the first byte or the last one differs,
 * so a caller cannot find our secret a byte at a time by timing the 401s.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/**
 * True when the strings are equal. Both are hashed first: timingSafeEqual needs equal lengths,
 * and comparing digests keeps the secret's length from leaking too.
 */
export function constantTimeEqual(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}
