/**
 * The Dialogflow channels' sections of the council file (and of service.yaml): `security.dialogflow`,
 * who may call /dialogflow/cx and /dialogflow/es, and `dialogflow`, how a CX agent passes the
 * resident's account token. The file's whole shape is assembled in src/config/council-config.ts.
 */
import { z } from 'zod';

/** A header Dialogflow sends with every call; the value is a secret, so at least 16 characters. */
const secretHeaderSchema = z.object({
  name: z.string().regex(/^[A-Za-z0-9-]+$/, 'an HTTP header name, e.g. X-Council-Voice-Secret'),
  value: z.string().min(16, 'use a random secret of at least 16 characters'),
});

/** `security.dialogflow`: values are usually ${ENV} references. */
export const dialogflowSecuritySchema = z.object({
  cx: z.object({
    audience: z.string().min(1).optional().describe('The audience the CX webhook\'s ID token is minted for (usually the webhook URL).'),
    serviceAccountEmail: z.email().optional().describe('The Dialogflow service agent the ID token must name.'),
    secretHeader: secretHeaderSchema.optional(),
  }).refine((cx) => (cx.audience === undefined) === (cx.serviceAccountEmail === undefined), {
    // An ID token for our audience from any Google account would pass without the email check.
    message: 'set audience and serviceAccountEmail together',
  }).optional(),
  es: z.object({
    header: secretHeaderSchema.optional(),
    basicAuth: z.object({ username: z.string().min(1), password: z.string().min(16, 'use a random password of at least 16 characters') }).optional(),
  }).optional(),
});

/** `dialogflow`: how a Dialogflow CX agent passes the resident's council account token, if it does. */
export const dialogflowSettingsSchema = z.object({
  cxAccessToken: z.object({
    header: z.string().min(1).optional().describe('An HTTP header on the webhook call (set in the agent\'s webhook settings or by a proxy).'),
    parameter: z.string().min(1).optional().describe('A session parameter the client sets (e.g. a council website that signed the resident in).'),
  }).optional(),
});
