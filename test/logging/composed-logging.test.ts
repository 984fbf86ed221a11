import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_CONFIG_PATH, loadConfig } from '../../src/config/load-config';
import { compose } from '../../src/entry/compose';
import { createLogger } from '../../src/logging';
import type { Composition } from '../../src/server/composition';
import { loadEnvelope } from '../channels/alexa/fixtures';
import { captureLog } from '../support/log-capture';
import type { AlexaHandler } from '../../src/channels/alexa';
import { alexaOf } from '../support/channels';

describe('the composed Alexa handler\'s log', () => {
  let dataDir: string;
  let app: Composition;
  let alexa: AlexaHandler;
  const log = captureLog();

  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'composed-logging-'));
    const config = loadConfig(DEMO_CONFIG_PATH, {});
    // No council calls are needed for these turns; without reports no sender runs in the background.
    app = compose({ config: { ...config, reports: undefined }, env: {}, dataDir, logger: createLogger({ destination: log.stream, level: 'info' }) });
    alexa = alexaOf(app);
  });
  afterAll(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('writes one line per turn, under alexa, with none of the request\'s personal data', async () => {
    const envelopes = ['launch', 'report-issue-location-answer', 'council-tax-balance-linked', 'session-ended-user-initiated'].map(loadEnvelope);
    for (const envelope of envelopes) await alexa(envelope);

    const turns = log.lines().filter((line) => line.msg === 'turn');
    expect(turns.map((line) => [line.platform, line.kind, line.intent ?? null])).toEqual([
      ['alexa', 'launch', null],
      ['alexa', 'intent', 'ReportIssueIntent'],
      ['alexa', 'intent', 'CouncilTaxBalanceIntent'],
      ['alexa', 'session-end', null],
    ]);
    expect(turns.map((line) => line.requestId)).toEqual(envelopes.map((envelope) => envelope.request.requestId));

    const text = log.text();
    for (const envelope of envelopes) {
      const system = envelope.context.System;
      for (const secret of [system.user.userId, system.device?.deviceId, system.apiAccessToken, system.user.accessToken]) {
        if (secret) expect(text).not.toContain(secret);
      }
    }
    expect(text).not.toMatch(/mill lane|hole in the road/i);
  });
});
