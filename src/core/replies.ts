/**
 * Small builders for the two shapes every handler returns: a question that keeps the session
 * open (always with a reprompt), and a last word that ends it.
 */
import type { Reply } from './reply';
import type { Speech } from './speech';

/** Speaks and waits for the resident; the reprompt says the question again more simply. */
export function ask(speech: Speech, reprompt: Speech, more: Partial<Reply> = {}): Reply {
  return { speech, reprompt, endSession: false, ...more };
}

/** Speaks and ends the session; asks nothing. */
export function tell(speech: Speech, more: Partial<Reply> = {}): Reply {
  return { speech, endSession: true, ...more };
}

const listFormats = new Map<string, Intl.ListFormat>();

/** "a, b and c" in the locale's own style. */
export function listOf(items: string[], locale: string): string {
  // Built once per locale: building a formatter costs far more than using one.
  let format = listFormats.get(locale);
  if (!format) {
    format = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
    listFormats.set(locale, format);
  }
  return format.format(items);
}
