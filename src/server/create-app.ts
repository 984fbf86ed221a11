/**
 * The HTTP face of the skill. The channels' routes (src/channels/index.ts) are served on plain
 * node:http (voice-routes.ts), because residents wait on them and Express's
 * routing and body parsing would cost several times the work; Express 5 serves the rest: the
 * health check, the staff simulator, and the JSON 404 and error answers.
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import express, { type Express } from 'express';
import { createSimulator } from '../simulator/create-simulator';
import type { Composition } from './composition';
import { handleErrors, notFound } from './http-errors';
import { createChannelRoutes, createVoiceListener, type VoiceRoutesOptions } from './voice-routes';

export interface AppOptions extends VoiceRoutesOptions {
  /** Mount the staff simulator; assertSafeStartup turns it off in production. Default true. */
  simulator?: boolean;
}

/**
 * The whole app as one node:http request listener (for `http.createServer`, or supertest), with
 * `listen` as Express has it. Listening and shutting down are the entry file's job.
 */
export type HttpApp = RequestListener & {
  listen(port: number, host: string, callback?: () => void): Server;
  /** What the channels serve, as `POST /alexa`, for the start-up banner. */
  routes: string[];
};

/** Everything but the voice routes, on Express. */
function createRestApp(composition: Composition, options: AppOptions): Express {
  const app = express();
  app.disable('x-powered-by');

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  // The staff simulator: loopback callers only, unless SIMULATOR_ALLOW_REMOTE=1 (see create-simulator.ts).
  if (options.simulator ?? true) app.use('/simulator', createSimulator(composition, { channels: options.channels }));

  app.use(notFound);
  app.use(handleErrors(composition.logger));
  return app;
}

/** The app over a composition: the voice routes first, Express for everything else. */
export function createApp(composition: Composition, options: AppOptions = {}): HttpApp {
  const rest = createRestApp(composition, options);
  const routes = createChannelRoutes(composition, options);
  const listener = createVoiceListener(routes, rest, composition.logger);
  return Object.assign(listener, {
    routes: routes.map((route) => `${route.kind === 'voice' ? 'POST' : route.methods.join('|')} ${route.path}`),
    listen: (port: number, host: string, callback?: () => void) => createServer(listener).listen(port, host, callback),
  });
}
