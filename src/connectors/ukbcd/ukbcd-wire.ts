/**
 * UKBinCollectionData's API answer, as its swagger.yaml describes it: `{ "bins": [ { "type",
 * "collectionDate": "dd/mm/yyyy" } ] }` on success, `{ "code", "message" }` on error (its server
 * runs on connexion, which may answer problem JSON `{ "status", "title", "detail" }` instead).
 */
import { z } from 'zod';
import { isIsoDate } from '../../core/dates';

const binSchema = z.object({
  type: z.string(),
  collectionDate: z.string(),
});

/** A success answer. Extra keys are allowed: some scrapers add their own. */
export const binDataSchema = z.object({ bins: z.array(binSchema) });

export type UkbcdBin = z.infer<typeof binSchema>;

const errorSchema = z.union([
  z.object({ code: z.number().optional(), message: z.string() }),
  z.object({ status: z.number().optional(), title: z.string().optional(), detail: z.string() }),
]);

/** The server's own words for a failure, for the log; undefined when the body is not an error shape. */
export function readErrorMessage(text: string): string | undefined {
  try {
    const parsed = errorSchema.safeParse(JSON.parse(text));
    if (!parsed.success) return undefined;
    return 'message' in parsed.data ? parsed.data.message : parsed.data.detail;
  } catch {
    return undefined;
  }
}

const DAY_MONTH_YEAR = /^(\d{2})\/(\d{2})\/(\d{4})$/;

/** "24/05/2026" → "2026-05-24"; undefined for anything else, including 31/02/2026. */
export function parseCollectionDate(text: string): string | undefined {
  const match = DAY_MONTH_YEAR.exec(text.trim());
  if (!match) return undefined;
  const iso = `${match[3]}-${match[2]}-${match[1]}`;
  return isIsoDate(iso) ? iso : undefined;
}
