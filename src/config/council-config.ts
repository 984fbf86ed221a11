/**
 * The council config file's shape: the one file a council edits to point the skill at its own
 * systems. Key names are a contract with councils; add keys, never rename them.
 */
import { z } from 'zod';
// The channels' own sections live with the channels; the file's shape is assembled here.
import { alexaSecuritySchema, alexaSkillSchema } from '../channels/alexa/alexa-config';
import { dialogflowSecuritySchema, dialogflowSettingsSchema } from '../channels/dialogflow-common/dialogflow-config';
import { mcpConfigSchema } from '../channels/mcp/mcp-config';

const url = z.url({ protocol: /^https?$/ });

const streamSchema = z.object({
  id: z.string().regex(/^[A-Z_]+$/, 'stream ids are upper case, e.g. RECYCLING').describe('The stream\'s id, upper case: RECYCLING, REFUSE, FOOD, GARDEN are the ones residents can name.'),
  name: z.string().min(1).describe('What the collection is called, as residents hear it: "recycling".'),
  container: z.string().min(1).describe('What it goes in, as residents hear it: "green recycling bin".'),
  colour: z.string().optional().describe('The container\'s colour, shown on screens.'),
  match: z.array(z.string().min(1)).min(1).describe('Words in an iCalendar event summary that mean this stream.'),
});

/**
 * Who may call the voice routes (issue 6). Values are usually ${ENV} references. Each channel
 * declares its own part, in its own folder.
 */
export const securitySchema = z.object({
  alexa: alexaSecuritySchema.optional(),
  dialogflow: dialogflowSecuritySchema.optional(),
});

/**
 * Which addresses are this council's, in a deployment of several: postcode areas, districts or
 * sectors (`DB`, `DB1`, `DB3 4`; the longest prefix wins), and/or the local custodian code
 * OS Places gives every address the council holds. A council deployed alone owns every address.
 */
const ownershipShape = {
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case words joined by hyphens, e.g. demo-valley').optional().describe('Short and stable (kebab-case): saved in residents\' profiles. Default: the file\'s name.'),
  postcodes: z.array(z.string().transform((prefix) => prefix.trim().toUpperCase().replace(/\s+/g, ' '))
    .pipe(z.string().regex(/^[A-Z]{1,2}(\d[A-Z\d]?( \d)?)?$/, 'a postcode area, district or sector, e.g. DB, DB1 or "DB3 4"'))).min(1).optional()
    .describe('Postcode areas, districts or sectors that are this council\'s, in a deployment of several (the longest prefix wins).'),
  custodianCode: z.number().int().positive().optional().describe('The local custodian code OS Places gives the council\'s addresses.'),
};

/** The address gazetteer; in a deployment of several councils service.yaml may hold one for all. */
export const addressesSchema = z.object({
  connector: z.literal('os-places'),
  url,
  key: z.string().default('').describe('Your OS Places API key, as a ${ENV} reference.'),
  timeoutMs: z.number().int().positive().optional().describe('How long to wait for this system, in milliseconds (2500 by default).'),
});

export const storageSchema = z.object({
  kind: z.enum(['sqlite', 'dynamodb']).default('sqlite').describe('sqlite: a file in DATA_DIR (a server); dynamodb: two tables (AWS Lambda).'),
  profilesTable: z.string().optional(),
  outboxTable: z.string().optional(),
  region: z.string().optional(),
  endpoint: url.optional(),
}).default({ kind: 'sqlite' });

const remindersSchema = z.object({
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:mm, 24-hour').default('19:00').describe('When bin reminders go off, the evening before (24-hour HH:mm).'),
  count: z.number().int().min(1).max(10).default(4).describe('How many collections ahead reminders are set for.'),
}).default({ time: '19:00', count: 4 });

/** What every bins connector shares: the streams residents hear, caching, time-outs, reminders. */
const binsCommon = {
  cacheMinutes: z.number().int().nonnegative().default(360).describe('How long collection days are kept before the council\'s system is asked again.'),
  timeoutMs: z.number().int().positive().optional().describe('How long to wait for this system, in milliseconds (2500 by default).'),
  streams: z.array(streamSchema).min(1).describe('The bins (collection streams) residents hear about.'),
  reminders: remindersSchema,
};

/** A council that publishes an iCalendar feed per property. */
const icsBinsSchema = z.object({
  connector: z.literal('ics'),
  urlTemplate: z.string().includes('{uprn}', { message: 'must contain {uprn}' }).describe('`{uprn}` is replaced by the property\'s UPRN.'),
  publicUrlTemplate: z.string().optional().describe('A link residents can subscribe to in their own calendar; defaults to urlTemplate.'),
  ...binsCommon,
});

