/**
 * "Report a pothole on Mill Lane": collects what the council needs one question at a time,
 * skipping what the resident already said, reads the report back, and sends it only on a yes.
 * The report goes to the outbox before any attempt to send it, so it is never lost.
 */
import type { IssueReporter } from '../council';
import { reportOutcomeFacts } from '../facts';
import { requiring } from '../handler-requirements';
import type { Reply } from '../reply';
import { answerThenOfferMore, ask } from '../replies';
import { answerFor, isYesNoQuestion } from '../reports/attribute-answer';
import { UnsupportedIssueTypeError } from '../reports/errors';
import {
  changeChoice, meansMyHome, newSlots, readReportDialog, REPORT_ISSUE, reportSession, toIssueReport,
  type Asking, type ReportDialogData,
} from '../reports/report-dialog';
import { contacts, issueName, speakOutcome, speakQuestion, speakReadBack } from '../reports/report-speech';
import { idempotencyKey, rememberLastReport, sendReport } from '../reports/send-report';
import type { HandlerContext, HandlerMap } from '../skill';
import { joinSpeech, type Speech } from '../speech';
import type { Turn } from '../turn';
import { requireAddress } from './address';

/** Unanswered questions in a row before the skill offers the website and phone instead. */
const MAX_MISSES = 3;

/** Ends the report dialog and asks what else the resident needs. */
function finish(turn: Turn, ctx: HandlerContext, speech: Speech): Reply {
  return answerThenOfferMore(ctx.t, speech, { ...turn.session, dialog: undefined });
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
    const { issueType = '', location = '', description = '', uprn, attributes } = data.draft;
    return ask(joinSpeech(prefix, speakReadBack(ctx, data.draft)), t.speak('reports:readBackReprompt'), {
      next: { type: 'confirm-intent', intent: REPORT_ISSUE, slots: slots() },
      session: session(),
      facts: { kind: 'report-draft', council: ctx.info.name, issueType, location, description, uprn, answers: { ...attributes } },
    });
  }
  let speech: Speech;
  let reprompt: Speech;
  let yesNo = false;
  let facts: Reply['facts'];
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
    if (question) facts = { kind: 'report-question', council: ctx.info.name, code: question.code, question: question.question, options: question.values };
  }
  const slot = asking.startsWith('attribute:') ? 'description' : asking;
  return ask(joinSpeech(prefix, speech), reprompt, {
    next: { type: 'elicit-slot', intent: REPORT_ISSUE, slot, slots: slots() },
    session: session(yesNo),
    facts,
  });
}

async function submit(turn: Turn, ctx: HandlerContext, reporter: IssueReporter, data: ReportDialogData): Promise<Reply> {
  // createSkill refused to compose without one (requiring below); this is for the type checker.
  const outbox = ctx.outbox;
  if (!outbox) throw new Error('the report outbox is not configured (SkillServices.outbox)');
  const budget = ctx.reportSubmitBudgetMs;
  const outcome = await sendReport(idempotencyKey(turn.userId, turn.requestId), turn.userId, toIssueReport(data.draft), {
    outbox,
    reporter,
    now: () => ctx.clock.now(),
    logger: ctx.logger,
    budgetMs: typeof budget === 'number' ? budget : undefined,
  });
  await rememberLastReport(ctx.profiles, turn.userId, outcome, ctx.logger);
  return { ...finish(turn, ctx, speakOutcome(ctx, outcome)), facts: reportOutcomeFacts(outcome) };
}

function askChange(turn: Turn, ctx: HandlerContext, data: ReportDialogData, prefix?: Speech): Reply {
  const next: ReportDialogData = { ...data, asking: 'change' };
  return ask(joinSpeech(prefix, ctx.t.speak('reports:askChange')), ctx.t.speak('reports:askChangeReprompt'), {
    next: { type: 'elicit-slot', intent: REPORT_ISSUE, slot: 'description', slots: reportSession(turn.session, next).dialog?.slots ?? {} },
    session: reportSession(turn.session, next),
  });
}

type Taken = { data: ReportDialogData; prefix?: Speech } | { reply: Reply };

/**
 * What this turn adds to the report. Attribute answers and "what to change" arrive as free text
 * in the description slot, so they are read first and kept out of the description.
 */
