/**
 * The checks on the request body itself: a timestamp close to now (so a captured request cannot
 * be replayed later) and a skill id that is ours (so another skill's traffic is not served).
 */
import { AlexaVerificationError } from './alexa-verification-error';

/** Amazon's tolerance for ordinary requests, either way. */
export const TIMESTAMP_TOLERANCE_MS = 150_000;
/** Skill events (enablement, permission changes) may be delivered up to an hour late. */
export const SKILL_EVENT_TOLERANCE_MS = 3_600_000;

function field(value: unknown, ...path: string[]): unknown {
  return path.reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), value);
}

/** Parses the signed body; the JSON must be an object to carry a timestamp at all. */
export function parseBody(rawBody: Buffer): unknown {
  try {
    return JSON.parse(rawBody.toString('utf8'));
  } catch (error) {
    throw new AlexaVerificationError('body', 'the body is not JSON', { cause: error });
  }
}

/** Throws unless `request.timestamp` is within the tolerance of `now`, before or after. */
export function checkTimestamp(body: unknown, now: Date): void {
  const stamp = field(body, 'request', 'timestamp');
  const type = field(body, 'request', 'type');
  const at = typeof stamp === 'string' ? Date.parse(stamp) : NaN;
  if (Number.isNaN(at)) throw new AlexaVerificationError('timestamp', `request.timestamp ${JSON.stringify(stamp)} is not a date`);
  const tolerance = typeof type === 'string' && type.startsWith('AlexaSkillEvent.') ? SKILL_EVENT_TOLERANCE_MS : TIMESTAMP_TOLERANCE_MS;
  const skew = at - now.getTime();
  if (Math.abs(skew) > tolerance) {
    throw new AlexaVerificationError('timestamp', `request.timestamp ${stamp as string} is ${skew / 1000} s from now (${now.toISOString()}); allowed ±${tolerance / 1000} s`);
  }
}

/**
 * Throws unless the application id is one of ours. Both places Alexa puts it are checked when
 * present, so a body cannot name our skill in one and another skill in the other.
 */
export function checkSkillId(body: unknown, skillIds: readonly string[]): string {
  const ids = [field(body, 'context', 'System', 'application', 'applicationId'), field(body, 'session', 'application', 'applicationId')]
    .filter((id) => id !== undefined);
  if (ids.length === 0) throw new AlexaVerificationError('skill-id', 'the request names no skill id');
  const foreign = ids.find((id) => typeof id !== 'string' || !skillIds.includes(id));
  if (foreign !== undefined) {
    throw new AlexaVerificationError('skill-id', skillIds.length === 0
      ? 'no Alexa skill id is configured (security.alexa.skillIds), so every request is refused'
      : `skill id ${JSON.stringify(foreign)} is not one of ours`);
  }
  return ids[0] as string;
}
