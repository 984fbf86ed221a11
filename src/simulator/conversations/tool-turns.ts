/**
 * Tool-call turns of a conversation test: the call goes through the simulator's MCP API (the
 * SDK client against this server's /mcp), and the result is checked against what the file expects.
 */
import type { ConversationTurn } from './conversation-file';
import { matchesText } from './text-match';

export interface ToolResult {
  content?: { type: string; text?: string }[];
  structuredContent?: Record<string, unknown>;
  isError?: boolean;
}

export async function callTool(baseUrl: string, tool: string, args: Record<string, unknown>, token?: string): Promise<{ result: ToolResult } | { error: string }> {
  const response = await fetch(`${baseUrl}/simulator/mcp-api/calls`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tool, arguments: args, ...(token ? { token } : {}) }),
  });
  const body = await response.json() as { result?: ToolResult; error?: string };
  if (!response.ok || !body.result) return { error: `the MCP call was refused (${response.status}): ${body.error ?? 'no reason given'}` };
  return { result: body.result };
}

function textOf(result: ToolResult): string {
  return (result.content ?? []).map((part) => part.text ?? '').join(' ');
}

/** True when `actual` has every value of `expected` (objects and arrays compared by their listed parts; "/x/" strings as regexes). */
function contains(actual: unknown, expected: unknown): boolean {
  if (typeof expected === 'string' && /^\/.*\/[a-z]*$/s.test(expected) && typeof actual === 'string') return matchesText(actual, expected);
  if (Array.isArray(expected)) return Array.isArray(actual) && expected.every((item, i) => contains(actual[i], item));
  if (typeof expected === 'object' && expected !== null) {
    if (typeof actual !== 'object' || actual === null) return false;
    return Object.entries(expected).every(([key, value]) => Object.hasOwn(actual, key) && contains((actual as Record<string, unknown>)[key], value));
  }
  return actual === expected;
}

export function checkToolResult(turn: ConversationTurn, result: ToolResult): string[] {
  const want = turn.expect;
  const failures: string[] = [];
  const text = textOf(result);
  if (want.reply !== undefined) {
    if (!matchesText(text, want.reply)) failures.push(`tool text "${text}" does not match ${want.reply}`);
  }
  if (want.isError !== undefined && (result.isError === true) !== want.isError) {
    failures.push(want.isError ? 'the tool succeeded, expected an error' : `the tool failed: ${text}`);
  }
  if (want.structured !== undefined && !contains(result.structuredContent, want.structured)) {
    failures.push(`structuredContent ${JSON.stringify(result.structuredContent)} does not have ${JSON.stringify(want.structured)}`);
  }
  return failures;
}
