/**
 * Simulated conversations, kept per session id until the skill (or staff) ends them. Each holds
 * what the platform itself would hold between turns, so the next request is built the same way.
 */
import { randomUUID } from 'node:crypto';
import type { Awaiting, SimulatedDevice } from './platform-bridge';

export interface SimulatedSession {
  id: string;
  platform: string;
  userId: string;
  /** The platform's carried state (session attributes, parameters, contexts). */
  carry: unknown;
  awaiting?: Awaiting;
  turns: number;
  /** Token the skill presents to the simulated platform APIs (device address, reminders). */
  apiAccessToken: string;
  device: SimulatedDevice;
  /** What the skill said while it worked this turn (Alexa progressive responses), as text. */
  progress: string[];
  lastUsed: number;
}

/** Staff rarely run more than a handful at once; the oldest are forgotten beyond this. */
const MAX_SESSIONS = 500;

export class SessionStore {
  private readonly sessions = new Map<string, SimulatedSession>();

  /** The session to continue, or a new one when there is none or the platform changed. */
  open(id: string, platform: string, userId: string, device: SimulatedDevice): { session: SimulatedSession; isNew: boolean } {
    const found = this.sessions.get(id);
    if (found && found.platform === platform && found.userId === userId) {
      found.device = device;
      found.lastUsed = Date.now();
      // Re-inserted so the Map's order is least recently used first.
      this.sessions.delete(id);
      this.sessions.set(id, found);
      return { session: found, isNew: false };
    }
    const session: SimulatedSession = {
      id, platform, userId, carry: undefined, turns: 0, apiAccessToken: `sim-${randomUUID()}`, device, progress: [], lastUsed: Date.now(),
    };
    this.sessions.set(id, session);
    while (this.sessions.size > MAX_SESSIONS) {
      const oldest = this.sessions.keys().next().value;
      if (oldest === undefined) break;
      this.sessions.delete(oldest);
    }
    return { session, isNew: true };
  }

  end(id: string): void {
    this.sessions.delete(id);
  }

  /** The session whose platform API token this is. */
  byApiToken(token: string): SimulatedSession | undefined {
    for (const session of this.sessions.values()) if (session.apiAccessToken === token) return session;
    return undefined;
  }
}
