/**
 * The app's last word on anything that went wrong: a JSON `{error}` with the right status, never
 * a stack trace or an internal message.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '../core/logger';
import { ownValue } from '../core/own-value';

/** body-parser's error types, and what the caller should hear. */
const BODY_ERRORS: Record<string, { status: number; error: string }> = {
  'entity.too.large': { status: 413, error: 'The body is too large.' },
  'entity.parse.failed': { status: 400, error: 'The body is not valid JSON.' },
  'encoding.unsupported': { status: 415, error: 'The body must be UTF-8.' },
  'charset.unsupported': { status: 415, error: 'The body must be UTF-8.' },
  'request.aborted': { status: 400, error: 'The request was aborted.' },
  'request.size.invalid': { status: 400, error: 'The body length does not match Content-Length.' },
};

export const notFound: RequestHandler = (_req, res) => {
  res.status(404).json({ error: 'Not found.' });
};

export function handleErrors(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) return next(error);
    const type = (error as { type?: unknown })?.type;
    const known = typeof type === 'string' ? ownValue(BODY_ERRORS, type) : undefined;
    if (known) {
      res.status(known.status).json({ error: known.error });
      return;
    }
    const status = Number((error as { status?: unknown })?.status);
    if (status >= 400 && status < 500) {
      res.status(status).json({ error: 'Bad request.' });
      return;
    }
    logger.error({ err: error, method: req.method, path: req.path }, 'request failed');
    res.status(500).json({ error: 'Internal error.' });
  };
}
