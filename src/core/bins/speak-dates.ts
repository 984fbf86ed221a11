/**
 * Dates as people say them in Britain: "today", "tomorrow", "this Friday", "on Tuesday 1 December".
 */
import { daysBetween, longDate, weekdayName } from '../dates';
import type { Translator } from '../i18n';

/** How to say `date` relative to `today`, including its preposition ("on Tuesday 1 December"). */
export function sayWhen(date: string, today: string, t: Translator): string {
  const days = daysBetween(today, date);
  if (days === 0) return t.text('dates:today');
  if (days === 1) return t.text('dates:tomorrow');
  if (days > 1 && days < 7) return t.text('dates:thisWeek', { weekday: weekdayName(date, t.locale) });
  return t.text('dates:onDate', { date: longDate(date, t.locale) });
}
