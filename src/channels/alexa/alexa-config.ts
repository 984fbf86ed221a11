/**
 * The Alexa channel's sections of the council file (and of service.yaml): `security.alexa`, which
 * skills may call /alexa, and `alexa`, the skill's store listing and set-up. The file's whole shape
 * is assembled in src/config/council-config.ts; nothing here is read while a request is answered
 * (a bundle carries its config already checked).
 */
import { z } from 'zod';

/** `security.alexa`: requests for any skill not named here are refused. */
export const alexaSecuritySchema = z.object({
  skillIds: z.array(z.string().min(1)).min(1).describe('Our skill ids (amzn1.ask.skill.…); requests for any other skill are refused.'),
});

/** Addresses Alexa itself will open: https only. */
const httpsUrl = z.url({ protocol: /^https$/ });

/**
 * `alexa`: the skill's store listing and set-up, written into skill-package/ by `npm run models`.
 * Nothing here is read while the skill runs.
 */
export const alexaSkillSchema = z.object({
  endpoint: z.string().regex(/^(https:\/\/\S+|arn:aws:lambda:\S+)$/, 'https://<your server>/alexa, or the Lambda function ARN').describe('Where Alexa sends requests: https://<your server>/alexa, or the Alexa Lambda function\'s ARN.'),
  category: z.string().regex(/^[A-Z_]+$/, 'an Alexa skill category, e.g. ORGANIZERS_AND_ASSISTANTS').default('ORGANIZERS_AND_ASSISTANTS').describe('The skill store category (Amazon\'s list; ORGANIZERS_AND_ASSISTANTS suits bin reminders).'),
  keywords: z.array(z.string().min(1)).default([]).describe('Search words for the skill store, added to the skill\'s own.'),
  smallIconUri: httpsUrl.optional().describe('The 108×108 PNG store icon (both icons are needed before the skill can be certified).'),
  largeIconUri: httpsUrl.optional().describe('The 512×512 PNG store icon.'),
  testingInstructions: z.string().min(1).optional().describe('For Amazon\'s certification testers, e.g. a postcode and house number in your area.'),
  // The client secret is never written in the council file: it is filled in from the environment when the linking is applied.
  accountLinking: z.object({
    authorizationUrl: httpsUrl,
    accessTokenUrl: httpsUrl,
    clientId: z.string().min(1),
    scopes: z.array(z.string().min(1)).default([]),
    domains: z.array(z.string().min(1)).default([]).describe('Other domains the sign-in page loads content from.'),
    accessTokenScheme: z.enum(['HTTP_BASIC', 'REQUEST_BODY_CREDENTIALS']).default('HTTP_BASIC'),
  }).optional().describe('Linking a resident\'s council account (OAuth 2 authorisation code grant), for council tax balances.'),
});
