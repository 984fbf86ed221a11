/**
 * Replays a conversation test through POST /simulator/api/turns and checks each answer against
 * what the file expects. The same runner serves `npm test` and `npm run conversations`.
 */
import type { TurnAnswer } from '../run-turn';
import type { ConversationFile, ConversationTurn } from './conversation-file';
import { matchesText } from './text-match';
import { callTool, checkToolResult, type ToolResult } from './tool-turns';

export interface TurnOutcome {
  turn: ConversationTurn;
  /** The API's answer, when it gave one. */
  answer?: TurnAnswer;
  /** A tool call's result, as the MCP client received it. */
  toolResult?: ToolResult;
  /** What did not match, in words a council officer can act on. */
  failures: string[];
}

export interface ConversationOutcome {
  name: string;
  platform: string;
  turns: TurnOutcome[];
  passed: boolean;
}

export { matchesText } from './text-match';

export function checkAnswer(turn: ConversationTurn, answer: TurnAnswer): string[] {
  const want = turn.expect;
  const failures: string[] = [];
  if (want.intent !== undefined && answer.intent.name !== want.intent) {
    failures.push(`understood as ${answer.intent.name}, expected ${want.intent}`);
  }
  for (const [name, expected] of Object.entries(want.slots ?? {})) {
    const got = answer.slots[name];
    const same = got && (got.id === expected || got.value.toLowerCase() === expected.toLowerCase());
    if (!same) failures.push(`slot ${name} was ${got ? `"${got.value}"${got.id ? ` (${got.id})` : ''}` : 'empty'}, expected ${expected}`);
  }
  if (want.reply !== undefined && !matchesText(answer.reply.text, want.reply)) {
    failures.push(`reply "${answer.reply.text}" does not match ${want.reply}`);
  }
  if (want.reprompt !== undefined && !matchesText(answer.reply.reprompt ?? '', want.reprompt)) {
    failures.push(`reprompt "${answer.reply.reprompt ?? ''}" does not match ${want.reprompt}`);
  }
  if (want.endSession !== undefined && answer.reply.endSession !== want.endSession) {
    failures.push(want.endSession ? 'the session stayed open, expected it to end' : 'the session ended, expected it to stay open');
  }
  if (want.warnings !== undefined) {
    const codes = answer.warnings.map((w) => w.code);
    if (want.warnings.length === 0 && codes.length > 0) failures.push(`warnings: ${answer.warnings.map((w) => w.message).join(' ')}`);
    for (const code of want.warnings) if (!codes.includes(code as never)) failures.push(`expected warning ${code}`);
  }
  return failures;
}

export interface RunOptions {
  /** Base URL of a server with the simulator mounted, e.g. http://127.0.0.1:3000 */
  baseUrl: string;
  /** The resident's id; a fresh one per run keeps saved addresses from leaking between files. */
  userId: string;
  sessionId: string;
}

function bodyFor(file: ConversationFile, turn: ConversationTurn, platform: string, options: RunOptions): object {
  const base = {
    sessionId: options.sessionId, userId: options.userId, platform, locale: file.locale, device: file.device,
    ...(file.accessToken ? { accessToken: file.accessToken } : {}),
    ...(file.council ? { council: file.council } : {}),
  };
  if (turn.event) return { ...base, text: null, event: turn.event };
  if (turn.intent) return { ...base, intent: turn.intent, slots: turn.slots ?? {} };
  return { ...base, text: turn.say };
}

/** Runs every turn in order; stops at the first turn the API refuses. */
export async function runConversation(file: ConversationFile, platform: string, options: RunOptions): Promise<ConversationOutcome> {
  const turns: TurnOutcome[] = [];
  for (const turn of file.turns) {
    if (turn.tool !== undefined) {
      const called = await callTool(options.baseUrl, turn.tool, turn.arguments ?? {}, file.accessToken);
      if ('error' in called) {
        turns.push({ turn, failures: [called.error] });
        break;
      }
      turns.push({ turn, toolResult: called.result, failures: checkToolResult(turn, called.result) });
      continue;
    }
    const response = await fetch(`${options.baseUrl}/simulator/api/turns`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(bodyFor(file, turn, platform, options)),
    });
    const body = await response.json() as TurnAnswer & { error?: string };
    if (!response.ok) {
      turns.push({ turn, failures: [`the simulator refused the turn (${response.status}): ${body.error ?? 'no reason given'}`] });
      break;
    }
    turns.push({ turn, answer: body, failures: checkAnswer(turn, body) });
  }
  return { name: file.name, platform, turns, passed: turns.every((t) => t.failures.length === 0) };
}
