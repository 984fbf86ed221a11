/**
 * Dates as people say them in Britain: "today", "tomorrow", "this Friday", "on Tuesday 1 December".
 */
import { daysBetween, longDate, weekdayName } from '../dates';
import type { Translator } from '../i18n';

/** Days left in `today`'s week after today, counting Monday as the first day. */
function daysLeftInWeek(today: string): number {
  const weekday = (new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7;
  return 6 - weekday;
}

/**
 * How to say `date` relative to `today`, including its preposition. "This Friday" only within
 * the same week, since "this Tuesday" said on a Thursday could mean either Tuesday.
 */
export function sayWhen(date: string, today: string, t: Translator): string {
  const days = daysBetween(today, date);
  if (days === 0) return t.text('dates:today');
  if (days === 1) return t.text('dates:tomorrow');
  if (days > 1 && days <= daysLeftInWeek(today)) return t.text('dates:thisWeek', { weekday: weekdayName(date, t.locale) });
  return t.text('dates:onDate', { date: longDate(date, t.locale) });
}
