/**
 * The AWS Lambda entry for the Alexa Skills Kit trigger. The application is composed on the
 * first invocation and reused while the container lives, so only a cold start pays for it.
 * No signature check here: only the skill's alexaSkill trigger can invoke the function.
 */
import type { ResponseEnvelope } from 'ask-sdk-model';
import type { Composition } from '../server/composition';
import { compose } from './compose';
import { loadLambdaConfig } from './lambda-config';
import { assertSafeStartup } from '../security/startup';

// At cold start, so a production function configured to skip verification never answers.
assertSafeStartup();

let composition: Composition | undefined;

/** Answers one Alexa request event. */
export async function handler(event: unknown): Promise<ResponseEnvelope> {
  // The config travels in the bundle (lambda-config.ts): there is no repository on Lambda.
  composition ??= compose({ config: loadLambdaConfig() });
  return composition.alexa(event);
}
