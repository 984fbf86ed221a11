/**
 * Small builders for the two shapes every handler returns: a question that keeps the session
 * open (always with a reprompt), and a last word that ends it.
 */
import type { Translator } from './i18n';
import type { Reply } from './reply';
import type { SessionState } from './session';
import { joinSpeech, type Speech } from './speech';

/** Speaks and waits for the resident; the reprompt says the question again more simply. */
export function ask(speech: Speech, reprompt: Speech, more: Partial<Reply> = {}): Reply {
  return { speech, reprompt, endSession: false, ...more };
}

/**
 * An answer that finishes what the resident asked: the answer (and any extra line), then "Is
 * there anything else I can help with?", with the session kept open on `session`.
 */
export function answerThenOfferMore(t: Translator, speech: Speech, session: SessionState, more: Partial<Reply> = {}, extra?: Speech): Reply {
  return ask(joinSpeech(speech, extra, t.speak('common:anythingElse')), t.speak('common:anythingElseReprompt'), { session, ...more });
}

/** Speaks and ends the session; asks nothing. */
export function tell(speech: Speech, more: Partial<Reply> = {}): Reply {
  return { speech, endSession: true, ...more };
}

const listFormats = new Map<string, Intl.ListFormat>();
/** A council has a handful of bins, so the same few lists are said over and over. */
const spokenLists = new Map<string, string>();
const MAX_REMEMBERED_LISTS = 500;

/** Built once per locale: building a formatter costs far more than using one. */
function listFormatFor(locale: string): Intl.ListFormat {
  let format = listFormats.get(locale);
  if (!format) {
    format = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
    listFormats.set(locale, format);
  }
  return format;
}

/**
 * "a, b and c", as Intl.ListFormat says it in British English, without it: its first use loads
 * ICU's locale data, about 20 ms of a cold start (see core/london-time.ts). test/core/list-of.test.ts
 * checks it against Intl.
 */
function englishList(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

/** "a, b and c" in the locale's own style. */
export function listOf(items: string[], locale: string): string {
  const key = `${locale}\u0000${items.join('\u0000')}`;
  const remembered = spokenLists.get(key);
  if (remembered !== undefined) return remembered;
  const spoken = locale === 'en-GB' ? englishList(items) : listFormatFor(locale).format(items);
  if (spokenLists.size >= MAX_REMEMBERED_LISTS) spokenLists.clear();
  spokenLists.set(key, spoken);
  return spoken;
}
