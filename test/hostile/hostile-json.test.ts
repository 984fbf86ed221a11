/**
 * The hostile-request helpers themselves. A generated body that shares an object with an earlier
 * one lets a mutation of this run change the last run's value; once a shared object came to hold
 * itself, every later body was endless, and CI hung for 13 minutes writing one out.
 */
import fc from 'fast-check';
import { deeplyNested, hostileValue, stringifyDeep } from '../support/hostile-json';

/** Every object and array inside `value`, to a shallow depth (deeply nested values are fresh by construction). */
function objectsIn(value: unknown, out = new Set<object>(), depth = 0): Set<object> {
  if (typeof value !== 'object' || value === null || depth > 20) return out;
  out.add(value);
  for (const key of Object.keys(value)) objectsIn((value as Record<string, unknown>)[key], out, depth + 1);
  return out;
}

describe('hostile JSON helpers', () => {
  test('no two generated values share an object, so one run cannot change another\'s body', () => {
    const owner = new Map<object, number>();
    fc.sample(hostileValue, { numRuns: 600, seed: 42 }).forEach((value, run) => {
      for (const object of objectsIn(value)) {
        expect(owner.get(object) ?? run).toBe(run);
        owner.set(object, run);
      }
    });
    expect(owner.size).toBeGreaterThan(100);
  });

  test('stringifyDeep writes what JSON.stringify writes, and bodies far deeper than its stack', () => {
    const value = { a: [1, 'two', null, { b: true, skip: undefined }], c: '\u0000"' };
    expect(stringifyDeep(value)).toBe(JSON.stringify(value));
    expect(stringifyDeep({ deep: deeplyNested(50_000) })).toHaveLength(100_009);
  });

  test('a value that holds itself is refused at once rather than written until memory runs out', () => {
    const loop: Record<string, unknown> = { a: [] };
    (loop.a as unknown[]).push(loop);
    expect(() => stringifyDeep(loop)).toThrow(/holds itself/);
    // Shared but not circular is ordinary JSON.
    const shared = { x: 1 };
    expect(stringifyDeep([shared, shared])).toBe('[{"x":1},{"x":1}]');
  });
});
