/**
 * Express routes for the two Dialogflow webhooks. Each is a small router mounted at its path:
 * `app.use('/dialogflow/cx', createDialogflowRoute(cxHandler))`. It parses JSON itself, so a
 * malformed body is a 400 here whatever the app in front does, and the process stays up.
 */
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { WebhookHandler } from './webhook';

/**
 * Decides whether the caller is the council's Dialogflow agent. Returns undefined to let the call
 * through, or the status to refuse it with. Issue 6 supplies the real checks (CX: Google-signed
 * ID token and/or shared secret header; ES: configured header or basic auth).
 */
export type CallerCheck = (req: Request) => Promise<number | undefined> | number | undefined;

export interface DialogflowRouteOptions {
  /** The one place caller verification plugs in; without it every caller is accepted. */
  verifyCaller?: CallerCheck;
  /** Largest body accepted; Dialogflow's requests are a few kilobytes. */
  limit?: string;
}

/** The status for a body-parser failure: 400 for bad JSON, 413 for too large; undefined for other errors. */
function bodyErrorStatus(error: unknown): number | undefined {
  const type = typeof error === 'object' && error !== null && 'type' in error ? (error as { type: unknown }).type : undefined;
  if (type === 'entity.too.large') return 413;
  if (type === 'entity.parse.failed' || type === 'encoding.unsupported' || type === 'charset.unsupported') return 400;
  return undefined;
}

export function createDialogflowRoute(handler: WebhookHandler, options: DialogflowRouteOptions = {}): Router {
  const router = express.Router();
  router.post('/', express.json({ limit: options.limit ?? '256kb' }), async (req: Request, res: Response, next: NextFunction) => {
    try {
      const refusal = options.verifyCaller ? await options.verifyCaller(req) : undefined;
      if (refusal !== undefined) {
        res.status(refusal).json({ error: 'caller not verified' });
        return;
      }
      const result = await handler(req.body, req.headers);
      res.status(result.status).json(result.body);
    } catch (error) {
      next(error);
    }
  });
  // Body-parser errors (bad JSON, too large) are the caller's, and never reach the app's 500 handler.
  router.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    const status = bodyErrorStatus(error);
    if (status === undefined) {
      next(error);
      return;
    }
    res.status(status).json({ error: status === 413 ? 'the body is too large' : 'the body is not valid JSON' });
  });
  return router;
}
