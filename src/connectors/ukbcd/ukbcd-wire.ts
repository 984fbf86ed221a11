/**
 * UKBinCollectionData's API answer, as its swagger.yaml describes it: `{ "bins": [ { "type",
 * "collectionDate": "dd/mm/yyyy" } ] }` on success (some scrapers write `bin_type`), `{ "code", "message" }` on error (its server
 * runs on connexion, which may answer problem JSON `{ "status", "title", "detail" }` instead).
 */
import { z } from 'zod';
import { isIsoDate } from '../../core/dates';
import { lazySchema } from '../lazy-schema';

/**
 * One bin. Merton's scraper writes `bin_type` where the API promises `type`: read either, so a
 * real council's answer is not refused over a key name. A bin with neither is not a bin.
 */
const binSchema = lazySchema(() => z.object({
  type: z.string().optional(),
  bin_type: z.string().optional(),
  collectionDate: z.string(),
}).transform(({ type, bin_type: binType, collectionDate }, ctx) => {
  const name = type ?? binType;
  if (name === undefined) {
    ctx.addIssue({ code: 'custom', message: 'a bin with no type' });
    return z.NEVER;
  }
  return { type: name, collectionDate };
}));

/** A success answer. Extra keys are allowed: some scrapers add their own. */
export const binDataSchema = lazySchema(() => z.object({ bins: z.array(binSchema()) }));

export type UkbcdBin = z.output<ReturnType<typeof binSchema>>;

const errorSchema = lazySchema(() => z.union([
  z.object({ code: z.number().optional(), message: z.string() }),
  z.object({ status: z.number().optional(), title: z.string().optional(), detail: z.string() }),
]));

/** The server's own words for a failure, for the log; undefined when the body is not an error shape. */
export function readErrorMessage(text: string): string | undefined {
  try {
    const parsed = errorSchema().safeParse(JSON.parse(text));
    if (!parsed.success) return undefined;
    return 'message' in parsed.data ? parsed.data.message : parsed.data.detail;
  } catch {
    return undefined;
  }
}

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
