/**
 * The body of POST /simulator/api/turns: a contract that the page, the CLI and the conversation
 * tests share. Either words (`text`), an intent with slots, or an event (launch, end).
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';

const slotInput = z.union([z.string(), z.object({ value: z.string().optional(), id: z.string().optional() })]);

export const turnRequestSchema = z.object({
  text: z.string().max(2000).nullable().optional(),
  event: z.enum(['launch', 'end']).optional(),
  intent: z.string().min(1).max(100).optional(),
  slots: z.record(z.string(), slotInput).optional(),
  sessionId: z.string().min(1).max(200).optional(),
  userId: z.string().min(1).max(200).default('simulator-resident'),
  platform: z.string().min(1).default('alexa'),
  locale: z.string().min(2).max(20).default('en-GB'),
  device: z.object({
    postcode: z.string().max(20).optional(),
    permissions: z.array(z.enum(['address', 'reminders'])).default([]),
    hasScreen: z.boolean().optional(),
  }).default({ permissions: [] }),
  accessToken: z.string().max(4000).optional(),
  /** In a deployment of several councils: answer as this council's resident; left out, the address decides. */
  council: z.string().min(1).max(200).optional(),
}).refine((body) => (typeof body.text === 'string' && body.text.trim() !== '') || body.event !== undefined || body.intent !== undefined, {
  message: 'say something: give "text", or "intent" (with "slots"), or "event": "launch"',
});

export type TurnRequest = z.infer<typeof turnRequestSchema> & { sessionId: string };

/** The checked request, with a fresh session id when none was given; or the first problem. */
export function readTurnRequest(body: unknown): { ok: true; request: TurnRequest } | { ok: false; error: string } {
  const parsed = turnRequestSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return { ok: false, error: `${where}${issue?.message ?? 'not a JSON object'}` };
  }
  return { ok: true, request: { ...parsed.data, sessionId: parsed.data.sessionId ?? randomUUID() } };
}
