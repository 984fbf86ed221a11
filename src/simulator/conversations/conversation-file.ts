/**
 * Conversation tests: YAML files staff write or save from the simulator page, replayed through
 * the simulator API on each platform they list.
 *
 * ```yaml
 * name: bin day for a saved address
 * device: { postcode: "AB1 2CD", permissions: [address] }
 * platforms: [alexa, dialogflow-cx, dialogflow-es]
 * turns:
 *   - say: when is my bin day
 *     expect: { intent: GetBinCollectionIntent, reply: "/recycling/i", endSession: false }
 * ```
 * A turn says words (`say`), opens or ends the session (`event: launch | end`), names an
 * intent with slots, or calls an MCP tool (`tool`, `arguments`; expect `reply` for its text,
 * `isError`, `structured` for its structuredContent). `reply` is words the reply must contain (any case) or a `/regex/flags`.
 * `council` (optional) is the council the resident belongs to, in a service of several.
 * `now` (optional) is when the conversation happens, so answers with dates stay true on replay;
 * without it the service's own clock decides.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

export const ALL_PLATFORMS = ['alexa', 'dialogflow-cx', 'dialogflow-es'] as const;

const expectSchema = z.object({
  intent: z.string().optional(),
  /** Slot name → the resolved id, or the words for free-form slots. */
  slots: z.record(z.string(), z.string()).optional(),
  reply: z.string().optional(),
  reprompt: z.string().optional(),
  endSession: z.boolean().optional(),
  /** Warning codes that must appear, e.g. [no-reprompt]; [] means none at all. */
  warnings: z.array(z.string()).optional(),
  /** For a tool call: whether the result is an error (a council fault, a bad argument). */
  isError: z.boolean().optional(),
  /** For a tool call: values its structuredContent must have (a subset; strings may be /regex/). */
  structured: z.record(z.string(), z.unknown()).optional(),
}).strict();

const turnSchema = z.object({
  say: z.union([z.string(), z.number()]).transform(String).optional(),
  event: z.enum(['launch', 'end']).optional(),
  intent: z.string().optional(),
  slots: z.record(z.string(), z.union([z.string(), z.number()]).transform(String)).optional(),
  /** An MCP tool to call (through /mcp, as an assistant would), with its arguments. */
  tool: z.string().optional(),
  arguments: z.record(z.string(), z.unknown()).optional(),
  expect: expectSchema.default({}),
}).strict().refine((turn) => [turn.say, turn.event, turn.intent, turn.tool].filter((x) => x !== undefined).length === 1, {
  message: 'each turn needs exactly one of say, event, intent or tool',
});

export const conversationFileSchema = z.object({
  name: z.string().min(1),
  device: z.object({
    postcode: z.string().optional(),
    permissions: z.array(z.enum(['address', 'reminders'])).default([]),
    hasScreen: z.boolean().optional(),
  }).strict().default({ permissions: [] }),
  accessToken: z.string().optional(),
  /**
   * In a service of several councils: the council the resident belongs to, by id, as the page's
   * council picker sets it (without it, the resident's address decides).
   */
  council: z.string().min(1).optional(),
  /** `mcp` runs a file of tool calls only (no words to understand). */
  platforms: z.array(z.enum([...ALL_PLATFORMS, 'mcp'])).min(1).default([...ALL_PLATFORMS]),
  locale: z.string().default('en-GB'),
  now: z.union([z.string(), z.date()]).transform((v) => (v instanceof Date ? v.toISOString() : v))
    .refine((v) => !Number.isNaN(new Date(v).getTime()), 'must be a date and time like 2026-11-27T10:00:00Z').optional(),
  turns: z.array(turnSchema).min(1),
}).strict().refine((file) => !file.platforms.includes('mcp') || file.turns.every((turn) => turn.tool !== undefined), {
  message: 'on platform mcp every turn is a tool call',
  path: ['platforms'],
});

export type ConversationFile = z.infer<typeof conversationFileSchema>;
export type ConversationTurn = ConversationFile['turns'][number];

export class ConversationFileError extends Error {
  override name = 'ConversationFileError';
}

/** Reads and checks one file; a mistake names the file and the key at fault. */
export function readConversationFile(file: string): ConversationFile {
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConversationFileError(`${path.basename(file)}: cannot read it as YAML: ${(error as Error).message}`);
  }
  const parsed = conversationFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConversationFileError(`${path.basename(file)}: ${issue?.path.join('.') || '(top level)'}: ${issue?.message}`);
  }
  return parsed.data;
}
