/**
 * The council for the "warm-cache answer" line: the demo council's real protocols, answering
 * every request after 300 ms, as a slow council server would. It counts what it is asked, so the
 * table can show the answers came from the cache and not from the council.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDemoCouncilApp } from '../../src/demo-council/server';

export interface SlowCouncil {
  url: string;
  /** Requests the council has answered so far. */
  requests(): number;
  close(): Promise<void>;
}

export async function startSlowCouncil(delayMs: number): Promise<SlowCouncil> {
  const app = createDemoCouncilApp();
  let count = 0;
  const server = createServer((req, res) => {
    count += 1;
    setTimeout(() => app(req, res), delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => count,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
