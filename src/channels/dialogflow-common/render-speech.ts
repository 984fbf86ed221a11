/**
 * Speech for Google: SSML for voice (telephony, Assistant surfaces) and plain text for chat and
 * screens. Google's TTS accepts the SSML the core renders (`<sub>`, `<say-as
 * interpret-as="characters">`, `<break>`), so both come from src/core/speech.ts.
 */
import { toPlainText, toSsml, type Speech } from '../../core/speech';

export interface RenderedSpeech {
  ssml: string;
  text: string;
}

export function renderSpeech(speech: Speech): RenderedSpeech {
  return { ssml: toSsml(speech), text: toPlainText(speech) };
}
