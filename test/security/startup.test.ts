/** SKIP_REQUEST_VERIFICATION is a local convenience; production refuses to start with it. */
import { assertSafeStartup, UnsafeStartupError } from '../../src/security/startup';

describe('assertSafeStartup', () => {
  it.each(['1', 'true', 'yes', 'TRUE'])('refuses NODE_ENV=production with SKIP_REQUEST_VERIFICATION=%s', (value) => {
    expect(() => assertSafeStartup({ NODE_ENV: 'production', SKIP_REQUEST_VERIFICATION: value })).toThrow(UnsafeStartupError);
  });

  it('names the variable to unset in its message', () => {
    expect(() => assertSafeStartup({ NODE_ENV: 'production', SKIP_REQUEST_VERIFICATION: '1' })).toThrow(/Unset SKIP_REQUEST_VERIFICATION/);
  });

  it.each([undefined, '', '0', 'false'])('starts in production with SKIP_REQUEST_VERIFICATION=%p, verifying', (value) => {
    expect(assertSafeStartup({ NODE_ENV: 'production', SKIP_REQUEST_VERIFICATION: value })).toMatchObject({ production: true, skipRequestVerification: false });
  });

  it.each([undefined, 'development', 'test'])('allows skipping verification with NODE_ENV=%p', (nodeEnv) => {
    expect(assertSafeStartup({ NODE_ENV: nodeEnv, SKIP_REQUEST_VERIFICATION: '1' })).toMatchObject({ production: false, skipRequestVerification: true });
  });

  it('verifies by default outside production too', () => {
    expect(assertSafeStartup({}).skipRequestVerification).toBe(false);
  });

  it('turns the simulator off in production unless ENABLE_SIMULATOR=1, and keeps it on loopback', () => {
    expect(assertSafeStartup({ NODE_ENV: 'production' }).simulator).toEqual({ enabled: false, host: '127.0.0.1' });
    expect(assertSafeStartup({ NODE_ENV: 'production', ENABLE_SIMULATOR: 'true' }).simulator.enabled).toBe(false);
    expect(assertSafeStartup({ NODE_ENV: 'production', ENABLE_SIMULATOR: '1' }).simulator).toEqual({ enabled: true, host: '127.0.0.1' });
    expect(assertSafeStartup({}).simulator).toEqual({ enabled: true, host: '127.0.0.1' });
  });

  it('refuses to open the simulator to other machines in production', () => {
    expect(() => assertSafeStartup({ NODE_ENV: 'production', ENABLE_SIMULATOR: '1', SIMULATOR_ALLOW_REMOTE: '1' })).toThrow(/SIMULATOR_ALLOW_REMOTE/);
    expect(assertSafeStartup({ SIMULATOR_ALLOW_REMOTE: '1' }).simulator.enabled).toBe(true);
  });
});
