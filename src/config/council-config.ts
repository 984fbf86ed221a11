/**
 * The council config file's shape: the one file a council edits to point the skill at its own
 * systems. Key names are a contract with councils; add keys, never rename them.
 */
import { z } from 'zod';
import { mcpConfigSchema } from '../channels/mcp/mcp-config';

const url = z.url({ protocol: /^https?$/ });

const streamSchema = z.object({
  id: z.string().regex(/^[A-Z_]+$/, 'stream ids are upper case, e.g. RECYCLING'),
  name: z.string().min(1),
  container: z.string().min(1),
  colour: z.string().optional(),
  /** Words in an iCalendar event summary that mean this stream. */
  match: z.array(z.string().min(1)).min(1),
});

/** A header Dialogflow sends with every call; the value is a secret, so at least 16 characters. */
const secretHeaderSchema = z.object({
  name: z.string().regex(/^[A-Za-z0-9-]+$/, 'an HTTP header name, e.g. X-Council-Voice-Secret'),
  value: z.string().min(16, 'use a random secret of at least 16 characters'),
});

/** Who may call the voice routes (issue 6). Values are usually ${ENV} references. */
export const securitySchema = z.object({
  alexa: z.object({
    /** Our skill ids (amzn1.ask.skill.…); requests for any other skill are refused. */
    skillIds: z.array(z.string().min(1)).min(1),
  }).optional(),
  dialogflow: z.object({
    cx: z.object({
      /** The audience the CX webhook's ID token is minted for (usually the webhook URL). */
      audience: z.string().min(1).optional(),
      /** The Dialogflow service agent the ID token must name. */
      serviceAccountEmail: z.email().optional(),
      secretHeader: secretHeaderSchema.optional(),
    }).refine((cx) => (cx.audience === undefined) === (cx.serviceAccountEmail === undefined), {
      // An ID token for our audience from any Google account would pass without the email check.
      message: 'set audience and serviceAccountEmail together',
    }).optional(),
    es: z.object({
      header: secretHeaderSchema.optional(),
      basicAuth: z.object({ username: z.string().min(1), password: z.string().min(16, 'use a random password of at least 16 characters') }).optional(),
    }).optional(),
  }).optional(),
});

/**
 * Which addresses are this council's, in a deployment of several: postcode areas, districts or
 * sectors (`DB`, `DB1`, `DB3 4`; the longest prefix wins), and/or the local custodian code
 * OS Places gives every address the council holds. A council deployed alone owns every address.
 */
const ownershipShape = {
  /** Short and stable (kebab-case): saved in residents' profiles. Default: the file's name. */
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case words joined by hyphens, e.g. demo-valley').optional(),
  postcodes: z.array(z.string().transform((prefix) => prefix.trim().toUpperCase().replace(/\s+/g, ' '))
    .pipe(z.string().regex(/^[A-Z]{1,2}(\d[A-Z\d]?( \d)?)?$/, 'a postcode area, district or sector, e.g. DB, DB1 or "DB3 4"'))).min(1).optional(),
  custodianCode: z.number().int().positive().optional(),
};

/** Addresses Alexa itself will open: https only. */
const httpsUrl = z.url({ protocol: /^https$/ });

/**
 * The Alexa skill's store listing and set-up, written into skill-package/ by `npm run models`.
 * Nothing here is read while the skill runs.
 */
export const alexaSkillSchema = z.object({
  /** Where Alexa sends requests: https://<your server>/alexa, or the Alexa Lambda function's ARN. */
  endpoint: z.string().regex(/^(https:\/\/\S+|arn:aws:lambda:\S+)$/, 'https://<your server>/alexa, or the Lambda function ARN'),
  /** The skill store category (Amazon's list; ORGANIZERS_AND_ASSISTANTS suits bin reminders). */
  category: z.string().regex(/^[A-Z_]+$/, 'an Alexa skill category, e.g. ORGANIZERS_AND_ASSISTANTS').default('ORGANIZERS_AND_ASSISTANTS'),
  /** Search words for the skill store, added to the skill's own. */
  keywords: z.array(z.string().min(1)).default([]),
  /** The store icons, 108×108 and 512×512 PNG: needed before the skill can be certified. */
  smallIconUri: httpsUrl.optional(),
  largeIconUri: httpsUrl.optional(),
  /** For Amazon's certification testers, e.g. a postcode and house number in your area. */
  testingInstructions: z.string().min(1).optional(),
  /**
   * Linking a resident's council account (OAuth 2 authorisation code grant), for council tax
   * balances. The client secret is never written here: see skill-package/accountLinking.json.
   */
  accountLinking: z.object({
    authorizationUrl: httpsUrl,
    accessTokenUrl: httpsUrl,
    clientId: z.string().min(1),
    scopes: z.array(z.string().min(1)).default([]),
    /** Other domains the sign-in page loads content from. */
    domains: z.array(z.string().min(1)).default([]),
    accessTokenScheme: z.enum(['HTTP_BASIC', 'REQUEST_BODY_CREDENTIALS']).default('HTTP_BASIC'),
  }).optional(),
});

/** The address gazetteer; in a deployment of several councils service.yaml may hold one for all. */
export const addressesSchema = z.object({
  connector: z.literal('os-places'),
  url,
  key: z.string().default(''),
  timeoutMs: z.number().int().positive().optional(),
});

export const storageSchema = z.object({
  kind: z.enum(['sqlite', 'dynamodb']).default('sqlite'),
  profilesTable: z.string().optional(),
  outboxTable: z.string().optional(),
  region: z.string().optional(),
  endpoint: url.optional(),
}).default({ kind: 'sqlite' });

