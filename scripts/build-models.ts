/**
 * `npm run models`: builds every channel's console files (interaction-models/, the ASK CLI's
 * skill-package/ and ask-resources.json, deploy/alexa/)
 * from the one language model (interaction-models/source). Run it after editing the source or the
 * council's invocation name, and commit what it writes; a test fails while a built file is out of date.
 */
import path from 'node:path';
import { CHANNELS } from '../src/channels';
import { DEMO_CONFIG_PATH } from '../src/config/load-config';
import { loadDeployment } from '../src/config/load-deployment';
import { loadLocaleResources } from '../src/config/locales';
import { loadLanguageModel } from '../src/language-model/load-language-model';

const LOCALE = 'en-GB';

function main(): void {
  // The name and invocation name are the deployment's: the council's (COUNCIL_CONFIG, or the demo
  // council's), or with a directory of councils its service.yaml's.
  const deployment = loadDeployment(process.env.COUNCIL_CONFIG ?? DEMO_CONFIG_PATH);
  const input = { model: loadLanguageModel(LOCALE), config: deployment.front, resources: loadLocaleResources() };
  for (const build of CHANNELS.flatMap((channel) => channel.models ?? [])) {
    build.write(input).forEach((warning) => console.warn(warning));
    console.log(`wrote ${path.relative(process.cwd(), build.dir)}`);
  }
}

main();
