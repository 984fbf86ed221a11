/**
 * Pieces of the response schemas every connector needs. Council systems send identifiers (UPRNs,
 * references, service codes) as strings one release and numbers the next; reading either keeps a
 * change on their side from becoming an outage. Imported only by the schema modules that are
 * loaded on first use, so zod still stays out of the cold start.
 */
import { z } from 'zod';

/** An identifier sent as a string or a number, read as a string. */
export const textOrNumber = z.union([z.string(), z.number()]).transform(String);
