/**
 * fast-check arbitraries for hostile platform requests: start from a real-shape fixture and break
 * it the ways callers do — fields deleted, values of the wrong type, huge and strange strings,
 * arrays where objects go, prototype-pollution keys, deep nesting.
 */
import fc from 'fast-check';

export type JsonPath = (string | number)[];

/** Keys that reach Object.prototype when code assigns or looks them up carelessly. */
export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'isPrototypeOf'];

/** An object with an own `__proto__` key, as JSON.parse makes one (an object literal would set the prototype). */
export function withOwnProtoKey(value: unknown): Record<string, unknown> {
  return JSON.parse(`{"__proto__": ${JSON.stringify(value)}, "polluted": true}`) as Record<string, unknown>;
}

/** `depth` arrays inside each other: parses fine, but recursion over it runs out of stack. */
export function deeplyNested(depth: number): unknown {
  const nested = JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`) as unknown[];
  // fast-check prints counterexamples recursively: give it a short name instead.
  Object.defineProperty(nested, fc.toStringMethod, { value: () => `deeplyNested(${depth})`, enumerable: false });
  return nested;
}

/** Strings that have broken speech, markup, templates or logs somewhere before. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '', ' ', '\u0000', '\u0001\u0002\u0003', '\uFFFE', '\uD800', '\uDC00x', 'a\u0001b\u0001', '\u0001' + '0' + '\u0001',
    '</speak><audio src="https://evil.example/a.mp3"/><speak>', '<break time="100000s"/>', '&', '&amp;', ']]>', '<![CDATA[x]]>',
    '{{council}}', '{{phone}}', '$t(errors:skill)', '%s%s%n', '${process.exit()}', '__proto__', 'constructor', 'null', 'undefined',
    '\u202Egnp.exe', '😀'.repeat(20), 'ᚠᛇᚻ', 'Ω≈ç√∫', '\r\n\r\nHTTP/1.1 200 OK', '../../etc/passwd', 'SW1A 1AA', 'sw1a1aa',
    'x'.repeat(9000),
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)), maxLength: 10 }),
);

/** A huge string, up to `max` characters (bodies stay under the 256 KB limit). */
export const hugeString = (max = 60_000): fc.Arbitrary<string> =>
  fc.tuple(fc.integer({ min: 8_001, max }), fc.constantFrom('x', 'é', '<', '&', '9', ' ', '\u0001')).map(([n, c]) => c.repeat(n));

/** A JSON value of any type, small, plus the hostile shapes. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(null, true, false, 0, -1, 1e308, -0.5, '') },
  // Objects are made afresh for every value: a constant object would be shared by every body that
  // holds it, and a mutation applied inside one body would change it in all of them (and once made
  // it hold itself, every later body was endless: CI's 13-minute hang and out-of-memory crashes).
  { weight: 1, arbitrary: fc.constantFrom('[]', '{}', '[null]', '[{}]', '{"":""}').map((text) => JSON.parse(text) as unknown) },
  { weight: 3, arbitrary: nastyString },
  { weight: 1, arbitrary: hugeString(30_000) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }).map(withOwnProtoKey) },
  { weight: 1, arbitrary: fc.constantFrom(...PROTOTYPE_KEYS).map((key) => JSON.parse(`{"${key}": {"polluted": true}}`) as unknown) },
  { weight: 1, arbitrary: fc.integer({ min: 2_000, max: 20_000 }).map(deeplyNested) },
);

/** Every path to a value inside `value` (objects and arrays), the root excluded. */
export function pathsOf(value: unknown, prefix: JsonPath = [], out: JsonPath[] = []): JsonPath[] {
  if (prefix.length > 12 || out.length > 2_000) return out;
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      out.push([...prefix, i]);
      pathsOf(item, [...prefix, i], out);
    });
  } else if (typeof value === 'object' && value !== null) {
    for (const key of Object.keys(value)) {
      out.push([...prefix, key]);
      pathsOf((value as Record<string, unknown>)[key], [...prefix, key], out);
    }
  }
  return out;
}

function containerAt(root: unknown, path: JsonPath): unknown {
  let current = root;
  for (const step of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[step];
  }
  return current;
}

/** Sets an own property, even `__proto__`, as JSON.parse would. */
function setOwn(target: Record<string | number, unknown> | unknown[], key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

export type Mutation =
  | { kind: 'delete'; at: number }
  | { kind: 'replace'; at: number; value: unknown }
  | { kind: 'add-key'; at: number; key: string; value: unknown }
  | { kind: 'wrap-in-array'; at: number };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: hostileValue }),
  fc.record({ kind: fc.constant('add-key' as const), at: fc.nat(), key: fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), fc.string({ maxLength: 12 })), value: hostileValue }),
  fc.record({ kind: fc.constant('wrap-in-array' as const), at: fc.nat() }),
);

/** `base` (deep-copied) with `mutations` applied, each at a path chosen among those left. */
export function applyMutations(base: unknown, mutations: Mutation[]): unknown {
  const root = { value: structuredClone(base) } as Record<string, unknown>;
  for (const m of mutations) {
    const paths: JsonPath[] = [['value'], ...pathsOf(root.value, ['value'])];
    const path = paths[m.at % paths.length] ?? ['value'];
    const parent = containerAt(root, path.slice(0, -1)) as Record<string | number, unknown> | unknown[];
    const key = path[path.length - 1] as string | number;
    const current = (parent as Record<string | number, unknown>)[key];
    if (m.kind === 'delete') {
      if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
      else delete (parent as Record<string | number, unknown>)[key];
    } else if (m.kind === 'replace') {
      setOwn(parent, key, m.value);
    } else if (m.kind === 'wrap-in-array') {
      setOwn(parent, key, [current]);
    } else if (typeof current === 'object' && current !== null && !Array.isArray(current)) {
      setOwn(current as Record<string, unknown>, m.key, m.value);
    } else {
      setOwn(parent, key, { [m.key]: m.value });
    }
  }
  return root.value;
}

/** A fixture broken by one to four mutations. */
export function mutated(base: unknown): fc.Arbitrary<unknown> {
  return fc.array(mutation, { minLength: 1, maxLength: 4 }).map((mutations) => applyMutations(base, mutations));
}

/**
 * `base` with `value` at `path` (undefined deletes it), objects created on the way. Only the
 * objects along the path are copied, so `base` is untouched and deep values are shared as they are.
 */
export function withValueAt<T>(base: T, path: JsonPath, value: unknown): T {
  const [step, ...rest] = path;
  if (step === undefined) return value as T;
  const source = typeof base === 'object' && base !== null ? base : {};
  const copy = (Array.isArray(source) ? [...source] : { ...source }) as Record<string | number, unknown>;
  // Spreading drops an own __proto__ key's special meaning, so it stays an own key here too.
  const inner = withValueAt((source as Record<string | number, unknown>)[step], rest, value);
  if (inner === undefined && rest.length === 0) delete copy[step];
  else setOwn(copy, step, inner);
  return copy as unknown as T;
}

/**
 * JSON text for any parsed value, however deep: JSON.stringify recurses and runs out of stack on
 * the deeply nested bodies these tests send, so this one keeps its own stack. A value that holds
 * itself is refused at once: written out, it would grow until the process ran out of memory.
 */
export function stringifyDeep(value: unknown): string {
  const out: string[] = [];
  type Step = string | { value: unknown } | { leave: object };
  const stack: Step[] = [{ value }];
  // The objects between the root and the one being written: meeting one again is a cycle.
  const open = new Set<object>();
  while (stack.length > 0) {
    const item = stack.pop() as Step;
    if (typeof item === 'string') {
      out.push(item);
      continue;
    }
    if ('leave' in item) {
      open.delete(item.leave);
      continue;
    }
    const current = item.value;
    if (typeof current === 'object' && current !== null) {
      if (open.has(current)) throw new Error('stringifyDeep: the value holds itself; an arbitrary shares one object between values');
      open.add(current);
      stack.push({ leave: current });
    }
    if (Array.isArray(current)) {
      out.push('[');
      stack.push(']');
      for (let i = current.length - 1; i >= 0; i--) {
        stack.push({ value: current[i] === undefined ? null : current[i] });
        if (i > 0) stack.push(',');
      }
    } else if (typeof current === 'object' && current !== null) {
      const keys = Object.keys(current).filter((k) => (current as Record<string, unknown>)[k] !== undefined);
      out.push('{');
      stack.push('}');
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i] as string;
        stack.push({ value: (current as Record<string, unknown>)[key] });
        stack.push(`${JSON.stringify(key)}:`);
        if (i > 0) stack.push(',');
      }
    } else {
      out.push(JSON.stringify(current) ?? 'null');
    }
  }
  return out.join('');
}
