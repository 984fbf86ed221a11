/**
 * The start-up rules that keep test conveniences out of production: unsigned requests are never
 * accepted there, and the simulator (which can act as any resident) is off unless asked for and
 * only ever listens on loopback.
 */

/** Thrown at start-up when the environment asks for something unsafe; the process must not serve. */
export class UnsafeStartupError extends Error {
  override name = 'UnsafeStartupError';
}

/** What the entry files should do, decided from the environment. */
export interface StartupSecurity {
  production: boolean;
  /** Accept unsigned/unauthenticated voice requests (never true in production). */
  skipRequestVerification: boolean;
  simulator: {
    enabled: boolean;
    /** The simulator binds here and nowhere else. */
    host: '127.0.0.1';
  };
}

/** Values that leave a flag off; anything else set turns it on. */
const OFF = new Set(['', '0', 'false', 'no', 'off']);
const isOn = (value: string | undefined): boolean => value !== undefined && !OFF.has(value.trim().toLowerCase());

/**
 * Reads NODE_ENV, SKIP_REQUEST_VERIFICATION, ENABLE_SIMULATOR and SIMULATOR_ALLOW_REMOTE. Throws
 * UnsafeStartupError when verification would be skipped, or the simulator opened to other machines,
 * in production. Any "on" value counts there, so a typo such as
 * `SKIP_REQUEST_VERIFICATION=yes` refuses to start rather than slipping through.
 */
export function assertSafeStartup(env: NodeJS.ProcessEnv = process.env): StartupSecurity {
  const production = env.NODE_ENV?.trim().toLowerCase() === 'production';
  const skip = isOn(env.SKIP_REQUEST_VERIFICATION);
  if (production && skip) {
    throw new UnsafeStartupError(
      'SKIP_REQUEST_VERIFICATION is set with NODE_ENV=production: refusing to start, because anyone could then '
      + 'call the voice routes as Alexa or Google. Unset SKIP_REQUEST_VERIFICATION (it is for local testing only).');
  }
  // The simulator can act as any resident; in production it answers this machine only.
  if (production && isOn(env.SIMULATOR_ALLOW_REMOTE)) {
    throw new UnsafeStartupError(
      'SIMULATOR_ALLOW_REMOTE is set with NODE_ENV=production: refusing to start, because the simulator can act as any '
      + 'resident. In production it only answers this machine (and only with ENABLE_SIMULATOR=1).');
  }
  return {
    production,
    skipRequestVerification: skip,
    simulator: { enabled: !production || env.ENABLE_SIMULATOR?.trim() === '1', host: '127.0.0.1' },
  };
}
