/**
 * The tools' input and output schemas: the contract MCP clients (Gemini, other assistants) see
 * in tools/list. Names are snake_case, as MCP tools usually are; dates are ISO `YYYY-MM-DD`,
 * amounts are pounds with pence as a decimal.
 */
import { z } from 'zod';

const uprn = z.string().regex(/^\d{1,12}$/, 'a UPRN is up to 12 digits').describe('Unique Property Reference Number, from find_address');
const postcode = z.string().min(5).max(10).describe('A UK postcode, e.g. AB1 2CD');
const property = z.object({ uprn: z.string(), address: z.string(), postcode: z.string().optional() });
const pounds = z.number().describe('Pounds, pence as decimals');

export const findAddressInput = z.object({ postcode });
export const findAddressOutput = z.object({
  postcode: z.string(),
  addresses: z.array(property).describe('Every address at the postcode, as residents say them, with UPRNs'),
});

export const binCollectionsInput = z.object({
  uprn: uprn.optional(),
  postcode: postcode.optional().describe('With house, instead of uprn; or with uprn, in a service of several councils, to say whose property it is'),
  house: z.string().min(1).max(100).optional().describe('House number or name, with postcode'),
});
export const binCollectionsOutput = z.object({
  property: property.optional(),
  collections: z.array(z.object({
    date: z.string().describe('YYYY-MM-DD, local to the council'),
    bins: z.array(z.object({ id: z.string(), name: z.string(), container: z.string() })),
    usual_date: z.string().optional().describe('The usual date, when this collection has moved (e.g. a bank holiday)'),
    cancelled: z.boolean().optional().describe('true for a usual collection day that will not happen'),
  })),
  candidates: z.array(property).optional().describe('When postcode and house matched several addresses'),
});

export const chargesInput = z.object({
  band: z.enum(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']).optional().describe('Council tax band; all bands when omitted'),
});
export const chargesOutput = z.object({
  year: z.string(),
  instalments: z.number().int().describe('Monthly instalments by default'),
  charges: z.array(z.object({ band: z.string(), annual: pounds, per_instalment: pounds })),
});

const reportInputs = new Map<string, ReturnType<typeof buildReportInput>>();

/**
 * report_problem's input for these issue types. Built once per list: on Lambda a server (and its
 * tools) is made for every request, and the schema is the same each time.
 */
export function reportInput(issueTypes: [string, ...string[]]) {
  const key = issueTypes.join('\n');
  let schema = reportInputs.get(key);
  if (!schema) reportInputs.set(key, (schema = buildReportInput(issueTypes)));
  return schema;
}

function buildReportInput(issueTypes: [string, ...string[]]) {
  return z.object({
    issue_type: z.enum(issueTypes).describe('The kind of problem'),
    location: z.string().min(2).max(300).describe('Where it is, as the resident would say it: street, landmark'),
    description: z.string().min(2).max(500).describe('What the resident says is wrong'),
    uprn: uprn.optional().describe('The property where the problem is, if it is at an address'),
    postcode: postcode.optional().describe('The postcode where the problem is: in a service of several councils, it says which council the report goes to'),
    answers: z.record(z.string().max(64), z.string().max(200)).optional()
      .describe('Answers to the council\'s questions about this kind of problem, by code, as a previous call asked'),
    confirm: z.boolean().optional().describe('true only after the resident has heard the read-back and said yes'),
  });
}
export const reportOutput = z.object({
  status: z.enum(['needs-confirmation', 'needs-answer', 'sent', 'received', 'saved', 'rejected', 'not-sent']),
  reference: z.string().optional().describe('The council\'s reference, when sent'),
  report: z.object({
    issue_type: z.string(), location: z.string(), description: z.string(), uprn: z.string().optional(), answers: z.record(z.string(), z.string()),
  }).optional(),
  question: z.object({
    code: z.string(), question: z.string(), options: z.array(z.object({ key: z.string(), name: z.string() })).optional(),
  }).optional(),
  message: z.string().describe('What to tell the resident'),
});

export const reportStatusInput = z.object({ reference: z.string().min(1).max(40).describe('The reference the council gave') });
export const reportStatusOutput = z.object({
  reference: z.string(),
  found: z.boolean(),
  status: z.enum(['open', 'closed']).optional(),
  notes: z.string().optional(),
  service: z.string().optional(),
  expected_date: z.string().optional(),
  updated_date: z.string().optional(),
});

export const contactOutput = z.object({
  council: z.string(),
  phone: z.string(),
  website: z.string(),
  services: z.array(z.string()).describe('What this service can do for residents'),
});

export const balanceOutput = z.object({
  year: z.string(),
  balance: pounds.describe('Still to pay this year; negative when in credit'),
  next_instalment: z.object({ date: z.string(), amount: pounds }).optional(),
});
