/**
 * The parity table's vocabulary: what the resident does (a step) and what they notice in the
 * answer (speech, whether the conversation ends, what is asked next), the same for every platform.
 */

/** A slot as the resident said it, and the id the platform's entity resolution gives it. */
export interface SpokenSlot {
  value: string;
  id?: string;
}

export type Step =
  | { launch: true }
  | { intent: string; slots?: Record<string, SpokenSlot> };

export interface NeutralReply {
  /** The words, as text: the SSML with its tags taken out. */
  text: string;
  /** The SSML spoken, exactly as the platform will speak it. */
  speech: string;
  endSession: boolean;
  /** `slot:<Intent>.<slot>`, `confirm:<Intent>`, or none. */
  asks?: string;
}

/** One platform's adapter, driven with real-shape requests that carry its own session. */
export interface PlatformDriver {
  readonly name: string;
  /** The id the platform gives this resident, for profiles set up before the conversation. */
  readonly userId: string;
  send(step: Step): Promise<NeutralReply>;
}

export function isLaunch(step: Step): step is { launch: true } {
  return 'launch' in step;
}

/** The words of an SSML string, as a resident would read them back: tags out, entities decoded. */
export function ssmlText(ssml: string): string {
  return ssml.replace(/<[^>]+>/g, '').replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The neutral reply for what a platform is about to speak. */
export function neutralReply(ssml: string, endSession: boolean, asks: string | undefined): NeutralReply {
  return { text: ssmlText(ssml), speech: ssml, endSession, ...(asks ? { asks } : {}) };
}
