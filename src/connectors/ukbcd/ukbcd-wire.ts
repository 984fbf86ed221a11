/**
 * UKBinCollectionData's API answer, as its swagger.yaml describes it: `{ "bins": [ { "type",
 * "collectionDate": "dd/mm/yyyy" } ] }` on success (some scrapers write `bin_type`), `{ "code", "message" }` on error (its server
 * runs on connexion, which may answer problem JSON `{ "status", "title", "detail" }` instead).
 * Their zod schemas are in ukbcd-schemas.ts, loaded on the first scrape.
 */
import { isIsoDate } from '../../core/dates';

const DAY_MONTH_YEAR = /^(\d{2})\/(\d{2})\/(\d{4})$/;

/**
 * Scrapers that ignore the documented format write the day as the council's page shows it:
 * "Tuesday - 11 Jul 2023" (Hounslow), "Monday 24 July 2023", "Tue 1st August 2023". The weekday,
 * if any, is dropped (the date decides it); the month is an English name or its first three letters.
 */
const DAY_MONTH_NAME_YEAR = /^(?:[a-z]+[\s,-]+)?(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\s+(\d{4})$/i;
const MONTHS = new Map(
  ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']
    .flatMap((name, index) => {
      const number = String(index + 1).padStart(2, '0');
      return [[name, number], [name.slice(0, 3), number], ...(name === 'september' ? [['sept', number]] : [])] as [string, string][];
    }),
);

/**
 * "24/05/2026" (the documented format), or a day with a month name ("Tuesday - 11 Jul 2023")
 * → "2026-05-24"; undefined for anything else, including 31/02/2026.
 */
export function parseCollectionDate(text: string): string | undefined {
  const trimmed = text.trim();
  const numeric = DAY_MONTH_YEAR.exec(trimmed);
  if (numeric) return checked(`${numeric[3]}-${numeric[2]}-${numeric[1]}`);
  const named = DAY_MONTH_NAME_YEAR.exec(trimmed);
  const month = named && MONTHS.get((named[2] ?? '').toLowerCase());
  if (!named || !month) return undefined;
  return checked(`${named[3]}-${month}-${(named[1] ?? '').padStart(2, '0')}`);
}

function checked(iso: string): string | undefined {
  return isIsoDate(iso) ? iso : undefined;
}
