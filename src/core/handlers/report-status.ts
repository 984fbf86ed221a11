/**
 * "What's happening with my report?" / "Check report 1 2 3 4": the council's status for a
 * report, its latest note and when it expects to deal with it, in plain words. With no number,
 * the resident's last report: resolved from the outbox or the council's token first if need be,
 * and asked of the council that took it (which, after a move, is not the resident's council now).
 */
import type { IssueReporter, ReportStatus } from '../council';
import { localDate, longDate } from '../dates';
import { reportStatusFacts } from '../facts';
import type { ResidentProfile } from '../profile';
import type { Reply } from '../reply';
import { answerThenOfferMore, ask } from '../replies';
import { normaliseReference } from '../reports/reference';
import { contacts, speakableCouncilText } from '../reports/report-speech';
import type { HandlerContext, HandlerMap } from '../skill';
import { characters, joinSpeech, type Speech } from '../speech';
import type { Turn } from '../turn';
import { isWaitingForKey } from '../reports/delivery';

export const CHECK_REPORT_STATUS = 'CheckReportStatusIntent';
const MAX_ATTEMPTS = 3;

function finish(turn: Turn, ctx: HandlerContext, speech: Speech): Reply {
  return answerThenOfferMore(ctx.t, speech, { ...turn.session, dialog: undefined });
}

function askReference(turn: Turn, ctx: HandlerContext, prefix?: Speech): Reply {
  const dialog = turn.session.dialog;
  const before = dialog?.intent === CHECK_REPORT_STATUS && typeof dialog.data?.attempts === 'number' ? dialog.data.attempts : 0;
  const attempts = before + 1;
  if (attempts > MAX_ATTEMPTS) return finish(turn, ctx, ctx.t.speak('reports:givingUp', contacts(ctx)));
  return ask(joinSpeech(prefix, ctx.t.speak('reports:status.askReference')), ctx.t.speak('reports:status.askReferenceReprompt'), {
    next: { type: 'elicit-slot', intent: CHECK_REPORT_STATUS, slot: 'reference', slots: {} },
    session: { ...turn.session, dialog: { intent: CHECK_REPORT_STATUS, slots: {}, awaitingSlot: 'reference', data: { attempts } } },
  });
}

function describeStatus(ctx: HandlerContext, status: ReportStatus): Speech {
  const reference = characters(status.reference);
  const service = speakableCouncilText(status.serviceName);
  const open = status.status === 'open';
  const key = `reports:status.${open ? 'open' : 'closed'}${service ? 'WithService' : ''}`;
  const notes = speakableCouncilText(status.statusNotes);
  let expected: Speech | undefined;
  if (open && status.expectedDate) {
    const today = localDate(ctx.clock.now(), ctx.info.timeZone);
    const date = longDate(status.expectedDate, ctx.t.locale);
    expected = ctx.t.speak(status.expectedDate < today ? 'reports:status.expectedPast' : 'reports:status.expected', { date });
  }
  return joinSpeech(
    ctx.t.speak(key, { reference, service: service ?? '' }),
    notes ? ctx.t.speak('reports:status.notes', { notes: /[.!?]$/.test(notes) ? notes : `${notes}.` }) : undefined,
    expected,
  );
}

async function speakStatus(turn: Turn, ctx: HandlerContext, reporter: IssueReporter, reference: string): Promise<Reply> {
  const status = await reporter.status(reference);
  if (!status) {
    const reply = askReference(turn, ctx, ctx.t.speak('reports:status.notFound', { reference: characters(reference) }));
    return { ...reply, facts: { kind: 'report-not-found', reference } };
  }
  return { ...finish(turn, ctx, describeStatus(ctx, status)), facts: reportStatusFacts(status) };
}

/** The reference of the resident's last report, or what to say instead while it has none. */
async function lastReference(turn: Turn, ctx: HandlerContext, reporter: IssueReporter, profile: ResidentProfile): Promise<{ reference: string } | { say: Speech }> {
  const last = profile.lastReport ?? {};
  let { reference, token } = last;
  if (!reference && !token && last.outboxId) {
    const entry = await ctx.outbox?.get(last.outboxId);
    if (entry?.state === 'pending') return { say: ctx.t.speak(isWaitingForKey(entry) ? 'reports:status.waitingForCouncil' : 'reports:status.waitingToSend', contacts(ctx)) };
    if (entry?.state === 'rejected') return { say: ctx.t.speak('reports:status.wasRejected', contacts(ctx)) };
    if (entry?.result?.kind === 'accepted') reference = entry.result.reference;
    if (entry?.result?.kind === 'queued') token = entry.result.token;
  }
  if (!reference && token) reference = await reporter.resolveToken(token);
  if (!reference) return { say: ctx.t.speak(token ? 'reports:status.awaitingReference' : 'reports:status.noLastReport') };
  if (reference !== last.reference) {
    try {
      await ctx.profiles.put({ ...profile, lastReport: { ...last, reference, token } });
    } catch (error) {
      ctx.logger.warn({ err: error }, 'could not remember the reference of the last report');
    }
  }
  return { reference };
}

/**
 * In a deployment of several councils, the services of the council that took the resident's last
 * report (its outbox entry says which): after a move, their new council has never heard of it.
 */
async function councilThatTook(ctx: HandlerContext, last: ResidentProfile['lastReport']): Promise<HandlerContext> {
  if (!ctx.councils || !last?.outboxId) return ctx;
  const entry = await ctx.outbox?.get(last.outboxId);
  const took = entry?.councilId === undefined ? undefined : ctx.councils.find(entry.councilId);
  if (!took || took.id === ctx.councilId) return ctx;
  return { ...ctx, council: took.council, info: took.info, councilId: took.id, outbox: took.outbox ?? ctx.outbox };
}

async function handleReportStatus(turn: Turn, ctx: HandlerContext): Promise<Reply> {
  const slot = turn.slots.reference;
  const spoken = slot?.id ?? slot?.value;
  const reference = spoken ? normaliseReference(spoken) : undefined;
  const profile = turn.userId ? await ctx.profiles.get(turn.userId) : undefined;
  const last = profile?.lastReport;
  // The last report (asked for, or its reference spoken) is the business of the council that took it.
  const isLast = !spoken || (reference !== undefined && reference === last?.reference);
  const asked = isLast ? await councilThatTook(ctx, last) : ctx;
  const reporter = asked.council.reports;
  if (!reporter) return finish(turn, asked, asked.t.speak('reports:notAvailable', contacts(asked)));
  if (spoken) {
    if (!reference) return askReference(turn, ctx, ctx.t.speak('reports:status.badReference'));
    return speakStatus(turn, asked, reporter, reference);
  }
  if (!profile?.lastReport) return askReference(turn, ctx, ctx.t.speak('reports:status.noLastReport'));
  const found = await lastReference(turn, asked, reporter, profile);
  if ('say' in found) return finish(turn, asked, found.say);
  return speakStatus(turn, asked, reporter, found.reference);
}

export const reportStatusHandlers: HandlerMap = {
  [CHECK_REPORT_STATUS]: handleReportStatus,
};
