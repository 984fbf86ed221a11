/**
 * The whole app for hostile-input tests: the real adapters and routes (createApp, requests
 * accepted unsigned as with SKIP_REQUEST_VERIFICATION=1) over the skill with in-memory twins for
 * the council, reports, outbox and council tax, and a saved home for every fixture's resident, so
 * hostile requests reach deep into the handlers rather than stopping at "what's your address?".
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createAlexaHandler, readIntentSlots, type AlexaHandler } from '../../src/channels/alexa';
import { createAlexaChannel } from '../../src/channels/alexa/channel';
import { channelsWith, testComposition } from './channels';
import { DEMO_CONFIG_PATH, loadConfig } from '../../src/config/load-config';
import { silentLogger } from '../../src/core/logger';
import type { Composition } from '../../src/server/composition';
import { createApp } from '../../src/server/create-app';
import alexaModel from '../../skill-package/interactionModels/custom/en-GB.json';
import { createReportsTestSkill, type ReportsTestSkill } from './reports-test-skill';

const FIXTURES = path.resolve(__dirname, '../fixtures');

export interface Fixture {
  name: string;
  body: Record<string, unknown>;
}

/** Every real-shape request of one platform in test/fixtures/<platform>. */
export function loadFixtures(platform: 'alexa' | 'dialogflow-cx' | 'dialogflow-es'): Fixture[] {
  const dir = path.join(FIXTURES, platform);
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ name: file.replace(/\.json$/, ''), body: JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown> }));
}

/** The slot names of every intent in the Alexa model that has slots (what the adapter is given). */
export const INTENT_SLOTS: Record<string, string[]> = readIntentSlots(alexaModel);

/** Every intent of the Alexa model with its slot names, slotless intents included (for validators). */
export const ALEXA_MODEL: Record<string, string[]> = Object.fromEntries(
  alexaModel.interactionModel.languageModel.intents.map((intent) => [intent.name, (('slots' in intent ? intent.slots : undefined) ?? []).map((slot: { name: string }) => slot.name)]),
);

export const SAVED_HOME = { uprn: '100000000002', label: '12 High Street', postcode: 'AB1 2CD' };

export interface HostileApp {
  test: ReportsTestSkill;
  alexa: AlexaHandler;
  composition: Composition;
  /** The node:http listener (or Express app) createApp returns. */
  app: ReturnType<typeof createApp>;
  /** Where the app listens on loopback (one server for the whole file, as in production). */
  url: string;
  close(): Promise<void>;
}

export async function createHostileApp(userIds: string[] = []): Promise<HostileApp> {
  const test = createReportsTestSkill();
  for (const userId of userIds) await test.profiles.put({ userId, address: SAVED_HOME });
  const alexa = createAlexaHandler(test.skill, { intentSlots: INTENT_SLOTS, deviceApiTimeoutMs: 200 });
  const composition = testComposition({ config: loadConfig(DEMO_CONFIG_PATH, {}), services: test.services, skill: test.skill, logger: silentLogger });
  // The same adapter behind /alexa as the tests call directly.
  const app = createApp(composition, { skipRequestVerification: true, simulator: false, channels: channelsWith(createAlexaChannel({ handler: alexa })) });
  const server: Server = await new Promise((resolve) => {
    const s = createServer(app).listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    test, alexa, composition, app,
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** User ids that appear in the fixtures (Alexa session and context users, Dialogflow payload users). */
export function userIdsIn(fixtures: Fixture[]): string[] {
  const ids = new Set<string>();
  const visit = (value: unknown, key?: string) => {
    if (typeof value === 'string' && key === 'userId') ids.add(value);
    if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) visit(v, k);
  };
  fixtures.forEach((fixture) => visit(fixture.body));
  return [...ids];
}
