/**
 * Alexa's own APIs as the simulator answers them, over real HTTP, so the adapter's calls are
 * exactly those it makes to Amazon: the Device Address API from the device panel's postcode,
 * the Reminders API, both honouring the panel's permissions, and the Directive service that
 * speaks a progressive response while the council's systems are slow.
 */
import { randomUUID } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import type { SessionStore, SimulatedSession } from '../../../simulator/sessions';
import { ssmlToText } from '../../../simulator/ssml-text';

/** A reminder the skill created, as the Reminders API keeps it. */
export interface SimulatedReminder {
  alertToken: string;
  createdTime: string;
  request: unknown;
}

function sessionOf(req: Request, sessions: SessionStore): SimulatedSession | undefined {
  const token = /^Bearer\s+(.+)$/i.exec(req.get('authorization') ?? '')?.[1];
  return token ? sessions.byApiToken(token) : undefined;
}

/** Reminders per simulated resident; they outlive sessions, as on a real account. */
export function createAlexaApiRoutes(sessions: SessionStore, reminders = new Map<string, SimulatedReminder[]>()): Router {
  const router = express.Router();

  function withSession(res: Response, req: Request): SimulatedSession | undefined {
    const session = sessionOf(req, sessions);
    if (!session) res.status(401).json({ code: 'UNAUTHORIZED', message: 'The authentication token is not valid.' });
    return session;
  }

  router.get('/v1/devices/:deviceId/settings/address/countryAndPostalCode', (req, res) => {
    const session = withSession(res, req);
    if (!session) return;
    if (!session.device.permissions.includes('address')) {
      res.status(403).json({ type: 'FORBIDDEN', message: 'The authentication token does not have access to resource' });
      return;
    }
    res.json({ countryCode: 'GB', postalCode: session.device.postcode ?? null });
  });

  router.post('/v1/alerts/reminders', express.json({ limit: '32kb' }), (req, res) => {
    const session = withSession(res, req);
    if (!session) return;
    if (!session.device.permissions.includes('reminders')) {
      res.status(401).json({ code: 'UNAUTHORIZED', message: 'The permission to create reminders has not been granted.' });
      return;
    }
    const reminder: SimulatedReminder = { alertToken: randomUUID(), createdTime: new Date().toISOString(), request: req.body };
    reminders.set(session.userId, [...(reminders.get(session.userId) ?? []), reminder]);
    res.status(201).json({ alertToken: reminder.alertToken, createdTime: reminder.createdTime, updatedTime: reminder.createdTime, status: 'ON', version: '1', href: `/v1/alerts/reminders/${reminder.alertToken}` });
  });

  router.post('/v1/directives', express.json({ limit: '32kb' }), (req, res) => {
    const session = withSession(res, req);
    if (!session) return;
    const speech = (req.body as { directive?: { type?: string; speech?: unknown } } | undefined)?.directive;
    if (speech?.type !== 'VoicePlayer.Speak' || typeof speech.speech !== 'string') {
      res.status(400).json({ code: 'INVALID_DIRECTIVE', message: 'Only VoicePlayer.Speak with speech is supported.' });
      return;
    }
    session.progress.push(ssmlToText(speech.speech));
    res.status(204).end();
  });

  router.get('/v1/alerts/reminders', (req, res) => {
    const session = withSession(res, req);
    if (!session) return;
    const mine = reminders.get(session.userId) ?? [];
    res.json({ totalCount: String(mine.length), alerts: mine.map((r) => ({ alertToken: r.alertToken, createdTime: r.createdTime, status: 'ON' })) });
  });

  router.delete('/v1/alerts/reminders/:alertToken', (req, res) => {
    const session = withSession(res, req);
    if (!session) return;
    const mine = reminders.get(session.userId) ?? [];
    const left = mine.filter((r) => r.alertToken !== req.params.alertToken);
    if (left.length === mine.length) {
      res.status(404).json({ code: 'NOT_FOUND', message: 'No such reminder.' });
      return;
    }
    reminders.set(session.userId, left);
    res.status(200).json({});
  });

  return router;
}
