/**
 * Small readings every Dialogflow request needs: the locale, the session id, a caller's number
 * turned into a stable user id without storing the number itself.
 */
import { createHash } from 'node:crypto';

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function readString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Dialogflow sends `en-gb` (or just `en`); our locale files are named `en-GB`. */
export function normaliseLocale(languageCode: unknown): string {
  const code = readString(languageCode);
  if (!code) return 'en-GB';
  const [language = 'en', region] = code.split(/[-_]/);
  if (!region) return language.toLowerCase() === 'en' ? 'en-GB' : language.toLowerCase();
  return `${language.toLowerCase()}-${region.toUpperCase()}`;
}

/** The last segment of `projects/.../sessions/<id>`: unique per conversation. */
export function sessionIdOf(session: string): string {
  return session.slice(session.lastIndexOf('/') + 1);
}

/**
 * A telephone caller's id for the profile store. The number identifies a household well enough
 * to remember its address between calls; it is hashed so the store never holds phone numbers.
 */
export function callerUserId(callerId: string): string {
  return `tel:${createHash('sha256').update(callerId).digest('hex').slice(0, 32)}`;
}
