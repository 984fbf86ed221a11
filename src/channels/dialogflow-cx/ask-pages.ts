/**
 * CX asks for one slot by moving the session to a page whose form holds just that parameter:
 * the resident's next words fill it with the right entity type, and the page's route calls the
 * webhook with the intent's tag. The agent builder writes these pages with the ids below, and
 * the webhook targets them by id, so both sides derive the ids from the same names.
 */
import type { LanguageModel } from '../../language-model/language-model';
import { stableUuid } from '../dialogflow-common/stable-uuid';

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

export function askPageFor(intent: string, slot: string): AskPage {
  const displayName = `Ask ${intent} ${slot}`;
  return { intent, slot, displayName, id: stableUuid(`cx-page:${displayName}`) };
}

/** One page per slot of every intent, in model order. */
export function askPages(model: LanguageModel): AskPage[] {
  return model.intents.flatMap((intent) => intent.slots.map((slot) => askPageFor(intent.name, slot.name)));
}

const AGENT = String.raw`projects/[^/]+/locations/[^/]+/agents/[^/]+`;

/**
 * The flow a request is in (`projects/…/agents/…/flows/<id>`), from the current page when
 * Dialogflow says, else the agent's Default Start Flow; undefined when neither names an agent
 * (not a request from CX), since a target page must be a full resource name.
 */
export function flowPathOf(currentPage: string | undefined, session: string): string | undefined {
  const fromPage = currentPage?.match(new RegExp(String.raw`^(${AGENT}/flows/[^/]+)/pages/[^/]+$`))?.[1];
  if (fromPage) return fromPage;
  const agent = session.match(new RegExp(`^(${AGENT})/`))?.[1];
  return agent && `${agent}/flows/${DEFAULT_START_FLOW_ID}`;
}
