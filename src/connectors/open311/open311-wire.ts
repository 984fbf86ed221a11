/**
 * Open311 GeoReport v2 as it travels: services, service definitions, created requests, request
 * status and errors, in the JSON format's shape (XML answers are turned into it first, see
 * open311-xml.ts). Parsed leniently, because real servers differ in the small things (numbers as
 * strings, "true" as a string, keywords as a list, empty elements for absent values).
 */
import { z } from 'zod';
import { textOrNumber as text } from '../wire-text';

const flag = (fallback: boolean) => z.preprocess((v) => (v === undefined || v === null ? fallback : v === true || v === 'true'), z.boolean());

export const serviceSchema = z.object({
  service_code: text,
  service_name: z.string().nullish().transform((v) => v ?? ''),
  description: z.string().nullish(),
  /** True when the service has attributes: read services/{code}.json. */
  metadata: flag(false),
  /** realtime answers an id; batch and blackbox may answer a token. */
  type: z.string().nullish(),
  keywords: z.union([z.string(), z.array(z.string())]).nullish()
    .transform((v) => (Array.isArray(v) ? v : (v ?? '').split(',')).map((k) => k.trim()).filter(Boolean)),
  group: z.string().nullish(),
});
export type Open311Service = z.infer<typeof serviceSchema>;
export const servicesSchema = z.array(serviceSchema);

export const attributeSchema = z.object({
  /** False for informational attributes that take no answer. */
  variable: flag(true),
  code: text,
  datatype: z.string().nullish().transform((v) => v ?? 'string'),
  required: flag(false),
  datatype_description: z.string().nullish(),
  order: z.coerce.number().nullish(),
  description: z.string().nullish().transform((v) => v ?? ''),
  values: z.array(z.object({ key: text, name: text })).nullish(),
  /**
   * mySociety's open311-adapter: `server_set` values are the sending system's to fill in and
   * `hidden_field` ones come from the page (an asset picked on a map), so residents are never
   * asked either. Absent on plain GeoReport v2 servers.
   */
  automated: z.string().nullish().transform((v) => (v === 'server_set' || v === 'hidden_field' ? v : undefined)),
});
export type Open311Attribute = z.infer<typeof attributeSchema>;

export const definitionSchema = z.object({
  service_code: text.optional(),
  attributes: z.array(attributeSchema).nullish().transform((v) => v ?? []),
});
export type Open311Definition = z.infer<typeof definitionSchema>;

const createdSchema = z.object({
  service_request_id: text.nullish(),
  token: text.nullish(),
  service_notice: z.string().nullish(),
  account_id: text.nullish(),
});
/** POST requests.json answers a one-element list; some servers answer the object alone. */
export const createdListSchema = z.union([z.array(createdSchema), createdSchema.transform((one) => [one])]);

export const tokenListSchema = z.array(z.object({ service_request_id: text.nullish(), token: text.nullish() }));

export const requestSchema = z.object({
  service_request_id: text,
  status: z.string().nullish(),
  status_notes: z.string().nullish(),
  service_name: z.string().nullish(),
  service_code: text.nullish(),
  description: z.string().nullish(),
  requested_datetime: z.string().nullish(),
  updated_datetime: z.string().nullish(),
  expected_datetime: z.string().nullish(),
  address: z.string().nullish(),
});
export type Open311Request = z.infer<typeof requestSchema>;
export const requestListSchema = z.array(requestSchema);

/** Errors: `[{code, description}]` with a 4xx status. */
export const errorListSchema = z.array(z.object({ code: text.nullish(), description: z.string().nullish() })).min(1);
