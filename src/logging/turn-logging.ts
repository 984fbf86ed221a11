/**
 * One log line per turn: enough to see what residents ask, what failed and how long it took,
 * and nothing they said. Slot values, speech and user ids never reach it; the resident appears
 * at most as a salted hash, so one resident's turns can be followed without knowing who they are.
 */
import { createHmac } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Logger } from '../core/logger';
import type { Reply } from '../core/reply';
import type { Skill } from '../core/skill';
import type { Turn } from '../core/turn';

export type TurnOutcome = 'answered' | 'apology' | 'silent' | 'error';

/** The fields of the per-turn line; the test and log queries rely on these names. */
export interface TurnLogLine {
  requestId: string;
  platform: string;
  kind: Turn['kind'];
  intent?: string;
  outcome: TurnOutcome;
  endSession?: boolean;
  durationMs: number;
  /** Salted hash of the user id, only when a salt is configured. */
  userHash?: string;
}

export interface TurnLoggingOptions {
  /** Secret salt for the user hash (LOG_USER_SALT); without one, the resident is not logged at all. */
  userSalt?: string;
}

// Names are ours or the platform's; anything else is a caller's invention and stays out of the log.
const INTENT_NAME = /^[\w .:-]{1,100}$/;

function outcomeOf(reply: Reply): TurnOutcome {
  if (reply.failed) return 'apology';
  if (reply.silent) return 'silent';
  return 'answered';
}

function hashUser(userId: string, salt: string | undefined): string | undefined {
  if (!salt || !userId) return undefined;
  return createHmac('sha256', salt).update(userId).digest('base64url').slice(0, 16);
}

/**
 * `skill`, logging one line per turn to `logger` under `platform` (alexa, dialogflow-cx, ...).
 * Apologies log at warn, so failures can be alerted on without reading every answer.
 */
export function withTurnLogging(skill: Skill, logger: Logger, platform: string, options: TurnLoggingOptions = {}): Skill {
  const userSalt = options.userSalt ?? process.env.LOG_USER_SALT;
  return {
    intents: skill.intents,
    async handle(turn: Turn): Promise<Reply> {
      const started = performance.now();
      const line = (outcome: TurnOutcome, reply?: Reply): TurnLogLine => ({
        requestId: turn.requestId.slice(0, 200),
        platform,
        kind: turn.kind,
        intent: turn.intent === undefined ? undefined : INTENT_NAME.test(turn.intent) ? turn.intent : '(unrecognised)',
        outcome,
        endSession: reply?.endSession,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
        userHash: hashUser(turn.userId, userSalt),
      });
      let reply: Reply;
      try {
        reply = await skill.handle(turn);
      } catch (error) {
        logger.error({ ...line('error'), err: error }, 'turn');
        throw error;
      }
      const outcome = outcomeOf(reply);
      if (outcome === 'apology') logger.warn(line(outcome, reply), 'turn');
      else logger.info(line(outcome, reply), 'turn');
      return reply;
    },
  };
}
