/**
 * OS Places' postcode answer, as the address finder reads it (os-places-addresses.ts); loaded on
 * the first lookup, not at start-up.
 */
import { z } from 'zod';
// OS sends numbers as strings today; either is read, so a schema tweak on their side is not an outage.
import { textOrNumber as text } from '../wire-text';

export const pageSchema = z.object({
  header: z.object({ totalresults: z.number().int().nonnegative() }),
  results: z.array(z.object({
    DPA: z.object({
      UPRN: text,
      ADDRESS: z.string(),
      ORGANISATION_NAME: z.string().optional(),
      SUB_BUILDING_NAME: z.string().optional(),
      BUILDING_NAME: z.string().optional(),
      BUILDING_NUMBER: text.optional(),
      DEPENDENT_THOROUGHFARE_NAME: z.string().optional(),
      THOROUGHFARE_NAME: z.string().optional(),
      POST_TOWN: z.string().optional(),
      POSTCODE: z.string(),
      LANGUAGE: z.string().optional(),
      /** Which authority holds the address: decides the council in a deployment of several. */
      LOCAL_CUSTODIAN_CODE: z.union([z.number(), z.string()]).optional(),
    }).optional(),
  })).optional(),
});
