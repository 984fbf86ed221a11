/**
 * The start-up rules that keep the callers' checks on in production. The checks themselves live
 * in each channel (src/channels/<name>/).
 */
export { assertSafeStartup, UnsafeStartupError, type StartupSecurity } from './startup';
