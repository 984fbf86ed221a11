/**
 * Connector code loaded the first time a connector needs it, not when the service starts: zod
 * and the response schemas built with it, the iCalendar reader, cost every Lambda cold start
 * milliseconds, though most turns call one connector or none. A module reached only through `import()` is
 * evaluated on first use, in a bundle too (esbuild wraps it so).
 */

/** `load`'s promise, started on the first call and the same promise on every call after. */
export function loadOnFirstUse<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => (loading ??= load());
}
