/**
 * service.yaml: what belongs to a deployment of several councils rather than to any one of them:
 * the name residents hear and say before their council is known, who may call the voice routes,
 * where residents' data lives, the skill's listing (with its one account-linking sign-in), and
 * optionally one address gazetteer for every council.
 */
import { z } from 'zod';
import { alexaSkillSchema } from '../channels/alexa/alexa-config';
import { dialogflowSettingsSchema } from '../channels/dialogflow-common/dialogflow-config';
import { addressesSchema, securitySchema, storageSchema } from './council-config';

export const serviceConfigSchema = z.object({
  service: z.object({
    name: z.string().min(1).describe('"Council Services": said in the welcome before the resident\'s council is known.'),
    invocationName: z.string().min(1).describe('What residents say to open the skill: "council services".'),
    website: z.url({ protocol: /^https?$/ }).default('https://www.gov.uk/find-local-council').describe('Where residents can read about the service; GOV.UK\'s council finder when unset.'),
    phone: z.string().min(1).optional().describe('A number to call about the service itself, if it has one.'),
    privacyPolicyUrl: z.url({ protocol: /^https?$/ }).optional().describe('The service\'s own privacy notice, for the skill\'s listing.'),
    termsUrl: z.url({ protocol: /^https?$/ }).optional().describe('The service\'s own terms of use, for the skill\'s listing.'),
    area: z.string().min(1).optional().describe('Where the councils are, as a resident would hear it: "across Kent and Sussex".'),
    timeZone: z.string().default('Europe/London'),
  }),
  addresses: addressesSchema.optional().describe('One OS Places key for the whole service; council files may then leave `addresses` out.'),
  storage: storageSchema,
  security: securitySchema.optional(),
  alexa: alexaSkillSchema.optional(),
  /** As in a council file: how a Dialogflow CX agent passes the resident's account token. */
  dialogflow: dialogflowSettingsSchema.optional(),
}).strict();

export type ServiceConfig = z.infer<typeof serviceConfigSchema>;
