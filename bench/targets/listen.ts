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
  process.once('SIGTERM', () => process.exit(0));
  process.once('disconnect', () => process.exit(0));
}
