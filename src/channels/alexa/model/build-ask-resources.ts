/**
 * Builds `ask-resources.json`, the project file the ASK CLI (v2) reads at the repository root,
 * so `ask deploy` works from here. Two profiles, one per way the README deploys the skill:
 * - `default`, a self-hosted HTTPS endpoint: skill metadata only, no `skillInfrastructure`, so
 *   the CLI deploys the skill package (whose manifest names the server's `/alexa`) and nothing else;
 * - `lambda`, the function `npm run bundle` writes: the same package, with
 *   `@ask-cli/lambda-deployer` uploading the bundle's folder as the skill's code.
 * The CLI keeps its own deploy state (skill id, hashes) in `.ask/`, never in this file.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { toJsonFile } from './build-skill-package';

const ROOT = path.resolve(__dirname, '../../../..');

/** Where the ASK CLI looks for its project file. */
export const ASK_RESOURCES_FILE = path.join(ROOT, 'ask-resources.json');

/** The folder `npm run bundle` writes the Alexa function to, relative to the root. */
export const ALEXA_BUNDLE_SRC = './.build/alexa';

/** What the Lambda runs: `handler` exported by the bundle's index.js, on the runtime it targets. */
export const ALEXA_LAMBDA_HANDLER = 'index.handler';
export const ALEXA_LAMBDA_RUNTIME = 'nodejs22.x';

/** Amazon's advice for skills in the EU: host the function in Ireland, beside Alexa's EU endpoint. */
export const ALEXA_LAMBDA_REGION = 'eu-west-1';

/** The ASK CLI project file, ASK resources format 2020-03-31. */
export function buildAskResources(): unknown {
  const skillMetadata = { src: './skill-package' };
  return {
    askcliResourcesVersion: '2020-03-31',
    profiles: {
      default: { skillMetadata },
      lambda: {
        skillMetadata,
        code: { default: { src: ALEXA_BUNDLE_SRC } },
        skillInfrastructure: {
          type: '@ask-cli/lambda-deployer',
          userConfig: { runtime: ALEXA_LAMBDA_RUNTIME, handler: ALEXA_LAMBDA_HANDLER, awsRegion: ALEXA_LAMBDA_REGION },
        },
      },
    },
  };
}

/** Writes `ask-resources.json` at the repository root. */
export function writeAskResources(file: string = ASK_RESOURCES_FILE): void {
  writeFileSync(file, toJsonFile(buildAskResources()));
}
