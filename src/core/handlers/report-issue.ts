/**
 * "Report a pothole on Mill Lane": collects what the council needs one question at a time,
 * skipping what the resident already said, reads the report back, and sends it only on a yes.
 * The report goes to the outbox before any attempt to send it, so it is never lost.
 */
import type { IssueReporter } from '../council';
import { outboxFrom } from '../outbox';
import type { ResidentProfile } from '../profile';
import type { Reply } from '../reply';
import { ask } from '../replies';
import { answerFor, isYesNoQuestion } from '../reports/attribute-answer';
import { UnsupportedIssueTypeError } from '../reports/errors';
import {
  changeChoice, meansMyHome, newSlots, readReportDialog, REPORT_ISSUE, reportSession, toIssueReport,
  type Asking, type ReportDialogData,
} from '../reports/report-dialog';
import { contacts, issueName, speakOutcome, speakQuestion, speakReadBack } from '../reports/report-speech';
import { idempotencyKey, sendReport, type SendOutcome } from '../reports/send-report';
import type { HandlerContext, HandlerMap } from '../skill';
import { joinSpeech, type Speech } from '../speech';
import type { Turn } from '../turn';
import { requireAddress } from './address';

/** Unanswered questions in a row before the skill offers the website and phone instead. */
const MAX_MISSES = 3;

/** Extras key for the first attempt's time budget in milliseconds (see SkillServices.extras). */
export const SUBMIT_BUDGET_EXTRA = 'reportSubmitBudgetMs';

/** Ends the report dialog and asks what else the resident needs. */
function finish(turn: Turn, ctx: HandlerContext, speech: Speech): Reply {
  return ask(joinSpeech(speech, ctx.t.speak('common:anythingElse')), ctx.t.speak('common:anythingElseReprompt'), {
    session: { ...turn.session, dialog: undefined },
  });
}

/** The first thing the report still needs, in the order the resident would tell it. */
function nextAsking(data: ReportDialogData): Asking {
  const { draft } = data;
  if (!draft.issueType) return 'issueType';
  if (!draft.location) return 'location';
  if (!draft.description) return 'description';
  const open = (data.questions ?? []).find((q) => q.required && draft.attributes[q.code] === undefined);
  return open ? `attribute:${open.code}` : 'confirm';
}

function askNext(turn: Turn, ctx: HandlerContext, data: ReportDialogData, prefix?: Speech): Reply {
  const asking = nextAsking(data);
  const next = { ...data, asking };
  const session = (yesNo = false) => reportSession(turn.session, next, yesNo);
  const slots = () => session().dialog?.slots ?? {};
  const t = ctx.t;
  if (asking === 'confirm') {
    return ask(joinSpeech(prefix, speakReadBack(ctx, data.draft)), t.speak('reports:readBackReprompt'), {
      next: { type: 'confirm-intent', intent: REPORT_ISSUE, slots: slots() },
      session: session(),
    });
  }
  let speech: Speech;
  let reprompt: Speech;
  let yesNo = false;
  if (asking === 'issueType') {
    speech = t.speak(prefix ? 'reports:unknownIssueTypeQuestion' : 'reports:askIssueType');
    reprompt = t.speak('reports:askIssueTypeReprompt');
  } else if (asking === 'location') {
    speech = t.speak('reports:askLocation');
    reprompt = t.speak('reports:askLocationReprompt');
  } else if (asking === 'description') {
    speech = t.speak('reports:askDescription');
    reprompt = t.speak('reports:askDescriptionReprompt');
  } else {
    const question = data.questions?.find((q) => `attribute:${q.code}` === asking);
    ({ speech, reprompt } = question ? speakQuestion(ctx, question) : { speech: t.speak('reports:askDescription'), reprompt: t.speak('reports:askDescriptionReprompt') });
    yesNo = question ? isYesNoQuestion(question) : false;
  }
  const slot = asking.startsWith('attribute:') ? 'description' : asking;
  return ask(joinSpeech(prefix, speech), reprompt, {
    next: { type: 'elicit-slot', intent: REPORT_ISSUE, slot, slots: slots() },
    session: session(yesNo),
  });
}

async function remember(turn: Turn, ctx: HandlerContext, outcome: SendOutcome): Promise<void> {
  if (outcome.kind === 'rejected' || !turn.userId) return;
  const lastReport: ResidentProfile['lastReport'] = { outboxId: outcome.entryId };
  if (outcome.kind === 'accepted') lastReport.reference = outcome.reference;
  if (outcome.kind === 'queued') lastReport.token = outcome.token;
  try {
    const profile = (await ctx.profiles.get(turn.userId)) ?? { userId: turn.userId };
    await ctx.profiles.put({ ...profile, lastReport });
  } catch (error) {
    // The report itself is safe in the outbox; only "what about my last report" is affected.
    ctx.logger.warn({ err: error, entryId: outcome.entryId }, 'could not remember the last report');
  }
}