/** A council with no feed, read through a self-hosted UKBinCollectionData API server. */
const ukbcdBinsSchema = z.object({
  connector: z.literal('ukbcd'),
  url: url.describe('The API server, e.g. http://ukbcd.internal:8080.'),
  council: z.string().regex(/^[A-Za-z0-9_]+$/, 'the module name from UKBinCollectionData\'s input.json, e.g. GedlingBoroughCouncil').describe('The council\'s module name in UKBinCollectionData (a key of its input.json), e.g. GedlingBoroughCouncil.'),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
    .refine((params) => Object.hasOwn(params, 'url'), 'add url: the council page from UKBinCollectionData\'s input.json')
    .describe('Per-council query parameters from its input.json, sent as they are; `url` is required by the API.'),
  addressFields: z.array(z.enum(['uprn', 'postcode', 'house_number'])).min(1).default(['uprn', 'postcode', 'house_number']).describe('Which of the resident\'s address details the council\'s scraper needs (its input.json shows which).'),
  ...binsCommon,
});

/** Where collection days come from, by the kind of system the council runs. */
const binsSchema = z.discriminatedUnion('connector', [icsBinsSchema, ukbcdBinsSchema]);

export const councilConfigSchema = z.object({
  council: z.object({
    name: z.string().min(1).describe('The council\'s name as residents hear it, and the skill\'s name in the store.'),
    invocationName: z.string().min(1).describe('What residents say after "Alexa, open".'),
    timeZone: z.string().refine((zone) => {
      // Every UK council's zone is known without asking Intl, whose first use loads ICU's data
      // (about 20 ms of a cold start that checks a directory of councils; see core/london-time.ts).
      if (zone === 'Europe/London') return true;
      try { new Intl.DateTimeFormat('en-GB', { timeZone: zone }); return true; } catch { return false; }
    }, 'not a known IANA time zone').describe('An IANA time zone, e.g. Europe/London: dates and reminders are in it.'),
    phone: z.string().min(1).describe('The number residents are told to call when the skill cannot help.'),
    website: url.describe('The council\'s website, named when something fails.'),
    privacyPolicyUrl: url.optional().describe('Linked from the skill store; required there, as the skill keeps addresses.'),
    termsUrl: url.optional().describe('Linked from the skill store.'),
    ...ownershipShape,
  }),
  addresses: addressesSchema,
  bins: binsSchema,
  reports: z.object({
    connector: z.literal('open311'),
    endpoint: url,
    apiKey: z.string().default('').describe('The key your Open311 server issued, as a ${ENV} reference.'),
    jurisdictionId: z.string().optional().describe('If your endpoint serves more than one jurisdiction.'),
    format: z.enum(['json', 'xml', 'auto']).default('auto').describe('GeoReport v2 format: XML is the one every server must speak, JSON is optional. `auto` tries JSON and moves to XML when the server has no JSON.'),
    serviceCodes: z.record(z.string(), z.string()).optional().describe('ISSUE_TYPE id → Open311 service_code, when matching by name is not enough.'),
    timeoutMs: z.number().int().positive().optional().describe('How long to wait for this system, in milliseconds (2500 by default).'),
  }).optional(),
  councilTax: z.object({
    year: z.string().regex(/^\d{4}\/\d{2}$/, 'like 2026/27').describe('The financial year, e.g. 2026/27.'),
    bands: z.record(z.enum(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']), z.number().positive()).describe('Annual charge per band, in pounds (e.g. 1980.12).'),
    instalments: z.union([z.literal(10), z.literal(12)]).default(10).describe('10 or 12 monthly instalments.'),
    instalmentDay: z.number().int().min(1).max(28).default(1).describe('The day of the month instalments are due.'),
    firstInstalmentMonth: z.number().int().min(1).max(12).default(4).describe('The month of the first instalment (April is 4).'),
    paymentMethods: z.array(z.string()).default(['Direct Debit', 'online', 'by phone']).describe('The ways to pay, as the skill should say them.'),
    singlePersonDiscountPercent: z.number().min(0).max(100).default(25).describe('The single person discount, usually 25.'),
    bandLookupUrl: url.optional().describe('Where residents can look their band up.'),
    account: z.object({
      connector: z.literal('council-tax-api'),
      url,
      timeoutMs: z.number().int().positive().optional().describe('How long to wait for this system, in milliseconds (2500 by default).'),
      acceptsServiceSignIn: z.boolean().default(false).describe('In a deployment of several councils: this account API accepts the tokens of the one sign-in service named in service.yaml (alexa.accountLinking). Ignored with one council.'),
    }).optional(),
  }).optional(),
  dialogflow: dialogflowSettingsSchema.optional().describe('How a Dialogflow CX agent passes the resident\'s council account token, if it does.'),
  storage: storageSchema.describe('Where profiles and the report outbox live.'),
  security: securitySchema.optional().describe('Who may call the voice routes; see the comments in councils/demo-council.yaml.'),
  alexa: alexaSkillSchema.optional().describe('The Alexa skill\'s listing, endpoint and account linking, for skill-package/.'),
  mcp: mcpConfigSchema.optional().describe('The MCP channel (/mcp): who may call its tools; see src/channels/mcp/mcp-config.ts.'),
}).passthrough();

export type CouncilConfig = z.infer<typeof councilConfigSchema>;
