/**
 * The peers' skill: ask-sdk-core with one handler that answers every request with a fixed
 * sentence. It does no council work at all, so anything we serve beyond its rate is honest.
 */
import { SkillBuilders, type Skill } from 'ask-sdk-core';

export const FIXED_SENTENCE = 'Your next collection is Tuesday 1 December, the green recycling bin.';

/** A custom skill that says FIXED_SENTENCE and asks a question, like a real bin-day answer. */
export function createFixedSentenceSkill(): Skill {
  return SkillBuilders.custom()
    .addRequestHandlers({
      canHandle: () => true,
      handle: (input) => input.responseBuilder
        .speak(FIXED_SENTENCE)
        .reprompt('Is there anything else?')
        .getResponse(),
    })
    .create();
}