async function takeAnswers(turn: Turn, ctx: HandlerContext, data: ReportDialogData): Promise<Taken> {
  const slots = newSlots(turn, data);
  const heard = { ...data.heard, ...slots };
  const draft = { ...data.draft, attributes: { ...data.draft.attributes } };
  let questions = data.questions;
  let prefix: Speech | undefined;
  const askingAttribute = data.asking?.startsWith('attribute:') ?? false;
  const freeText = askingAttribute || data.asking === 'change' ? slots.description : undefined;
  if (freeText || askingAttribute) {
    delete slots.description;
    heard.description = data.heard.description;
  }
  if (askingAttribute) {
    const question = questions?.find((q) => `attribute:${q.code}` === data.asking);
    const answer = question && answerFor(question, freeText?.value, turn.confirmation);
    if (question && answer !== undefined) draft.attributes[question.code] = answer;
    else prefix = ctx.t.speak('reports:didNotCatchAttribute');
  }
  const choice = data.asking === 'change' ? changeChoice(freeText?.value) : undefined;
  if (choice === 'cancel') return { reply: finish(turn, ctx, ctx.t.speak('reports:cancelled')) };
  if (choice) {
    draft[choice] = undefined;
    delete heard[choice];
    if (choice === 'location') draft.uprn = undefined;
  }
  if (choice === 'issueType' || (slots.issueType?.id && slots.issueType.id !== draft.issueType)) {
    draft.issueType = slots.issueType?.id;
    draft.attributes = {};
    questions = undefined;
  } else if (slots.issueType && !slots.issueType.id && !draft.issueType) {
    prefix = ctx.t.speak('reports:unknownIssueType', { ...contacts(ctx), heard: slots.issueType.value ?? '' });
    delete heard.issueType;
  }
  if (slots.location?.value) {
    draft.location = slots.location.value;
    // A property the caller named (an MCP tool's uprn) is where the problem is.
    draft.uprn = turn.property?.uprn || undefined;
    if (meansMyHome(slots.location.value)) {
      // Without a saved address, find it first; the report resumes with what was said so far.
      const found = await requireAddress(turn, ctx, { intent: REPORT_ISSUE, slots: { ...heard } as Turn['slots'] });
      if ('reply' in found) return found;
      draft.location = found.address.label;
      draft.uprn = found.address.uprn || undefined;
    }
  }
  if (slots.description?.value) draft.description = slots.description.value;
  return { data: { ...data, draft, heard, questions }, prefix };
}

/** The council's required questions for the draft's kind of problem, looked up once. */
async function withQuestions(ctx: HandlerContext, reporter: IssueReporter, data: ReportDialogData): Promise<ReportDialogData | undefined> {
  const issueType = data.draft.issueType;
  if (!issueType || data.questions) return data;
  try {
    return { ...data, questions: (await reporter.questionsFor(issueType)).filter((q) => q.required) };
  } catch (error) {
    if (error instanceof UnsupportedIssueTypeError) return undefined;
    // The council's system is down: carry on; the report waits in the outbox until it is back.
    ctx.logger.warn({ err: error, issueType }, 'could not read the council questions for a report');
    return { ...data, questions: [] };
  }
}

async function handleReportIssue(turn: Turn, ctx: HandlerContext): Promise<Reply> {
  const reporter = ctx.council.reports;
  if (!reporter) return finish(turn, ctx, ctx.t.speak('reports:notAvailable', contacts(ctx)));
  const data = readReportDialog(turn.session);
  if (data.asking === 'confirm' && turn.confirmation === 'CONFIRMED') return submit(turn, ctx, reporter, data);
  if (data.asking === 'confirm' && turn.confirmation === 'DENIED') return askChange(turn, ctx, data);

  const taken = await takeAnswers(turn, ctx, data);
  if ('reply' in taken) return taken.reply;
  const progressed = JSON.stringify(taken.data.draft) !== JSON.stringify(data.draft);
  const misses = progressed || !data.asking ? 0 : data.misses + 1;
  if (misses >= MAX_MISSES) return finish(turn, ctx, ctx.t.speak('reports:givingUp', contacts(ctx)));
  const prefix = taken.prefix ?? (!progressed && data.asking ? ctx.t.speak('reports:didNotCatch') : undefined);
  if (data.asking === 'change' && !progressed) return askChange(turn, ctx, { ...taken.data, misses }, prefix);

  const next = await withQuestions(ctx, reporter, { ...taken.data, misses });
  if (!next) {
    const issue = issueName(ctx, taken.data.draft.issueType);
    return finish(turn, ctx, ctx.t.speak('reports:unsupportedIssueType', { ...contacts(ctx), issue }));
  }
  return askNext(turn, ctx, next, prefix);
}

export const reportIssueHandlers: HandlerMap = {
  // Every report is written to the outbox before it is sent, so none is lost to a council outage.
  [REPORT_ISSUE]: requiring(['outbox'], handleReportIssue),
};
