/**
 * How every bench server says where it is: its port over the IPC channel the bench opened, so
 * stdout stays free for the server's own logs (which go where production's would: nowhere slow).
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export function listenOnLoopback(server: Server): void {
  server.keepAliveTimeout = 30_000;
  server.listen(0, '127.0.0.1', () => {
    process.send?.({ port: (server.address() as AddressInfo).port });
  });
  // The bench asks how much CPU the server has used, to price each request independently of
  // how busy the shared machine is.
  process.on('message', (message) => {
    if (message !== 'cpu') return;
    const { user, system } = process.cpuUsage();
    process.send?.({ cpuMs: (user + system) / 1000, userMs: user / 1000, systemMs: system / 1000 });
  });
  process.once('SIGTERM', () => process.exit(0));
  process.once('disconnect', () => process.exit(0));
}
