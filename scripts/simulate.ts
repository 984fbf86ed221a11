/**
 * `npm run simulate` talks to the skill from the terminal, as the simulator page does: type a
 * sentence, see how it was understood and what the resident would hear. `npm run simulate --
 * "when is my bin day"` answers once and exits. Options: --platform alexa | dialogflow-cx |
 * dialogflow-es, --postcode "AB1 2CD" and --permissions address,reminders (the device), --token
 * (an account-link token), --council (in a service of several councils, answer as a resident of
 * that council, by id), --now (stand on that day), --url (a service already running).
 * In the prompt, "/new" starts a new session, "/platform <name>" switches, "/quit" leaves.
 */
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import type { TurnAnswer } from '../src/simulator/run-turn';
import { describeTurn, platformLabel } from './simulator/print-turn';
import { readOptions, type ScriptOptions } from './simulator/read-options';
import { startLocalService } from './simulator/start-local-service';

interface Session {
  baseUrl: string;
  platform: string;
  sessionId: string;
  userId: string;
  options: ScriptOptions;
}

async function say(session: Session, text: string): Promise<string[]> {
  const response = await fetch(`${session.baseUrl}/simulator/api/turns`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      text,
      sessionId: session.sessionId,
      userId: session.userId,
      platform: session.platform,
      device: { postcode: session.options.postcode, permissions: session.options.permissions },
      ...(session.options.accessToken ? { accessToken: session.options.accessToken } : {}),
      ...(session.options.council ? { council: session.options.council } : {}),
    }),
  });
  const body = await response.json() as TurnAnswer & { error?: string };
  if (!response.ok) return [`the simulator refused: ${body.error ?? response.status}`];
  if (body.sessionEnded) session.sessionId = randomUUID();
  return describeTurn(body, '  ');
}

async function converse(session: Session): Promise<void> {
  const prompt = createInterface({ input: process.stdin, output: process.stdout, prompt: 'you> ' });
  console.log(`Talking to the skill on ${platformLabel(session.platform)}. Type what a resident would say; /new, /platform <name>, /quit.`);
  prompt.prompt();
  // Reading lines as they come (rather than question()) keeps piped-in scripts whole.
  for await (const raw of prompt) {
    const line = raw.trim();
    if (line === '/quit' || line === '/exit') break;
    if (line === '/new') {
      session.sessionId = randomUUID();
      console.log('  (new session)');
    } else if (line.startsWith('/platform')) {
      session.platform = line.split(/\s+/)[1] ?? session.platform;
      session.sessionId = randomUUID();
      console.log(`  (new session on ${platformLabel(session.platform)})`);
    } else if (line !== '') {
      for (const out of await say(session, line)) console.log(out);
    }
    prompt.prompt();
  }
  prompt.close();
}

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2));
  const service = options.url ? undefined : await startLocalService({ now: options.now });
  const session: Session = {
    baseUrl: options.url ?? service?.url ?? '',
    platform: options.platform ?? 'alexa',
    sessionId: randomUUID(),
    userId: 'terminal-resident',
    options,
  };
  try {
    if (options.rest.length > 0) {
      for (const out of await say(session, options.rest.join(' '))) console.log(out);
    } else {
      await converse(session);
    }
  } finally {
    await service?.close();
  }
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exitCode = 1;
});
