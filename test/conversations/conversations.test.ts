/**
 * Every conversation test in this folder (see src/simulator/conversations/conversation-file.ts),
 * on each platform it lists, through the simulator API against the demo council. The service
 * stands on Friday 27 November 2026, so the demo council's dates in the files stay true.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { readConversationFile } from '../../src/simulator/conversations/conversation-file';
import { runConversation } from '../../src/simulator/conversations/run-conversation';
import { startSimulatorApp, type SimulatorApp } from '../simulator/support/simulator-app';

const files = readdirSync(__dirname).filter((f) => f.endsWith('.yaml')).sort();
const cases = files.flatMap((file) => {
  const conversation = readConversationFile(path.join(__dirname, file));
  return conversation.platforms.map((platform) => ({ file, platform, conversation }));
});

let app: SimulatorApp;
beforeAll(async () => {
  app = await startSimulatorApp();
});
afterAll(async () => {
  await app.close();
});

it('finds the conversation files', () => {
  expect(files.length).toBeGreaterThanOrEqual(5);
});

it.each(cases)('$file on $platform', async ({ file, platform, conversation }) => {
  const run = `${file}-${platform}`;
  const outcome = await runConversation(conversation, platform, { baseUrl: app.url, userId: `resident-${run}`, sessionId: `session-${run}` });
  const failures = outcome.turns.flatMap((t, i) => t.failures.map((f) => `turn ${i + 1} (${t.turn.say ?? t.turn.event ?? t.turn.intent}): ${f}`));
  expect(failures).toEqual([]);
  expect(outcome.turns).toHaveLength(conversation.turns.length);
});
