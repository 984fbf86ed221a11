/**
 * Every conversation test in this folder (see src/simulator/conversations/conversation-file.ts),
 * on each platform it lists, through the simulator API against the demo council, standing on
 * the day each file names with `now`.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { readConversationFile } from '../../src/simulator/conversations/conversation-file';
import { runConversation } from '../../src/simulator/conversations/run-conversation';
import { startSimulatorApp, type SimulatorApp } from '../simulator/support/simulator-app';

const files = readdirSync(__dirname).filter((f) => f.endsWith('.yaml')).sort();
const conversations = files.map((file) => ({ file, conversation: readConversationFile(path.join(__dirname, file)) }));
// One service per day the files stand on; a file without `now` runs on today.
const days = [...new Set(conversations.map((c) => c.conversation.now ?? new Date().toISOString()))];

it('finds the conversation files', () => {
  expect(files.length).toBeGreaterThanOrEqual(5);
});

describe.each(days)('on %s', (now) => {
  let app: SimulatorApp;
  beforeAll(async () => {
    app = await startSimulatorApp(now);
  });
  afterAll(async () => {
    await app.close();
  });

  const cases = conversations
    .filter((c) => (c.conversation.now ?? now) === now)
    .flatMap(({ file, conversation }) => conversation.platforms.map((platform) => ({ file, platform, conversation })));

  it.each(cases)('$file on $platform', async ({ file, platform, conversation }) => {
    const run = `${file}-${platform}`;
    const outcome = await runConversation(conversation, platform, { baseUrl: app.url, userId: `resident-${run}`, sessionId: `session-${run}` });
    const failures = outcome.turns.flatMap((t, i) => t.failures.map((f) => `turn ${i + 1} (${t.turn.say ?? t.turn.event ?? t.turn.intent ?? t.turn.tool}): ${f}`));
    expect(failures).toEqual([]);
    expect(outcome.turns).toHaveLength(conversation.turns.length);
  });
});
