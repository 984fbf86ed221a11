/**
 * The demo council's Open311 data (data/open311-services.json, data/open311-requests.json),
 * checked once at start-up so a typo by whoever edits them fails loudly, naming the key.
 */
import { z } from 'zod';
import requestsFile from './data/open311-requests.json';
import servicesFile from './data/open311-services.json';

const attributeSchema = z.object({
  variable: z.boolean().default(true),
  code: z.string().regex(/^[a-z0-9_]+$/i),
  datatype: z.enum(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']),
  required: z.boolean(),
  datatype_description: z.string().optional(),
  order: z.number().int(),
  description: z.string().min(1),
  values: z.array(z.object({ key: z.string().min(1), name: z.string().min(1) })).optional(),
  /** As mySociety's open311-adapter marks them: never asked of the resident. */
  automated: z.enum(['server_set', 'hidden_field']).optional(),
});

const serviceSchema = z.object({
  service_code: z.string().min(1),
  service_name: z.string().min(1),
  description: z.string().optional(),
  type: z.enum(['realtime', 'batch', 'blackbox']),
  keywords: z.string().default(''),
  group: z.string().optional(),
  /** Working days from a new report to its expected date. */
  expectedWorkingDays: z.number().int().min(0).default(5),
  attributes: z.array(attributeSchema).default([]),
});

const requestSchema = z.object({
  service_request_id: z.string().min(1),
  service_code: z.string().min(1),
  status: z.enum(['open', 'closed']),
  status_notes: z.string().optional(),
  description: z.string().optional(),
  address: z.string().optional(),
  address_id: z.string().optional(),
  lat: z.number().optional(),
  long: z.number().optional(),
  requested_datetime: z.iso.datetime({ offset: true }),
  updated_datetime: z.iso.datetime({ offset: true }).optional(),
  expected_datetime: z.iso.datetime({ offset: true }).optional(),
});

export type DemoService = z.infer<typeof serviceSchema>;
export type DemoRequest = z.infer<typeof requestSchema>;

export interface Open311Data {
  jurisdictionId: string;
  apiKey: string;
  tokenDelayMs: number;
  services: DemoService[];
  requests: DemoRequest[];
  nextId: number;
}

/** Reads and checks the demo Open311 data; throws naming the bad key when a file is wrong. */
export function loadOpen311Data(): Open311Data {
  const services = z.object({
    jurisdictionId: z.string().min(1),
    apiKey: z.string().min(1),
    tokenDelaySeconds: z.number().min(0),
    services: z.array(serviceSchema).min(1),
  }).parse(servicesFile);
  const requests = z.object({ nextId: z.number().int().positive(), requests: z.array(requestSchema) }).parse(requestsFile);
  const codes = new Set(services.services.map((s) => s.service_code));
  for (const request of requests.requests) {
    if (!codes.has(request.service_code)) throw new Error(`request ${request.service_request_id} names unknown service ${request.service_code}`);
  }
  return {
    jurisdictionId: services.jurisdictionId,
    apiKey: services.apiKey,
    tokenDelayMs: services.tokenDelaySeconds * 1000,
    services: services.services,
    requests: requests.requests,
    nextId: requests.nextId,
  };
}
