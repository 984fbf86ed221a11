import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ResponseEnvelope } from 'ask-sdk-model';
import { DEMO_CONFIG_PATH, loadConfig } from '../../src/config/load-config';
import type { HttpCall } from '../../src/connectors/http';
import { DynamoDbProfileStore } from '../../src/connectors/stores/dynamodb-profile-store';
import { silentLogger } from '../../src/core/logger';
import { startDemoCouncil, type DemoCouncil } from '../../src/demo-council/server';
import { compose } from '../../src/entry/compose';
import type { Composition } from '../../src/server/composition';
import { loadEnvelope } from '../channels/alexa/fixtures';
import type { AlexaHandler } from '../../src/channels/alexa';
import { alexaOf } from '../support/channels';

const speechOf = (out: ResponseEnvelope) => (out.response.outputSpeech?.type === 'SSML' ? out.response.outputSpeech.ssml : '');

describe('the composed application against the demo council over HTTP', () => {
  let demo: DemoCouncil;
  let dataDir: string;
  let app: Composition;
  let alexa: AlexaHandler;

  beforeAll(async () => {
    demo = await startDemoCouncil({ host: '127.0.0.1', port: 0 });
    dataDir = mkdtempSync(path.join(tmpdir(), 'council-voice-compose-'));
    const config = loadConfig(DEMO_CONFIG_PATH, { DEMO_COUNCIL_URL: demo.url });
    app = compose({ config, env: {}, dataDir, logger: silentLogger, clock: { now: () => new Date('2026-11-27T10:00:00Z') } });
    alexa = alexaOf(app);
  });
  afterAll(async () => {
    await app.close();
    await demo.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('opening the skill names the demo council', async () => {
    expect(speechOf(await alexa(loadEnvelope('launch')))).toMatch(/Demo Borough Council/);
  });

  test('a saved address gets its bin day from the council\'s calendar feed, and the calls can be watched', async () => {
    const envelope = loadEnvelope('get-bin-collection');
    const userId = envelope.session?.user.userId ?? '';
    await app.services.profiles.put({ userId, address: { uprn: '100090000010', label: '10 High Street', postcode: 'AB1 2CD' } });
    const calls: HttpCall[] = [];
    const stop = app.watchCalls((call) => calls.push(call));
    const out = await alexa(envelope);
    stop();
    expect(speechOf(out)).toMatch(/Your next collection is (this|on) Tuesday/);
    expect(calls).toEqual([expect.objectContaining({ method: 'GET', url: `${demo.url}/waste/100090000010/calendar.ics`, status: 200 })]);
  });

  test('the address a resident saves is kept in DATA_DIR, across a restart', async () => {
    await app.services.profiles.put({ userId: 'resident-restart', address: { uprn: '100090000002', label: '2 High Street', postcode: 'AB1 2CD' } });
    const again = compose({ config: app.config, env: {}, dataDir, logger: silentLogger });
    try {
      expect((await again.services.profiles.get('resident-restart'))?.address?.label).toBe('2 High Street');
    } finally {
      await again.close();
    }
  });

  test('dialog directives list every slot of the intent, from the built Alexa model', async () => {
    const envelope = loadEnvelope('launch-without-api-access-token');
    const request = loadEnvelope('get-bin-collection').request;
    const out = await alexa({ ...envelope, session: { ...envelope.session, user: { userId: 'new-resident' } }, request });
    const directive = out.response.directives?.[0] as { updatedIntent?: { slots?: Record<string, unknown> } } | undefined;
    expect(Object.keys(directive?.updatedIntent?.slots ?? {})).toEqual(['postcode', 'houseNumber']);
  });
});

describe('a council config asking for DynamoDB storage', () => {
  test('keeps residents\' data in DynamoDB tables and nothing on disk', async () => {
    const config = loadConfig(DEMO_CONFIG_PATH, {});
    const dataDir = path.join(tmpdir(), `never-created-${process.pid}`);
    const app = compose({
      config: { ...config, reports: undefined, storage: { kind: 'dynamodb', region: 'eu-west-2', endpoint: 'http://127.0.0.1:9' } },
      env: {}, logger: silentLogger, dataDir,
    });
    expect(app.services.profiles).toBeInstanceOf(DynamoDbProfileStore);
    expect(existsSync(dataDir)).toBe(false);
    await app.close();
  });
});
