/**
 * Tables keyed by words someone else chose (an intent name, a spoken word, a request type) are
 * plain objects, whose prototype answers to `constructor`, `toString` and `__proto__`. Every such
 * lookup goes through here, so those words find nothing instead of Object.prototype's members.
 */

/** `table[key]` when `key` is one of the table's own keys, else undefined. */
export function ownValue<V>(table: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