const remindersSchema = z.object({
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:mm, 24-hour').default('19:00'),
  count: z.number().int().min(1).max(10).default(4),
}).default({ time: '19:00', count: 4 });

/** What every bins connector shares: the streams residents hear, caching, time-outs, reminders. */
const binsCommon = {
  cacheMinutes: z.number().int().nonnegative().default(360),
  timeoutMs: z.number().int().positive().optional(),
  streams: z.array(streamSchema).min(1),
  reminders: remindersSchema,
};

/** A council that publishes an iCalendar feed per property. */
const icsBinsSchema = z.object({
  connector: z.literal('ics'),
  /** `{uprn}` is replaced by the property's UPRN. */
  urlTemplate: z.string().includes('{uprn}', { message: 'must contain {uprn}' }),
  /** A link residents can subscribe to in their own calendar; defaults to urlTemplate. */
  publicUrlTemplate: z.string().optional(),
  ...binsCommon,
});

/** A council with no feed, read through a self-hosted UKBinCollectionData API server. */
const ukbcdBinsSchema = z.object({
  connector: z.literal('ukbcd'),
  /** The API server, e.g. http://ukbcd.internal:8080. */
  url,
  /** The council's module name in UKBinCollectionData (a key of its input.json), e.g. GedlingBoroughCouncil. */
  council: z.string().regex(/^[A-Za-z0-9_]+$/, 'the module name from UKBinCollectionData\'s input.json, e.g. GedlingBoroughCouncil'),
  /** Per-council query parameters from its input.json, sent as they are; `url` is required by the API. */
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
    .refine((params) => Object.hasOwn(params, 'url'), 'add url: the council page from UKBinCollectionData\'s input.json'),
  /** Which of the resident's address details the council's scraper needs (its input.json shows which). */
  addressFields: z.array(z.enum(['uprn', 'postcode', 'house_number'])).min(1).default(['uprn', 'postcode', 'house_number']),
  ...binsCommon,
});

/** Where collection days come from, by the kind of system the council runs. */
const binsSchema = z.discriminatedUnion('connector', [icsBinsSchema, ukbcdBinsSchema]);

export const councilConfigSchema = z.object({
  council: z.object({
    name: z.string().min(1),
    invocationName: z.string().min(1),
    timeZone: z.string().refine((zone) => {
      try { new Intl.DateTimeFormat('en-GB', { timeZone: zone }); return true; } catch { return false; }
    }, 'not a known IANA time zone'),
    phone: z.string().min(1),
    website: url,
    privacyPolicyUrl: url.optional(),
    termsUrl: url.optional(),
    ...ownershipShape,
  }),
  addresses: addressesSchema,
  bins: binsSchema,
  reports: z.object({
    connector: z.literal('open311'),
    endpoint: url,
    apiKey: z.string().default(''),
    jurisdictionId: z.string().optional(),
    /**
     * GeoReport v2 format: XML is the one every server must speak, JSON is optional. `auto` tries
     * JSON and moves to XML when the server has no JSON.
     */
    format: z.enum(['json', 'xml', 'auto']).default('auto'),
    /** ISSUE_TYPE id → Open311 service_code, when matching by name is not enough. */
    serviceCodes: z.record(z.string(), z.string()).optional(),
    timeoutMs: z.number().int().positive().optional(),
  }).optional(),
  councilTax: z.object({
    year: z.string().regex(/^\d{4}\/\d{2}$/, 'like 2026/27'),
    /** Annual charge per band, in pounds (e.g. 1980.12). */
    bands: z.record(z.enum(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']), z.number().positive()),
    instalments: z.union([z.literal(10), z.literal(12)]).default(10),
    instalmentDay: z.number().int().min(1).max(28).default(1),
    firstInstalmentMonth: z.number().int().min(1).max(12).default(4),
    paymentMethods: z.array(z.string()).default(['Direct Debit', 'online', 'by phone']),
    singlePersonDiscountPercent: z.number().min(0).max(100).default(25),
    bandLookupUrl: url.optional(),
    account: z.object({
      connector: z.literal('council-tax-api'),
      url,
      timeoutMs: z.number().int().positive().optional(),
      /**
       * In a deployment of several councils: this account API accepts the tokens of the one
       * sign-in service named in service.yaml (alexa.accountLinking). Ignored with one council.
       */
      acceptsServiceSignIn: z.boolean().default(false),
    }).optional(),
  }).optional(),
  /** How a Dialogflow CX agent passes the resident's council account token, if it does. */
  dialogflow: z.object({
    cxAccessToken: z.object({
      /** An HTTP header on the webhook call (set in the agent's webhook settings or by a proxy). */
      header: z.string().min(1).optional(),
      /** A session parameter the client sets (e.g. a council website that signed the resident in). */
      parameter: z.string().min(1).optional(),
    }).optional(),
  }).optional(),
  /** Where profiles and the report outbox live. */
  storage: storageSchema,
  /** Who may call the voice routes; see the comments in councils/demo-council.yaml. */
  security: securitySchema.optional(),
  /** The Alexa skill's listing, endpoint and account linking, for skill-package/. */
  alexa: alexaSkillSchema.optional(),
  /** The MCP channel (/mcp): who may call its tools; see src/channels/mcp/mcp-config.ts. */
  mcp: mcpConfigSchema.optional(),
}).passthrough();

export type CouncilConfig = z.infer<typeof councilConfigSchema>;
