/**
 * `npm run conversations -- test/conversations/bin-day-by-voice.yaml` replays conversation tests
 * through the simulator and prints each turn. With no file it runs every one in
 * test/conversations. Options: --platform alexa (only that platform), --url http://127.0.0.1:3000
 * (a service already running; otherwise one is started here, with the demo council unless
 * COUNCIL_CONFIG is set), --now 2026-11-27T10:00:00Z (stand on that day; files may say `now:`).
 * Exits 1 when any turn does not match.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readConversationFile, type ConversationFile } from '../src/simulator/conversations/conversation-file';
import { runConversation } from '../src/simulator/conversations/run-conversation';
import { describeTurn, platformLabel } from './simulator/print-turn';
import { readOptions } from './simulator/read-options';
import { startLocalService } from './simulator/start-local-service';

const DEFAULT_FOLDER = path.resolve(__dirname, '../test/conversations');

function yamlFiles(targets: string[]): string[] {
  return (targets.length > 0 ? targets : [DEFAULT_FOLDER]).flatMap((target) => {
    if (!statSync(target).isDirectory()) return [target];
    return readdirSync(target).filter((f) => f.endsWith('.yaml') || f.endsWith('.yml')).sort().map((f) => path.join(target, f));
  });
}

async function replay(file: string, conversation: ConversationFile, baseUrl: string, only: string | undefined): Promise<boolean> {
  let passed = true;
  const platforms = only ? conversation.platforms.filter((p) => p === only) : conversation.platforms;
  for (const platform of platforms) {
    console.log(`\n${conversation.name} — ${platformLabel(platform)}  (${path.relative(process.cwd(), file)})`);
    const run = randomUUID();
    const outcome = await runConversation(conversation, platform, { baseUrl, userId: `conversation-test-${run}`, sessionId: run });
    outcome.turns.forEach(({ turn, answer, failures }, i) => {
      const said = turn.say !== undefined ? `“${turn.say}”` : turn.event ? `(${turn.event})` : `(${turn.intent})`;
      console.log(`  ${i + 1}. resident: ${said}`);
      if (answer) for (const line of describeTurn(answer, '     ')) console.log(line);
      for (const failure of failures) console.log(`     ✗ ${failure}`);
      if (failures.length === 0) console.log('     ✓ as expected');
    });
    console.log(outcome.passed ? '  passed' : '  FAILED');
    passed &&= outcome.passed;
  }
  return passed;
}

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2));
  const files = yamlFiles(options.rest).map((file) => ({ file, conversation: readConversationFile(file) }));
  let failed = 0;
  if (options.url) {
    for (const { file, conversation } of files) if (!(await replay(file, conversation, options.url, options.platform))) failed++;
  } else {
    // One service per day the files stand on, as the test suite does.
    const days = [...new Set(files.map((f) => options.now ?? f.conversation.now ?? ''))];
    for (const day of days) {
      // Test residents' saved addresses go in a throwaway folder, not the service's own data.
      const dataDir = mkdtempSync(path.join(tmpdir(), 'council-voice-conversations-'));
      const service = await startLocalService({ now: day || undefined, dataDir });
      try {
        for (const { file, conversation } of files.filter((f) => (options.now ?? f.conversation.now ?? '') === day)) {
          if (!(await replay(file, conversation, service.url, options.platform))) failed++;
        }
      } finally {
        await service.close();
        rmSync(dataDir, { recursive: true, force: true });
      }
    }
  }
  console.log(failed === 0 ? `\nAll ${files.length} conversation file(s) passed.` : `\n${failed} conversation run(s) failed.`);
  process.exitCode = failed === 0 ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exitCode = 1;
});
