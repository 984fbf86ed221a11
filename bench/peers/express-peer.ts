/**
 * The peer: the way the ASK documentation serves a skill over HTTP, Express with
 * ask-sdk-express-adapter. Verification is off, as it is on our side of the comparison.
 */
import type { Server } from 'node:http';
import { createServer } from 'node:http';
import express from 'express';
import { ExpressAdapter } from 'ask-sdk-express-adapter';
import { createFixedSentenceSkill } from './fixed-sentence-skill';

export function createExpressPeer(): Server {
  const app = express();
  const adapter = new ExpressAdapter(createFixedSentenceSkill(), false, false);
  app.post('/alexa', adapter.getRequestHandlers());
  return createServer(app);
}
