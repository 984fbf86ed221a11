/**
 * The skill: Turn in, Reply out. Routing is a lookup by intent name; one error boundary turns
 * any failure into a spoken apology, so a resident never hears silence or a stack trace.
 */
import type { Council } from './council';
import type { CouncilInfo } from './council-info';
import { servicesForResident } from './councils/resident-council';
import type { Councils } from './councils/councils';
import type { Clock } from './dates';
import { CouncilVoiceError } from './errors';
import type { Translator, TranslatorFactory } from './i18n';
import type { Logger } from './logger';
import type { ProfileStore } from './profile';
import type { Reply } from './reply';
import type { SessionState } from './session';
import type { Turn } from './turn';
import { assertServicesFor, type OptionalService } from './handler-requirements';
import type { ReportOutbox } from './outbox';

import { CAN_FULFIL, FALLBACK, LAUNCH, NO, SESSION_END, YES } from './intents';


/** Long-lived services, composed once at start-up by the entry file. */
export interface SkillServices {
  council: Council;
  info: CouncilInfo;
  profiles: ProfileStore;
  translators: TranslatorFactory;
  clock: Clock;
  logger: Logger;
  /**
   * Where every report waits until the council accepts it (the report handlers require it; see
   * handler-requirements.ts). In a deployment of several councils, the resident's council's queue.
   */
  outbox?: ReportOutbox;
  /** How long the first attempt to send a report may take before the outbox sender takes over, in ms. */
  reportSubmitBudgetMs?: number;
  /**
   * Every council of a deployment of several (absent with one). The skill then gives each turn
   * the resident's own council as `council` and `info`, found before the handler runs.
   */
  councils?: Councils;
  /** The council answering this turn in a deployment of several; undefined until the resident's address is known. */
  councilId?: string;
}

/** What a handler receives with each turn: the services plus a translator for the turn's locale. */
export interface HandlerContext extends SkillServices {
  t: Translator;
  /** Calls another handler (e.g. resume the bin-day answer once the address is saved). */
  dispatch(intent: string, turn: Turn): Promise<Reply>;
}

/** Answers one intent; `requires` names the optional services it cannot answer without. */
export interface IntentHandler {
  (turn: Turn, ctx: HandlerContext): Promise<Reply>;
  requires?: readonly OptionalService[];
}

/** Handlers keyed by intent name (or LAUNCH, SESSION_END, CAN_FULFIL). */
export type HandlerMap = Record<string, IntentHandler>;

export interface Skill {
  handle(turn: Turn): Promise<Reply>;
  /** The intent names this skill answers. */
  readonly intents: string[];
}

export interface SkillOptions {
  /** Answer with an apology if handling takes longer than this (Alexa gives up at 8 s). */
  deadlineMs?: number;
  /** Say "just checking with the council" if the answer is not ready by then, where the platform can. */
  progressAfterMs?: number;
}

class DeadlineExceeded extends Error {}

/** Routes a turn to its handler, carrying dialog state; see SessionState. */
function routeKey(turn: Turn, handlers: HandlerMap): { key: string; turn: Turn } {
  if (turn.kind === 'launch') return { key: LAUNCH, turn };
  if (turn.kind === 'session-end') return { key: SESSION_END, turn };
  if (turn.kind === 'can-fulfil') return { key: CAN_FULFIL, turn };
  const intent = turn.intent ?? FALLBACK;
  // A dialog about an intent this skill has no handler for is not one it started: drop it.
  if (turn.session.dialog && !Object.hasOwn(handlers, turn.session.dialog.intent)) {
    turn = { ...turn, session: { ...turn.session, dialog: undefined } };
  }
  const dialog = turn.session.dialog;
  // A plain yes/no answers the question the skill asked about a dialog in progress.
  if ((intent === YES || intent === NO) && dialog?.awaitingConfirmation) {
    return {
      key: dialog.intent,
      turn: { ...turn, intent: dialog.intent, slots: { ...dialog.slots }, confirmation: intent === YES ? 'CONFIRMED' : 'DENIED' },
    };
  }
  // Slots gathered on earlier turns of the same dialog stay, unless the resident said something new.
  if (dialog && dialog.intent === intent) {
    const merged = { ...dialog.slots };
    for (const [name, slot] of Object.entries(turn.slots)) {
      if (slot.value !== undefined || slot.id !== undefined) merged[name] = slot;
    }
    return { key: intent, turn: { ...turn, slots: merged } };
  }
  // Own keys only: an intent named `constructor` or `toString` must not reach Object.prototype.
  return { key: Object.hasOwn(handlers, intent) ? intent : FALLBACK, turn };
}

