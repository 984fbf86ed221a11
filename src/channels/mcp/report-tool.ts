/**
 * report_problem: the voice dialog for a report, driven turn by turn with what the tool was
 * given. The council's questions are answered from `answers` or asked through elicitation; the
 * read-back needs the resident's yes, through elicitation where the client supports it, else a
 * second call with `confirm: true`. Sending goes through the core's outbox like every report,
 * with an idempotency key made from the report itself, so a retried confirm finds the first.
 */
import { createHash } from 'node:crypto';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { ReplyFacts } from '../../core/facts';
import type { Reply } from '../../core/reply';
import { REPORT_ISSUE } from '../../core/reports/report-dialog';
import type { SlotValue, Turn } from '../../core/turn';
import { contacts, replyText, toolError, toolResult, translatorFor, turnFor, userIdOf, type CallContext, type ToolDeps } from './tool-call';

export interface ReportArgs {
  issue_type: string;
  location: string;
  description: string;
  uprn?: string;
  postcode?: string;
  answers?: Record<string, string>;
  confirm?: boolean;
}

type Question = Extract<ReplyFacts, { kind: 'report-question' }>;
type Draft = Extract<ReplyFacts, { kind: 'report-draft' }>;

/** Council questions plus the read-back: more turns than this means the dialog is not moving. */
const MAX_TURNS = 12;

/**
 * The same report from the same caller on the same day gets the same key: a client that retries
 * its confirm call (or a resident who confirms twice) files one report, not two.
 */
export function reportKey(deps: ToolDeps, call: CallContext, args: ReportArgs): string {
  const answers = Object.entries(args.answers ?? {}).sort(([a], [b]) => a.localeCompare(b));
  const content = JSON.stringify([userIdOf(call), deps.today(), args.issue_type, args.location.trim(), args.description.trim(), args.uprn ?? '', args.postcode?.trim() ?? '', answers]);
  return `mcp-report-${createHash('sha256').update(content).digest('hex').slice(0, 32)}`;
}

function draftOf(facts: Draft): Record<string, unknown> {
  return { issue_type: facts.issueType, location: facts.location, description: facts.description, ...(facts.uprn ? { uprn: facts.uprn } : {}), answers: facts.answers };
}

/** The resident's answer to one of the council's questions, asked through the client. */
async function elicitAnswer(call: CallContext, question: Question): Promise<string | undefined> {
  if (!call.elicit) return undefined;
  const options = question.options ?? [];
  const field = options.length > 0
    ? { type: 'string' as const, title: question.question, enum: options.map((o) => o.key), enumNames: options.map((o) => o.name) }
    : { type: 'string' as const, title: question.question };
  const answer = await call.elicit(question.question, { type: 'object', properties: { answer: field }, required: ['answer'] });
  const value = answer.action === 'accept' ? answer.content?.answer : undefined;
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** The resident's yes to the read-back, asked through the client. */
async function elicitYes(call: CallContext, readBack: string, title: string): Promise<boolean> {
  if (!call.elicit) return false;
  const answer = await call.elicit(readBack, { type: 'object', properties: { send: { type: 'boolean', title } }, required: ['send'] });
  return answer.action === 'accept' && answer.content?.send === true;
}

function outcomeResult(reply: Reply, text: string, facts: Extract<ReplyFacts, { kind: 'report-outcome' }>, report?: Record<string, unknown>): CallToolResult {
  const result = toolResult(text, { status: facts.outcome, ...(facts.reference ? { reference: facts.reference } : {}), ...(report ? { report } : {}), message: text });
  // Refused for good: the resident must use the phone or website, and the client should see a failure.
  return facts.outcome === 'rejected' ? { ...result, isError: true } : result;
}

export async function reportProblem(deps: ToolDeps, call: CallContext, args: ReportArgs): Promise<CallToolResult> {
  const t = translatorFor(deps);
  const type = deps.issueTypes.find((i) => i.id === args.issue_type);
  const base: Partial<Turn> = {
    requestId: reportKey(deps, call, args),
    // In a service of several councils, the postcode says whose report it is ('' when no uprn was given).
    property: args.uprn || args.postcode ? { uprn: args.uprn ?? '', label: args.location, ...(args.postcode ? { postcode: args.postcode } : {}) } : undefined,
  };
  const slots: Record<string, SlotValue> = {
    issueType: { value: type?.name ?? args.issue_type, id: type?.id },
    location: { value: args.location },
    description: { value: args.description },
  };
  let reply = await deps.skill.handle(turnFor(call, REPORT_ISSUE, slots, base));
  let report: Record<string, unknown> | undefined;
  const asked = new Set<string>();
  for (let turns = 0; turns < MAX_TURNS; turns += 1) {
    if (reply.failed) return toolError(replyText(reply, t));
    const facts = reply.facts;
    const next = (more: Partial<Turn>, said: Record<string, SlotValue> = {}) =>
      deps.skill.handle(turnFor(call, REPORT_ISSUE, said, { ...base, session: reply.session ?? {}, ...more }));
    if (facts?.kind === 'report-question') {
      const given = args.answers && Object.hasOwn(args.answers, facts.code) ? args.answers[facts.code] : undefined;
      // An answer the council's list does not take is asked again; ask the resident, not the same answer twice.
      const answer = !asked.has(facts.code) && given !== undefined ? given : await elicitAnswer(call, facts);
      asked.add(facts.code);
      if (answer === undefined) {
        // The council that will receive the report asks, which in a service of several is not the service.
        const message = t.text('mcp:needsAnswer', { council: facts.council, question: facts.question, code: facts.code });
        return toolResult(message, { status: 'needs-answer', question: { code: facts.code, question: facts.question, options: facts.options }, message });
      }
      reply = await next({}, { description: { value: answer } });
      continue;
    }
    if (facts?.kind === 'report-draft') {
      report = draftOf(facts);
      const readBack = replyText(reply, t);
      const yes = call.elicit
        ? await elicitYes(call, readBack, t.text('mcp:confirmTitle', { council: facts.council }))
        : args.confirm === true;
      if (!yes && call.elicit) {
        const message = t.text('mcp:notSent');
        return toolResult(message, { status: 'not-sent', report, message });
      }
      if (!yes) {
        const message = `${readBack} ${t.text('mcp:confirmToSend')}`;
        return toolResult(message, { status: 'needs-confirmation', report, message });
      }
      reply = await next({ confirmation: 'CONFIRMED' });
      continue;
    }
    if (facts?.kind === 'report-outcome') return outcomeResult(reply, replyText(reply, t), facts, report);
    // No reports here, a kind of problem the council does not take, a location to ask about:
    // the handler's own words say what to do instead.
    return toolError(replyText(reply, t));
  }
  return toolError(t.text('mcp:notAvailable', contacts(deps.info)));
}
