/**
 * What a council officer should fix before residents hear it: the platforms' limits and the
 * certification rules, checked on every simulated reply.
 */
import type { HttpCall } from '../connectors/http';
import type { SimulatedReply } from './platform-bridge';
import { estimateSpeechSeconds } from './ssml-text';

export interface Warning {
  code: 'speech-too-long' | 'speech-too-many-characters' | 'question-then-end' | 'no-reprompt' | 'slow-back-end';
  message: string;
}

/** Alexa refuses speech longer than 90 seconds or 8,000 characters. */
export const MAX_SPEECH_SECONDS = 90;
export const MAX_SPEECH_CHARACTERS = 8000;
/** A council call slower than this, or a turn slower than SLOW_TURN_MS, risks Alexa's 8-second limit. */
export const SLOW_CALL_MS = 1000;
export const SLOW_TURN_MS = 3000;

export function findWarnings(reply: SimulatedReply, calls: HttpCall[], ms: number, hasReprompts: boolean): Warning[] {
  const warnings: Warning[] = [];
  const seconds = estimateSpeechSeconds(reply.ssml);
  if (seconds > MAX_SPEECH_SECONDS) {
    warnings.push({ code: 'speech-too-long', message: `The reply takes about ${Math.round(seconds)} seconds to say; Alexa stops at ${MAX_SPEECH_SECONDS}.` });
  }
  if (reply.ssml.length > MAX_SPEECH_CHARACTERS) {
    warnings.push({ code: 'speech-too-many-characters', message: `The reply is ${reply.ssml.length.toLocaleString('en-GB')} characters of SSML; the limit is ${MAX_SPEECH_CHARACTERS.toLocaleString('en-GB')}.` });
  }
  if (reply.endSession && /\?\s*$/.test(reply.text)) {
    warnings.push({ code: 'question-then-end', message: 'The reply asks a question but ends the session, so the resident cannot answer.' });
  }
  if (!reply.endSession && hasReprompts && !reply.reprompt && reply.text !== '') {
    warnings.push({ code: 'no-reprompt', message: 'The session stays open without a reprompt: residents who say nothing hear nothing.' });
  }
  const slow = calls.filter((call) => call.ms > SLOW_CALL_MS);
  for (const call of slow) {
    warnings.push({ code: 'slow-back-end', message: `${call.method} ${call.url} took ${Math.round(call.ms)} ms; Alexa gives up after 8 seconds in all.` });
  }
  if (slow.length === 0 && ms > SLOW_TURN_MS) {
    warnings.push({ code: 'slow-back-end', message: `The turn took ${Math.round(ms)} ms; Alexa gives up after 8 seconds.` });
  }
  return warnings;
}
