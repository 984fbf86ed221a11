/**
 * Response schemas built the first time a connector checks an answer, not when its module loads:
 * building every connector's zod schemas cost each Lambda cold start milliseconds, though most
 * turns call one connector or none.
 */

/** `build`'s result, built on the first call and the same object on every call after. */
export function lazySchema<T>(build: () => T): () => T {
  let built: T | undefined;
  return () => (built ??= build());
}