async function submit(turn: Turn, ctx: HandlerContext, reporter: IssueReporter, data: ReportDialogData): Promise<Reply> {
  const outbox = outboxFrom(ctx.extras);
  if (!outbox) throw new Error('the report outbox is not configured (SkillServices.extras.outbox)');
  const budget = ctx.extras?.[SUBMIT_BUDGET_EXTRA];
  const outcome = await sendReport(idempotencyKey(turn.userId, turn.requestId), turn.userId, toIssueReport(data.draft), {
    outbox,
    reporter,
    now: () => ctx.clock.now(),
    logger: ctx.logger,
    budgetMs: typeof budget === 'number' ? budget : undefined,
  });
  await remember(turn, ctx, outcome);
  return finish(turn, ctx, speakOutcome(ctx, outcome));
}

function askChange(turn: Turn, ctx: HandlerContext, data: ReportDialogData, prefix?: Speech): Reply {
  const next: ReportDialogData = { ...data, asking: 'change' };
  return ask(joinSpeech(prefix, ctx.t.speak('reports:askChange')), ctx.t.speak('reports:askChangeReprompt'), {
    next: { type: 'elicit-slot', intent: REPORT_ISSUE, slot: 'description', slots: reportSession(turn.session, next).dialog?.slots ?? {} },
    session: reportSession(turn.session, next),
  });
}

async function handleReportIssue(turn: Turn, ctx: HandlerContext): Promise<Reply> {
  const reporter = ctx.council.reports;
  if (!reporter) return finish(turn, ctx, ctx.t.speak('reports:notAvailable', contacts(ctx)));
  const data = readReportDialog(turn.session);
  if (data.asking === 'confirm' && turn.confirmation === 'CONFIRMED') return submit(turn, ctx, reporter, data);
  if (data.asking === 'confirm' && turn.confirmation === 'DENIED') return askChange(turn, ctx, data);

  const slots = newSlots(turn, data);
  const heard = { ...data.heard, ...slots };
  const draft = { ...data.draft, attributes: { ...data.draft.attributes } };
  const before = JSON.stringify(draft);
  let questions = data.questions;
  let prefix: Speech | undefined;

  // Attribute answers and "what to change" arrive as free text, not as a description.
  const freeText = data.asking === 'change' || data.asking?.startsWith('attribute:') ? slots.description : undefined;
  if (freeText || data.asking?.startsWith('attribute:')) {
    delete slots.description;
    heard.description = data.heard.description;
  }
  if (data.asking?.startsWith('attribute:')) {
    const question = questions?.find((q) => `attribute:${q.code}` === data.asking);
    const answer = question && answerFor(question, freeText?.value, turn.confirmation);
    if (question && answer !== undefined) draft.attributes[question.code] = answer;
    else prefix = ctx.t.speak('reports:didNotCatchAttribute');
  }
  if (data.asking === 'change' && freeText) {
    const choice = changeChoice(freeText.value);
    if (choice === 'cancel') return finish(turn, ctx, ctx.t.speak('reports:cancelled'));
    if (choice) {
      draft[choice] = undefined;
      delete heard[choice];
      if (choice === 'location') draft.uprn = undefined;
      if (choice === 'issueType') {
        draft.attributes = {};
        questions = undefined;
      }
    }
  }

  if (slots.issueType?.id && slots.issueType.id !== draft.issueType) {
    draft.issueType = slots.issueType.id;
    draft.attributes = {};
    questions = undefined;
  } else if (slots.issueType && !slots.issueType.id && (!draft.issueType || data.asking === 'issueType')) {
    prefix = ctx.t.speak('reports:unknownIssueType', { heard: slots.issueType.value ?? '', website: ctx.info.website });
    delete heard.issueType;
  }
  if (slots.location?.value) {
    if (meansMyHome(slots.location.value)) {
      const found = await requireAddress(turn, ctx, { intent: REPORT_ISSUE, slots: { ...heard } as Turn['slots'] });
      if ('reply' in found) return found.reply;
      draft.location = found.address.label;
      draft.uprn = found.address.uprn;
    } else {
      draft.location = slots.location.value;
      draft.uprn = undefined;
    }
  }
  if (slots.description?.value) draft.description = slots.description.value;

  const progressed = JSON.stringify(draft) !== before;
  const misses = progressed || !data.asking ? 0 : data.misses + 1;
  if (misses >= MAX_MISSES) return finish(turn, ctx, ctx.t.speak('reports:givingUp', contacts(ctx)));
  if (!progressed && !prefix && data.asking) prefix = ctx.t.speak('reports:didNotCatch');
  if (data.asking === 'change' && !progressed) return askChange(turn, ctx, { ...data, heard, misses }, prefix);

  if (draft.issueType && !questions) {
    try {
      questions = (await reporter.questionsFor(draft.issueType)).filter((q) => q.required);
    } catch (error) {
      if (error instanceof UnsupportedIssueTypeError) {
        return finish(turn, ctx, ctx.t.speak('reports:unsupportedIssueType', { ...contacts(ctx), issue: issueName(ctx, draft.issueType) }));
      }
      // The council's system is down: carry on; the report waits in the outbox until it is back.
      ctx.logger.warn({ err: error, issueType: draft.issueType }, 'could not read the council questions for a report');
      questions = [];
    }
  }
  return askNext(turn, ctx, { draft, heard, questions, misses, asking: data.asking }, prefix);
}

export const reportIssueHandlers: HandlerMap = {
  [REPORT_ISSUE]: handleReportIssue,
};
