/**
 * CX asks for one slot by moving the session to a page whose form holds just that parameter:
 * the resident's next words fill it with the right entity type, and the page's route calls the
 * webhook with the intent's tag. The agent builder writes these pages with the ids below, and
 * the webhook targets them by id, so both sides derive the ids from the same names.
 */
import { createHash } from 'node:crypto';
import type { LanguageModel } from '../../../language-model/language-model';
import { toGoogleIntentName } from '../intent-names';

/** Dialogflow CX's id for every agent's Default Start Flow. */
export const DEFAULT_START_FLOW_ID = '00000000-0000-0000-0000-000000000000';

export interface AskPage {
  /** Our intent name. */
  intent: string;
  slot: string;
  /** The page's display name in the console. */
  displayName: string;
  id: string;
}

/** A name-based UUID (version 5 layout over SHA-1), so the built agent is the same every time. */
export function stableUuid(name: string): string {
  const hex = createHash('sha1').update(`council-voice:${name}`).digest('hex').slice(0, 32).split('');
  hex[12] = '5';
  hex[16] = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20, 32)}`;
}

export function askPageFor(intent: string, slot: string): AskPage {
  const displayName = `Ask ${toGoogleIntentName(intent)} ${slot}`;
  return { intent, slot, displayName, id: stableUuid(`cx-page:${displayName}`) };
}

/** One page per slot of every intent, in model order. */
export function askPages(model: LanguageModel): AskPage[] {
  return model.intents.flatMap((intent) => intent.slots.map((slot) => askPageFor(intent.name, slot.name)));
}

/**
 * The flow a request is in (`projects/…/agents/…/flows/<id>`), from the current page when
 * Dialogflow says, else the agent's Default Start Flow.
 */
export function flowPathOf(currentPage: string | undefined, session: string): string {
  const fromPage = currentPage?.match(/^(.+\/flows\/[^/]+)\/pages\/[^/]+$/)?.[1];
  if (fromPage) return fromPage;
  const agent = session.match(/^(projects\/[^/]+\/locations\/[^/]+\/agents\/[^/]+)\//)?.[1] ?? '';
  return `${agent}/flows/${DEFAULT_START_FLOW_ID}`;
}
