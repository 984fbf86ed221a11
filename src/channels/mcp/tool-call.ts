/**
 * One tool call as the core sees it: a Turn built from the tool's arguments, answered by the
 * same skill the voice channels use, and the Reply turned back into an MCP tool result (the
 * words as text, the reply's facts as structuredContent, a council fault as isError).
 */
import type { CallToolResult, ElicitRequestFormParams } from '@modelcontextprotocol/sdk/types.js';
import type { CouncilInfo } from '../../core/council-info';
import type { Translator, TranslatorFactory } from '../../core/i18n';
import type { Reply } from '../../core/reply';
import type { Skill } from '../../core/skill';
import { toPlainText } from '../../core/speech';
import { createTurn, type SlotValue, type Turn } from '../../core/turn';
import type { Caller } from './bearer-auth';

export const LOCALE = 'en-GB';

/** What every tool needs, composed once. */
export interface ToolDeps {
  skill: Skill;
  info: CouncilInfo;
  translators: TranslatorFactory;
  /** The ISSUE_TYPE ids and names from the language model: report_problem's issue_type values. */
  issueTypes: { id: string; name: string }[];
  /** The council's local date now, for the report's idempotency key. */
  today(): string;
  /** The personal tools are offered (an identity provider is configured). */
  personalTools?: boolean;
}

/** Who is calling this time, and what the connection allows. */
export interface CallContext {
  caller?: Caller;
  /** Asks the client a question mid-call (elicitation); absent when the client cannot be asked. */
  elicit?: (message: string, schema: ElicitSchema) => Promise<{ action: 'accept' | 'decline' | 'cancel'; content?: Record<string, unknown> }>;
}

/** The form a question to the client takes (MCP elicitation, form mode). */
export type ElicitSchema = ElicitRequestFormParams['requestedSchema'];

/** A resident's id for the core: the token's subject, or none for anonymous callers (nothing is saved for them). */
export function userIdOf(call: CallContext): string {
  return call.caller ? `mcp:${call.caller.subject}` : '';
}

export function turnFor(call: CallContext, intent: string, slots: Record<string, SlotValue>, more: Partial<Turn> = {}): Turn {
  return createTurn({
    kind: 'intent',
    intent,
    slots,
    locale: LOCALE,
    userId: userIdOf(call),
    requestId: globalThis.crypto.randomUUID(),
    isNewSession: true,
    ...more,
  });
}

/** The reply's words without the voice closing ("Is there anything else…?"), which means nothing to a tool caller. */
export function replyText(reply: Reply, t: Translator): string {
  const text = toPlainText(reply.speech);
  const closing = t.text('common:anythingElse');
  return text.endsWith(closing) ? text.slice(0, -closing.length).trim() : text;
}

export function toolResult(text: string, structured: Record<string, unknown>): CallToolResult {
  return { content: [{ type: 'text', text }], structuredContent: structured };
}

/** A failure the resident should hear about: what failed, and the council's phone and website. */
export function toolError(text: string): CallToolResult {
  return { content: [{ type: 'text', text }], isError: true };
}

/** Pence as pounds, for JSON: 198012 → 1980.12. */
export function pounds(pence: number): number {
  return Math.round(pence) / 100;
}

export function translatorFor(deps: ToolDeps): Translator {
  return deps.translators.forLocale(LOCALE);
}

/** The contacts every fallback sentence names. */
export function contacts(info: CouncilInfo): Record<string, string> {
  return { council: info.name, phone: info.phone, website: info.website };
}
