/**
 * UKBinCollectionData's answers checked with zod (see ukbcd-wire.ts for their shape); loaded on
 * the first scrape, not at start-up.
 */
import { z } from 'zod';

/**
 * One bin. Merton's scraper writes `bin_type` where the API promises `type`: read either, so a
 * real council's answer is not refused over a key name. A bin with neither is not a bin.
 */
const binSchema = z.object({
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
});

/** A success answer. Extra keys are allowed: some scrapers add their own. */
export const binDataSchema = z.object({ bins: z.array(binSchema) });

export type UkbcdBin = z.output<typeof binSchema>;

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
