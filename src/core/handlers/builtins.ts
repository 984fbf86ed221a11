/**
 * Launch, help, stop, cancel, home, fallback and session end, as Amazon's certification expects:
 * help ends with a question and keeps the session open; stop and cancel say goodbye and end;
 * fallback says what the resident can ask and keeps any dialog in progress.
 */
import { councilFacts } from '../facts';
import type { Reply } from '../reply';
import { ask, tell } from '../replies';
import { CANCEL, FALLBACK, HELP, HOME, LAUNCH, NO, SESSION_END, STOP, YES } from '../intents';
import type { HandlerContext, HandlerMap } from '../skill';
import type { Turn } from '../turn';

async function launch(turn: Turn, ctx: HandlerContext): Promise<Reply> {
  const profile = turn.userId ? await ctx.profiles.get(turn.userId) : undefined;
  const key = profile?.address ? 'common:welcomeBack' : 'common:welcome';
  return ask(ctx.t.speak(key, { council: ctx.info.name }), ctx.t.speak('common:welcomeReprompt'), { session: {} });
}

/** What the resident can ask, and (as data, for channels that return it) the council's contacts. */
async function help(_turn: Turn, ctx: HandlerContext): Promise<Reply> {
  const facts = councilFacts(ctx.info, { reports: ctx.council.reports !== undefined, councilTaxAccount: ctx.council.councilTax !== undefined });
  return ask(ctx.t.speak('common:help'), ctx.t.speak('common:helpReprompt'), { session: {}, facts });
}

async function goodbye(_turn: Turn, ctx: HandlerContext): Promise<Reply> {
  return tell(ctx.t.speak('common:goodbye', { council: ctx.info.name }));
}

async function home(_turn: Turn, ctx: HandlerContext): Promise<Reply> {
  return ask(ctx.t.speak('common:home'), ctx.t.speak('common:welcomeReprompt'), { session: {} });
}

/** Keeps the dialog in progress, so the resident can simply try again. */
async function fallback(turn: Turn, ctx: HandlerContext): Promise<Reply> {
  const dialog = turn.session.dialog;
  const key = dialog ? 'common:fallbackInDialog' : 'common:fallback';
  // Still waiting for a slot: ask the platform to listen for that slot again, not for any intent.
  const next = dialog?.awaitingSlot
    ? { type: 'elicit-slot' as const, intent: dialog.intent, slot: dialog.awaitingSlot, slots: dialog.slots }
    : undefined;
  return ask(ctx.t.speak(key), ctx.t.speak('common:fallbackReprompt'), { session: turn.session, next });
}

/**
 * A yes or no with no confirmation pending. Outside a dialog the last thing the skill asked was
 * "anything else?" or "what would you like to do?", so "no" means the resident is done (goodbye)
 * and "yes" means they have more to ask. In the middle of a dialog it answers nothing the skill asked.
 */
function answerToOpenQuestion(kind: 'yes' | 'no') {
  return async (turn: Turn, ctx: HandlerContext): Promise<Reply> => {
    if (turn.session.dialog) {
      return ask(ctx.t.speak('common:nothingToConfirm'), ctx.t.speak('common:fallbackReprompt'), { session: turn.session });
    }
    if (kind === 'no') return goodbye(turn, ctx);
    return ask(ctx.t.speak('common:goAhead'), ctx.t.speak('common:welcomeReprompt'), { session: turn.session });
  };
}

/** The platform expects no speech after the session has ended. */
async function sessionEnded(): Promise<Reply> {
  return { speech: { parts: [] }, endSession: true, silent: true };
}

export const builtinHandlers: HandlerMap = {
  [LAUNCH]: launch,
  [HELP]: help,
  [STOP]: goodbye,
  [CANCEL]: goodbye,
  [HOME]: home,
  [FALLBACK]: fallback,
  [YES]: answerToOpenQuestion('yes'),
  [NO]: answerToOpenQuestion('no'),
  [SESSION_END]: sessionEnded,
};
