import type { ResponseEnvelope } from 'ask-sdk-model';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startDemoCouncil, type DemoCouncil } from '../../../src/demo-council/server';
import { loadEnvelope } from './fixtures';

type Handler = (event: unknown) => Promise<ResponseEnvelope>;
const ssmlOf = (out: ResponseEnvelope) => (out.response.outputSpeech?.type === 'SSML' ? out.response.outputSpeech.ssml : '');

/** The handler as a new Lambda container loads it: nothing composed yet. */
async function freshHandler(): Promise<Handler> {
  let handler: Handler | undefined;
  await jest.isolateModulesAsync(async () => {
    handler = (await import('../../../src/channels/alexa/lambda')).handler as Handler;
  });
  if (!handler) throw new Error('no handler exported');
  return handler;
}

describe('the Alexa Lambda entry', () => {
  let demo: DemoCouncil;
  let dataDir: string;
  const saved = { ...process.env };

  beforeAll(async () => {
    demo = await startDemoCouncil({ host: '127.0.0.1', port: 0 });
    dataDir = mkdtempSync(path.join(tmpdir(), 'council-voice-lambda-'));
    // What serverless.yml sets for the function.
    Object.assign(process.env, { DEMO_COUNCIL_URL: demo.url, DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    delete process.env.COUNCIL_CONFIG;
  });
  afterAll(async () => {
    process.env = saved;
    await demo.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('answers an Alexa LaunchRequest event, and keeps answering on a warm container', async () => {
    const handler = await freshHandler();
    const first = await handler(loadEnvelope('launch'));
    expect(ssmlOf(first)).toMatch(/Demo Borough Council/);
    const second = await handler(loadEnvelope('amazon-help'));
    expect(ssmlOf(second)).toMatch(/bin day/);
  });

  test('an event that is not an Alexa request fails the invocation rather than answering', async () => {
    const handler = await freshHandler();
    await expect(handler({ hello: 'world' })).rejects.toThrow(/not an Alexa request/);
  });
});
