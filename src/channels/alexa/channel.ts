/** Alexa as one channel: its serving, its Lambda function, the simulator's requests and its console files. */
import type { Channel } from '../channel';
import { ALEXA_MODEL_DIR, writeAlexaModel } from './model/build-alexa';
import { ASK_RESOURCES_FILE, writeAskResources } from './model/build-ask-resources';
import { ALEXA_DEPLOY_DIR, SKILL_PACKAGE_DIR, writeAccountLinking, writeSkillPackage } from './model/build-skill-package';
import { createAlexaAdapter, createAlexaServing, type AlexaChannelOptions } from './serving';
import { createAlexaApiRoutes } from './simulator/alexa-api-routes';
import { createAlexaBridge } from './simulator/alexa-request';

/** The Alexa channel; options are for tests. */
export function createAlexaChannel(options: AlexaChannelOptions = {}): Channel {
  return {
    ...createAlexaServing(options),
    // A small bundle is a quick cold start: index.js measured 229 KB (the connectors' packages wait in lazy/), kept under 300 KB.
    lambda: { name: 'alexa', entry: 'src/channels/alexa/lambda.ts', maxBytes: 300_000, lazyPackages: ['zod', 'ical.js', 'fast-xml-parser'] },
    simulator: {
      label: 'Alexa',
      createBridge: (context) => createAlexaBridge(createAlexaAdapter(context, options)),
      createApiRoutes: (sessions) => createAlexaApiRoutes(sessions),
    },
    models: [
      {
        dir: ALEXA_MODEL_DIR,
        write: ({ model, config, resources }) => {
          writeAlexaModel(model, { invocationName: config.council.invocationName, resources });
          return [];
        },
      },
      { dir: SKILL_PACKAGE_DIR, write: ({ model, config }) => writeSkillPackage(config, model).map((warning) => `skill-package: ${warning}`) },
      {
        dir: ALEXA_DEPLOY_DIR,
        write: ({ model, config }) => {
          writeAccountLinking(config, model);
          return [];
        },
      },
      {
        dir: ASK_RESOURCES_FILE,
        write: () => {
          writeAskResources();
          return [];
        },
      },
    ],
  };
}
