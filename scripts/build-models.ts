/**
 * `npm run models`: builds every platform's files in interaction-models/ from the one language
 * model (interaction-models/source). Run it after editing the source or the council's
 * invocation name, and commit what it writes; a test fails while a built file is out of date.
 */
import { loadConfig } from '../src/config/load-config';
import { loadLocaleResources } from '../src/config/locales';
import { loadLanguageModel } from '../src/language-model/load-language-model';
import { writeAlexaModel } from './models/build-alexa';

const LOCALE = 'en-GB';

function main(): void {
  const model = loadLanguageModel(LOCALE);
  // The invocation name is the council's (COUNCIL_CONFIG, or the demo council's).
  const config = loadConfig();
  const written = [
    writeAlexaModel(model, { invocationName: config.council.invocationName, resources: loadLocaleResources() }),
    // Google (issue 4) adds its builders here, one line each.
  ];
  for (const file of written) console.log(`wrote ${file}`);
}

main();
