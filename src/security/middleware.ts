/**
 * Express middleware that keeps everyone but Amazon and Google out of the voice routes. Refusals
 * carry no detail (a caller probing the endpoint learns nothing); the reason goes to the log.
 */
import type { Request, RequestHandler } from 'express';
import { silentLogger, type Logger } from '../core/logger';
import { AlexaVerificationError, CertCache, verifyAlexaRequest, type AlexaVerificationOptions } from './alexa';
import { checkDialogflowCaller, DialogflowCallerError, type DialogflowCallerOptions } from './google';

/** The body Alexa refusals answer with, always the same. */
export const ALEXA_REFUSAL = { error: 'request could not be verified' } as const;
/** The body Dialogflow refusals answer with, always the same. */
export const DIALOGFLOW_REFUSAL = { error: 'caller not verified' } as const;

export interface RequireAlexaSignatureOptions extends AlexaVerificationOptions {
  logger?: Logger;
}

/**
 * Answers 400 unless the request is signed by Alexa for one of our skills. Mount it after
 * `express.raw()`: the signature covers the body bytes exactly as sent, so a parsed and
 * re-serialised body cannot be checked.
 */
export function requireAlexaSignature(options: RequireAlexaSignatureOptions): RequestHandler {
  const logger = options.logger ?? silentLogger;
  // One cache per middleware, so each app (and each test) has its own.
  const verification = { ...options, certCache: options.certCache ?? new CertCache() };
  return async (req, res, next) => {
    if (!Buffer.isBuffer(req.body)) {
      logger.error({ path: req.path }, 'requireAlexaSignature: no raw body Buffer; mount it after express.raw()');
      res.status(400).json(ALEXA_REFUSAL);
      return;
    }
    try {
      await verifyAlexaRequest(req.body, req.headers, verification);
    } catch (error) {
      const reason = error instanceof AlexaVerificationError ? error.reason : 'unexpected';
      logger.warn({ err: error, reason, path: req.path }, 'Alexa request verification failed');
      res.status(400).json(ALEXA_REFUSAL);
      return;
    }
    next();
  };
}

export type RequireDialogflowCallerOptions = DialogflowCallerOptions & { logger?: Logger };

/**
 * The check as an Express route hook (requireDialogflowCaller below builds on it):
 * undefined lets the call through, 401 refuses it.
 */
export function dialogflowCallerCheck(options: RequireDialogflowCallerOptions): (req: Request) => Promise<number | undefined> {
  const logger = options.logger ?? silentLogger;
  return async (req) => {
    try {
      await checkDialogflowCaller(req.headers, options);
      return undefined;
    } catch (error) {
      const reason = error instanceof DialogflowCallerError ? error.reason : 'unexpected';
      logger.warn({ err: error, reason, platform: options.platform, path: req.path }, 'Dialogflow caller verification failed');
      return 401;
    }
  };
}

/** Answers 401 unless the caller is the council's Dialogflow agent (CX or ES, as configured). */
export function requireDialogflowCaller(options: RequireDialogflowCallerOptions): RequestHandler {
  const check = dialogflowCallerCheck(options);
  return async (req, res, next) => {
    const refusal = await check(req);
    if (refusal !== undefined) {
      res.status(refusal).json(DIALOGFLOW_REFUSAL);
      return;
    }
    next();
  };
}
