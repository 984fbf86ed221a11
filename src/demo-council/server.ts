/**
 * The demo council: a real HTTP back end with sample data that speaks the same protocols as a
 * live council, so `npm start` works with no council of your own. One router per protocol;
 * adding one is one mount line here.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type NextFunction, type Request, type Response } from 'express';
import { createAddressesRouter } from './addresses-routes';
import { createCouncilTaxRouter, type DemoIdentity } from './council-tax-routes';
import { createOpen311Router } from './open311-routes';
import type { Clock } from '../core/dates';
import { allProperties, loadSampleData, type SampleData } from './sample-data';
import { createUkbcdRouter } from './ukbcd-routes';
import { createWasteRouter } from './waste-routes';

export interface DemoCouncilOptions {
  host?: string;
  /** 0 picks a free port (tests). */
  port?: number;
  /** An identity provider whose signed tokens the council tax API also accepts (the MCP channel's residents). */
  identity?: DemoIdentity;
  /** Today for the UKBinCollectionData-shaped answers, which start from today like a scrape (tests fix it). */
  clock?: Clock;
}

export interface DemoCouncil {
  /** Base URL, e.g. `http://127.0.0.1:4010`. */
  url: string;
  close(): Promise<void>;
}

/** The demo council's express app, for mounting or for supertest. */
export function createDemoCouncilApp(data: SampleData = loadSampleData(), identity?: DemoIdentity, clock?: Clock): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use('/search/places/v1', createAddressesRouter(allProperties(data)));
  app.use('/waste', createWasteRouter(data));
  app.use('/ukbcd', createUkbcdRouter(data.valley, clock));
  app.use('/open311/v2', createOpen311Router());
  app.use('/council-tax/v1', createCouncilTaxRouter({ identity }));
  app.use((_req: Request, res: Response) => {
    res.status(404).json({ error: { statuscode: 404, message: 'Not found' } });
  });
  // Express 5 routes async errors here too; never send the stack to a caller.
  app.use((_error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    res.status(500).json({ error: { statuscode: 500, message: 'The demo council had a problem' } });
  });
  return app;
}

/** Starts the demo council and resolves once it is listening. */
export async function startDemoCouncil({ host = '127.0.0.1', port = 4010, identity, clock }: DemoCouncilOptions = {}): Promise<DemoCouncil> {
  const server = createServer(createDemoCouncilApp(loadSampleData(), identity, clock));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostname = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${hostname}:${address.port}`,
    close: () => new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      // Keep-alive connections from fetch would otherwise hold close() open.
      server.closeAllConnections();
    }),
  };
}
