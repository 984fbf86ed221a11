/**
 * The AWS Lambda entry for the Alexa Skills Kit trigger (bundled as .build/alexa). No signature
 * check here: only the skill's alexaSkill trigger can invoke the function.
 */
import { createEventLambda } from '../../entry/lambda-channels';
import { createAlexaServing } from './serving';

/** Answers one Alexa request event. */
export const handler = createEventLambda(createAlexaServing());
