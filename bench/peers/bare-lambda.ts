/**
 * The bare Lambda skill for the in-process and cold-start comparisons: the fixed-sentence
 * ask-sdk-core skill as an async Lambda handler (the callback style `.lambda()` returns is gone
 * from nodejs24), bundled the same way as ours.
 */
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { createFixedSentenceSkill } from './fixed-sentence-skill';

const skill = createFixedSentenceSkill();

export const handler = (event: RequestEnvelope): Promise<ResponseEnvelope> => skill.invoke(event);
