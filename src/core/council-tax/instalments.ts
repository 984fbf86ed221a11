/**
 * Council tax instalment dates for the council's financial year, from its config: monthly on
 * the instalment day, starting in the first instalment month (April by default), ten or twelve
 * of them. Dates are local calendar dates in the council's zone.
 */
import type { CouncilTaxInfo } from '../council-info';
import { ownValue } from '../own-value';

/** The calendar year the financial year starts in: "2026/27" → 2026. */
export function startYear(year: string): number {
  return Number(year.slice(0, 4));
}

/** Every instalment date of the year, `YYYY-MM-DD`, in order. */
export function instalmentDates(info: CouncilTaxInfo, count: number = info.instalments): string[] {
  const dates: string[] = [];
  for (let i = 0; i < count; i++) {
    const monthIndex = info.firstInstalmentMonth - 1 + i;
    const year = startYear(info.year) + Math.floor(monthIndex / 12);
    const month = (monthIndex % 12) + 1;
    dates.push(`${year}-${String(month).padStart(2, '0')}-${String(info.instalmentDay).padStart(2, '0')}`);
  }
  return dates;
}

/** The first instalment date on or after `today`, if the year has one left. */
export function nextInstalmentDate(dates: string[], today: string): string | undefined {
  return dates.find((date) => date >= today);
}

/** "April" */
export function monthName(date: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
}

const ORDINAL_SUFFIX: Record<string, string> = { one: 'st', two: 'nd', few: 'rd', other: 'th' };

/** "1st", "22nd": the instalment day as people say it. */
export function ordinalDay(day: number, locale: string): string {
  const rule = new Intl.PluralRules(locale, { type: 'ordinal' }).select(day);
  return `${day}${ownValue(ORDINAL_SUFFIX, rule) ?? 'th'}`;
}

/** An even monthly share of the annual charge, in pence, rounded to the penny. */
export function monthlyShare(annualPence: number, instalments: number): number {
  return Math.round(annualPence / instalments);
}
