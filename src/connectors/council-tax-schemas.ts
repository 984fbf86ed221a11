/**
 * The council-tax account API's answers, as council-tax-api.ts reads them; loaded on the first
 * call, not at start-up. Amounts are pounds as decimals, as revenues systems print them.
 */
import { z } from 'zod';
import { textOrNumber } from './wire-text';

const pounds = z.union([z.number(), z.string().regex(/^-?\d+(\.\d{1,2})?$/)]).transform((v) => Math.round(Number(v) * 100));
const band = z.string().trim().toUpperCase().regex(/^[A-I]$/);

export const accountSchema = z.object({
  account_reference: textOrNumber,
  band: band.nullish(),
  balance: pounds,
  next_instalment: z.object({ due_date: z.string().regex(/^\d{4}-\d{2}-\d{2}/), amount: pounds }).nullish(),
});

export const bandSchema = z.object({ band: band.nullish() });
