/** How every bench server says where it is: `listening <port>` on stdout, loopback only. */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export function listenOnLoopback(server: Server): void {
  server.keepAliveTimeout = 30_000;
  server.listen(0, '127.0.0.1', () => {
    process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`);
  });
  process.once('SIGTERM', () => process.exit(0));
}
