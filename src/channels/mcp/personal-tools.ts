/**
 * Personal tools: offered only with an identity provider configured, and called only with a
 * bearer token the resource server has verified (the HTTP layer refuses the call otherwise).
 * The token is passed on to the council's account API, which is the same identity provider's
 * resource: it names that API in its audience too (see the README, "Gemini and other MCP clients").
 */
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { COUNCIL_TAX_BALANCE } from '../../core/handlers/council-tax';
import { contacts, pounds, replyText, toolError, toolResult, translatorFor, turnFor, type CallContext, type ToolDeps } from './tool-call';

export async function getCouncilTaxBalance(deps: ToolDeps, call: CallContext): Promise<CallToolResult> {
  const t = translatorFor(deps);
  if (!call.caller) return toolError(t.text('mcp:signInNeeded', contacts(deps.info)));
  const reply = await deps.skill.handle(turnFor(call, COUNCIL_TAX_BALANCE, {}, { accessToken: call.caller.token }));
  if (reply.failed) return toolError(replyText(reply, t));
  if (reply.next?.type === 'link-account') return toolError(t.text('mcp:signInAgain', contacts(deps.info)));
  const facts = reply.facts?.kind === 'council-tax-balance' ? reply.facts : undefined;
  if (!facts) return toolError(replyText(reply, t));
  const next = facts.nextInstalment;
  return toolResult(replyText(reply, t), {
    year: facts.year,
    balance: pounds(facts.balancePence),
    ...(next ? { next_instalment: { date: next.date, amount: pounds(next.amountPence) } } : {}),
  });
}
