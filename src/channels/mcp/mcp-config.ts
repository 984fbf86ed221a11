/**
 * The MCP channel's section of the council file (`mcp:`): who may call the tools, how often,
 * and which identity provider vouches for residents. Documented in councils/demo-council.yaml.
 */
import { z } from 'zod';

const url = z.url({ protocol: /^https?$/ });

export const mcpConfigSchema = z.object({
  resourceUrl: url.optional().describe('The public URL of /mcp (e.g. https://voice.council.gov.uk/mcp): the resource identifier tokens must name as their audience, and the address in the Protected Resource Metadata.'),
  readOnlyTools: z.enum(['open', 'token']).default('open').describe('`open`: anyone may call the read-only tools; `token`: they need a valid bearer token too.'),
  rateLimitPerMinute: z.number().int().positive().max(100_000).default(120).describe('Requests per minute per client (the token\'s subject, else the caller\'s address).'),
  /** MCP sessions kept at once on a long-running server, and how long an idle one lives. */
  sessions: z.object({
    max: z.number().int().positive().default(500),
    idleMinutes: z.number().int().positive().default(30),
  }).strict().default({ max: 500, idleMinutes: 30 }),
  /**
   * The council's identity provider (an OAuth 2.1 authorization server). Without it, the
   * personal tools (get_council_tax_balance) are not offered at all.
   */
  identityProvider: z.object({
    issuer: url.describe('The `iss` its tokens carry, and the authorization server named in our metadata.'),
    jwksUrl: url.describe('Where its signing keys are published (JWKS).'),
    personalScope: z.string().min(1).default('council_tax.read').describe('The scope a token needs for personal tools.'),
  }).strict().optional(),
}).strict().refine((mcp) => !mcp.identityProvider || mcp.resourceUrl, {
  message: 'set resourceUrl (the public URL of /mcp) with identityProvider: tokens must name it as their audience',
  path: ['resourceUrl'],
}).refine((mcp) => mcp.readOnlyTools === 'open' || mcp.identityProvider, {
  message: 'readOnlyTools: token needs an identityProvider to check the tokens',
  path: ['readOnlyTools'],
});

export type McpConfig = z.infer<typeof mcpConfigSchema>;

/** The channel's settings when the council file has no `mcp:` section. */
export const DEFAULT_MCP_CONFIG: McpConfig = mcpConfigSchema.parse({});
