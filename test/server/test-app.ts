/** The Express app over the real handlers and in-memory twins, listening on loopback for supertest. */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { AlexaHandler } from '../../src/channels/alexa';
import { createAlexaChannel } from '../../src/channels/alexa/channel';
import { DEMO_CONFIG_PATH, loadConfig } from '../../src/config/load-config';
import type { Logger } from '../../src/core/logger';
import { silentLogger } from '../../src/core/logger';
import { createApp, type AppOptions } from '../../src/server/create-app';
import type { Composition } from '../../src/server/composition';
import { channelsWith, testComposition } from '../support/channels';
import { createTestSkill } from '../support/test-skill';

export interface RunningApp {
  url: string;
  composition: Composition;
  close(): Promise<void>;
}

export async function startTestApp(options: AppOptions & { alexa?: AlexaHandler; logger?: Logger } = {}): Promise<RunningApp> {
  const { skill, services } = createTestSkill();
  const logger = options.logger ?? silentLogger;
  const composition = testComposition({ config: loadConfig(DEMO_CONFIG_PATH, {}), services, skill, logger });
  // A given adapter is served at /alexa in place of the one built from the composition.
  const channels = options.alexa ? channelsWith(createAlexaChannel({ handler: options.alexa })) : options.channels;
  const server: Server = await new Promise((resolve) => {
    const s = createApp(composition, { ...options, channels }).listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    composition,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
