/**
 * Connector response schemas loaded the first time a connector checks an answer, not when the
 * service starts: zod and the schemas built with it cost every Lambda cold start milliseconds,
 * though most turns call one connector or none. A module reached only through `import()` is
 * evaluated on first use, in a bundle too (esbuild wraps it so).
 */

/** `load`'s promise, started on the first call and the same promise on every call after. */
export function loadOnFirstUse<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => (loading ??= load());
}
