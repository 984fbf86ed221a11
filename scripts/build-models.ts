/**
 * `npm run models`: builds every platform's files in interaction-models/ from the one language
 * model (interaction-models/source). Run it after editing the source or the council's
 * invocation name, and commit what it writes; a test fails while a built file is out of date.
 */
import path from 'node:path';
import { loadConfig } from '../src/config/load-config';
import { loadLocaleResources } from '../src/config/locales';
import { loadLanguageModel } from '../src/language-model/load-language-model';
import { ALEXA_MODEL_DIR, writeAlexaModel } from '../src/channels/alexa/model/build-alexa';
import { DIALOGFLOW_CX_DIR, writeDialogflowCx } from '../src/channels/dialogflow-cx/model/build-dialogflow-cx';
import { DIALOGFLOW_ES_DIR, writeDialogflowEs } from '../src/channels/dialogflow-es/model/build-dialogflow-es';
import { SKILL_PACKAGE_DIR, writeSkillPackage } from '../src/channels/alexa/model/build-skill-package';

const LOCALE = 'en-GB';

function main(): void {
  const model = loadLanguageModel(LOCALE);
  // The invocation name is the council's (COUNCIL_CONFIG, or the demo council's).
  const config = loadConfig();
  // One line per platform: [where it writes, how].
  const builds: [string, () => unknown][] = [
    [ALEXA_MODEL_DIR, () => writeAlexaModel(model, { invocationName: config.council.invocationName, resources: loadLocaleResources() })],
    [DIALOGFLOW_CX_DIR, () => writeDialogflowCx()],
    [DIALOGFLOW_ES_DIR, () => writeDialogflowEs()],
    [SKILL_PACKAGE_DIR, () => writeSkillPackage(config, model).forEach((warning) => console.warn(`skill-package: ${warning}`))],
  ];
  for (const [dir, build] of builds) {
    build();
    console.log(`wrote ${path.relative(process.cwd(), dir)}`);
  }
}

main();
