/**
 * What the resident hears about a report: the council's questions, the read-back before sending,
 * and what happened when it was sent.
 */
import type { ReportQuestion } from '../council';
import { ReportRejectedError, UnsupportedIssueTypeError } from './errors';
import type { HandlerContext } from '../skill';
import { characters, joinSpeech, type Speech } from '../speech';
import type { ReportDraft } from './report-dialog';
import type { SendOutcome } from './send-report';

/** Longest council text the skill reads out; anything longer is left to the website. */
const MAX_SPOKEN_COUNCIL_TEXT = 160;

/** The council's own sentence, when it is short enough to hear in one go. */
export function speakableCouncilText(text: string | undefined): string | undefined {
  const clean = text?.replace(/\s+/g, ' ').trim();
  return clean && clean.length <= MAX_SPOKEN_COUNCIL_TEXT ? clean : undefined;
}

/** "a pothole", from the locale; the id itself if the locale has no words for it. */
export function issueName(ctx: HandlerContext, issueType: string | undefined): string {
  const key = `reports:issueTypes.${issueType ?? ''}`;
  return ctx.t.has(key) ? ctx.t.text(key) : (issueType ?? '').toLowerCase().replace(/_/g, ' ');
}

export function contacts(ctx: HandlerContext): Record<string, string> {
  return { council: ctx.info.name, website: ctx.info.website, phone: ctx.info.phone };
}

/** The council's question, with its choices said as "small, medium or large". */
export function speakQuestion(ctx: HandlerContext, question: ReportQuestion): { speech: Speech; reprompt: Speech } {
  const own = `reports:attributes.${question.code}`;
  const text = ctx.t.has(own) ? ctx.t.text(own) : question.question;
  const names = (question.values ?? []).map((v) => v.name);
  const options = names.length > 0
    ? ctx.t.speak('reports:askAttributeOptions', { options: new Intl.ListFormat(ctx.t.locale, { type: 'disjunction' }).format(names) })
    : undefined;
  return {
    speech: joinSpeech({ parts: [{ type: 'text', text }] }, options),
    reprompt: ctx.t.speak('reports:askAttributeReprompt', { question: text }),
  };
}

export function speakReadBack(ctx: HandlerContext, draft: ReportDraft): Speech {
  return ctx.t.speak('reports:readBack', {
    issue: issueName(ctx, draft.issueType),
    location: draft.location ?? '',
    description: draft.description ?? '',
    council: ctx.info.name,
  });
}

/** What the resident hears once they said yes. */
export function speakOutcome(ctx: HandlerContext, outcome: SendOutcome): Speech {
  switch (outcome.kind) {
    case 'accepted': {
      const notice = speakableCouncilText(outcome.notice);
      return joinSpeech(
        ctx.t.speak('reports:sent', { council: ctx.info.name, reference: characters(outcome.reference) }),
        notice ? ctx.t.speak('reports:sentNotice', { notice }) : undefined,
      );
    }
    case 'queued':
      return ctx.t.speak('reports:received', { council: ctx.info.name });
    case 'saved':
      return ctx.t.speak(outcome.keyRefused ? 'reports:savedUntilAccepted' : 'reports:saved', contacts(ctx));
    case 'rejected': {
      if (outcome.error instanceof UnsupportedIssueTypeError) {
        return ctx.t.speak('reports:unsupportedIssueType', { ...contacts(ctx), issue: issueName(ctx, outcome.error.issueType) });
      }
      // The council's reason helps when it is about the report (400, 422: "outside our area");
      // "service_code X not found" is about our configuration and only puzzles a resident.
      const aboutTheReport = outcome.error instanceof ReportRejectedError && (outcome.error.status === 400 || outcome.error.status === 422);
      const reason = aboutTheReport ? speakableCouncilText((outcome.error as ReportRejectedError).detail) : undefined;
      return reason
        ? ctx.t.speak('reports:rejectedWithReason', { ...contacts(ctx), reason: reason.replace(/[.!]+$/, '') })
        : ctx.t.speak('reports:rejected', contacts(ctx));
    }
  }
}