/**
 * Longer than anyone says in one go (Dialogflow's own text limit is 256 characters): a slot
 * value past this did not come from a resident, and read back it would break the platform's
 * limits on speech (Alexa: 8000 characters) and on the response.
 */
export const MAX_SLOT_CHARS = 500;

function withShortSlots(turn: Turn): Turn {
  const long = (text: string | undefined) => text !== undefined && text.length > MAX_SLOT_CHARS;
  if (!Object.values(turn.slots).some((slot) => long(slot.value) || long(slot.id))) return turn;
  const slots: Turn['slots'] = {};
  for (const [name, slot] of Object.entries(turn.slots)) {
    slots[name] = long(slot.value) || long(slot.id)
      ? { ...slot, value: slot.value?.slice(0, MAX_SLOT_CHARS), id: long(slot.id) ? undefined : slot.id }
      : slot;
  }
  return { ...turn, slots };
}

function apologyFor(error: unknown, t: Translator, info: CouncilInfo, session: SessionState): Reply {
  const service = error instanceof CouncilVoiceError ? error.service : 'skill';
  const key = t.has(`errors:${service}`) ? `errors:${service}` : 'errors:skill';
  const speech = t.speak(key, { council: info.name, phone: info.phone, website: info.website });
  const question = t.speak('common:anythingElse');
  return {
    speech: { parts: [...speech.parts, { type: 'text', text: ' ' }, ...question.parts] },
    reprompt: question,
    endSession: false,
    session: { ...session, dialog: undefined },
    failed: true,
  };
}

/**
 * The skill over `handlers` and `services`. Throws MissingServiceError when a handler requires a
 * service `services` lacks (see handler-requirements.ts).
 */
export function createSkill(handlers: HandlerMap, services: SkillServices, options: SkillOptions = {}): Skill {
  assertServicesFor(handlers, services);
  const deadlineMs = options.deadlineMs ?? 6500;
  const progressAfterMs = options.progressAfterMs ?? 1000;

  /** `onScope` hears each council the turn is answered for, so an apology names the last one. */
  async function run(key: string, turn: Turn, t: Translator, scope: SkillServices, onScope: (scope: SkillServices) => void): Promise<Reply> {
    const handler = Object.hasOwn(handlers, key) ? handlers[key] : handlers[FALLBACK];
    if (!handler) throw new Error(`no handler for ${key} and no fallback`);
    onScope(scope);
    const ctx: HandlerContext = {
      ...scope,
      t,
      // Found again: the turn before may just have saved an address in another council's area.
      dispatch: async (intent, next) => run(intent, { ...next, intent }, t, await servicesForResident(services, next), onScope),
    };
    return handler(turn, ctx);
  }

  async function handle(incoming: Turn): Promise<Reply> {
    const t = services.translators.forLocale(incoming.locale);
    const { key, turn } = routeKey(withShortSlots(incoming), handlers);
    let timer: NodeJS.Timeout | undefined;
    const progress = startProgress(turn, t, progressAfterMs, services.logger);
    let scope = services;
    try {
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new DeadlineExceeded(`handler ${key} exceeded ${deadlineMs} ms`)), deadlineMs);
      });
      const answer = async () => {
        scope = await servicesForResident(services, turn);
        return run(key, turn, t, scope, (latest) => { scope = latest; });
      };
      const reply = await Promise.race([answer(), deadline]);
      return withReprompt(reply, t);
    } catch (error) {
      services.logger.error({ err: error, intent: key, requestId: turn.requestId, council: scope.councilId }, 'turn failed');
      if (turn.kind === 'session-end') return { speech: { parts: [] }, endSession: true, silent: true };
      return apologyFor(error, t, scope.info, turn.session);
    } finally {
      clearTimeout(timer);
      clearTimeout(progress);
    }
  }

  return { handle, intents: Object.keys(handlers) };
}

/**
 * A slow back end should not leave the resident in silence: once `afterMs` passes, the platform
 * (Alexa's progressive response) says a holding line while the answer is still being fetched.
 */
function startProgress(turn: Turn, t: Translator, afterMs: number, logger: Logger): NodeJS.Timeout | undefined {
  const send = turn.device.sendProgress;
  if (!send || turn.kind !== 'intent') return undefined;
  return setTimeout(() => {
    send(t.text('common:progress')).catch((error: unknown) => logger.warn({ err: error }, 'progressive response failed'));
  }, afterMs);
}

/** Certification: every reply that keeps the session open carries a reprompt. */
function withReprompt(reply: Reply, t: Translator): Reply {
  if (reply.endSession || reply.silent || reply.reprompt) return reply;
  return { ...reply, reprompt: t.speak('common:anythingElse') };
}
