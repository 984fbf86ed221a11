/**
 * `npm start`: the skill server, and (with no COUNCIL_CONFIG) the demo council beside it.
 * Composition only: configuration is read here, everything else is built by compose().
 */
import type { AddressInfo } from 'node:net';
import { ConfigError, DEMO_DEPLOYMENT_PATH } from '../config/load-config';
import { loadDeployment } from '../config/load-deployment';
import { startDemoCouncil, type DemoCouncil } from '../demo-council/server';
import { assertSafeStartup } from '../security/startup';
import { createApp } from '../server/create-app';
import { compose } from './compose';

/** Time allowed for requests in flight to finish before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 5000;

function readPort(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`${name} must be a port number, not "${value}"`);
  return port;
}

async function main(): Promise<void> {
  const env = process.env;
  // Before anything listens: no unsigned requests and no remote simulator in production.
  const startup = assertSafeStartup(env);
  const port = readPort(env.PORT, 'PORT', 3000);
  const host = env.HOST || '127.0.0.1';

  // With no council of its own, the skill talks to the built-in demo council over real HTTP.
  let demo: DemoCouncil | undefined;
  let configEnv = env;
  if (!env.COUNCIL_CONFIG) {
    demo = await startDemoCouncil({ host: '127.0.0.1', port: readPort(env.DEMO_COUNCIL_PORT, 'DEMO_COUNCIL_PORT', 4010) });
    configEnv = { ...env, DEMO_COUNCIL_URL: demo.url, UKBCD_URL: env.UKBCD_URL ?? `${demo.url}/ukbcd` };
  }
  // A council file, or a directory of them (one service for many councils).
  const deployment = loadDeployment(env.COUNCIL_CONFIG ?? DEMO_DEPLOYMENT_PATH, configEnv);
  const composition = compose({ deployment, env, runOutboxSender: true });
  const config = composition.config;
  const skipVerification = startup.skipRequestVerification;
  const app = createApp(composition, { skipRequestVerification: skipVerification, simulator: startup.simulator.enabled });

  const server = app.listen(port, host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  const base = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  console.log(`${config.council.name} voice service on ${base}`);
  if (deployment.several) console.log(`  Councils:       ${deployment.councils.map((c) => c.config.council.name).join(', ')}`);
  for (const route of app.routes) console.log(`  Channel:        ${route.replace(' /', ` ${base}/`)}`);
  if (skipVerification) console.log('  (accepting unsigned and unauthenticated requests: SKIP_REQUEST_VERIFICATION=1)');
  if (startup.simulator.enabled) console.log(`  Simulator:      ${base}/simulator`);
  console.log(`  Health:         ${base}/healthz`);
  if (demo) console.log(`  Demo council:   ${demo.url} (set COUNCIL_CONFIG to use your own council)`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing requests in flight, then stopping`);
    setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
    server.close(() => {
      Promise.all([composition.close(), demo?.close()]).then(() => process.exit(0), () => process.exit(1));
    });
    // Idle keep-alive connections would otherwise hold close() open.
    server.closeIdleConnections();
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  // A council officer reads this: the message names the bad setting, a stack trace would not help.
  console.error(error instanceof ConfigError ? error.message : `Could not start: ${(error as Error)?.message ?? String(error)}`);
  process.exit(1);
});
