/**
 * service.yaml: what belongs to a deployment of several councils rather than to any one of them:
 * the name residents hear and say before their council is known, who may call the voice routes,
 * where residents' data lives, the skill's listing (with its one account-linking sign-in), and
 * optionally one address gazetteer for every council.
 */
import { z } from 'zod';
import { addressesSchema, alexaSkillSchema, securitySchema, storageSchema } from './council-config';

export const serviceConfigSchema = z.object({
  service: z.object({
    /** "Council Services": said in the welcome before the resident's council is known. */
    name: z.string().min(1),
    /** What residents say to open the skill: "council services". */
    invocationName: z.string().min(1),
    /** Where residents can read about the service; GOV.UK's council finder when unset. */
    website: z.url({ protocol: /^https?$/ }).default('https://www.gov.uk/find-local-council'),
    /** A number to call about the service itself, if it has one. */
    phone: z.string().min(1).optional(),
    /** The service's own privacy notice and terms, for the skill's listing. */
    privacyPolicyUrl: z.url({ protocol: /^https?$/ }).optional(),
    termsUrl: z.url({ protocol: /^https?$/ }).optional(),
    /** Where the councils are, as a resident would hear it: "across Kent and Sussex". */
    area: z.string().min(1).optional(),
    timeZone: z.string().default('Europe/London'),
  }),
  /** One OS Places key for the whole service; council files may then leave `addresses` out. */
  addresses: addressesSchema.optional(),
  storage: storageSchema,
  security: securitySchema.optional(),
  alexa: alexaSkillSchema.optional(),
  /** As in a council file: how a Dialogflow CX agent passes the resident's account token. */
  dialogflow: z.object({
    cxAccessToken: z.object({ header: z.string().min(1).optional(), parameter: z.string().min(1).optional() }).optional(),
  }).optional(),
}).strict();

export type ServiceConfig = z.infer<typeof serviceConfigSchema>;
