/**
 * The HTTP face of the skill: Express 5 with the voice routes, the health check, and the places
 * where the Google routes and the simulator are mounted.
 */
import express, { type Express, type RequestHandler } from 'express';
import type { AlexaRequestVerifier } from '../adapters/alexa';
import { createCxHandler, createDialogflowRoute, createEsHandler } from '../adapters/google';
import {
  alexaVerificationFromConfig, cxCallerFromConfig, dialogflowCallerCheck, esCallerFromConfig, requireAlexaSignature,
  type RequireAlexaSignatureOptions,
} from '../security';
import { createSimulator } from '../simulator/create-simulator';
import { createAlexaEndpoint } from './alexa-endpoint';
import type { Composition } from './composition';
import { handleErrors, notFound } from './http-errors';

/** Alexa's own limit on a request body. */
export const MAX_BODY = '256kb';

export interface AppOptions {
  /** Accept unsigned Alexa and unauthenticated Dialogflow requests (SKIP_REQUEST_VERIFICATION=1), for local testing only. */
  skipRequestVerification?: boolean;
  /** A verifier run by the endpoint instead of the signature middleware (src/security), e.g. in tests. */
  verifyAlexa?: AlexaRequestVerifier;
  /** Overrides for the Alexa signature check (tests pin the clock and trust their own CA). */
  alexaVerification?: Partial<RequireAlexaSignatureOptions>;
  /** Mount the staff simulator; assertSafeStartup turns it off in production. Default true. */
  simulator?: boolean;
}

/** 415 before reading a byte of a body that is not JSON. */
const requireJson: RequestHandler = (req, res, next) => {
  if (req.is('application/json')) return next();
  res.status(415).json({ error: 'Send the request as application/json.' });
};

function alexaRoute(composition: Composition, options: AppOptions): RequestHandler[] {
  const verify = options.skipRequestVerification ? undefined : options.verifyAlexa;
  const answer = createAlexaEndpoint(composition.alexa, { verify, logger: composition.logger });
  // The raw bytes are kept: Amazon's signature covers them exactly as sent.
  const readBody = express.raw({ type: () => true, limit: MAX_BODY });
  const respond: RequestHandler = async (req, res) => {
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const { status, json } = await answer({ headers: req.headers, body });
    res.status(status).json(json);
  };
  // Amazon's signature is checked on the raw bytes before the endpoint parses them (src/security).
  const checkSignature = options.skipRequestVerification || options.verifyAlexa ? [] : [requireAlexaSignature({
    ...alexaVerificationFromConfig(composition.config), logger: composition.logger, ...options.alexaVerification,
  })];
  return [requireJson, readBody, ...checkSignature, respond];
}

/** The Express app over a composition. Listening and shutting down are the entry file's job. */
export function createApp(composition: Composition, options: AppOptions = {}): Express {
  const app = express();
  app.disable('x-powered-by');

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.post('/alexa', ...alexaRoute(composition, options));
  const google = { councilWebsite: composition.config.council.website, logger: composition.logger };
  // Each Dialogflow route checks its caller as configured in security.dialogflow (src/security).
  const caller = (check: Parameters<typeof dialogflowCallerCheck>[0]) =>
    (options.skipRequestVerification ? {} : { verifyCaller: dialogflowCallerCheck({ ...check, logger: composition.logger }) });
  app.use('/dialogflow/cx', createDialogflowRoute(createCxHandler(composition.skill, google), caller(cxCallerFromConfig(composition.config))));
  app.use('/dialogflow/es', createDialogflowRoute(createEsHandler(composition.skill, google), caller(esCallerFromConfig(composition.config))));
  // The staff simulator: loopback callers only, unless SIMULATOR_ALLOW_REMOTE=1 (see create-simulator.ts).
  if (options.simulator ?? true) app.use('/simulator', createSimulator(composition));

  app.use(notFound);
  app.use(handleErrors(composition.logger));
  return app;
}
