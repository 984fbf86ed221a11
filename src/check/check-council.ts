/**
 * `npm run check-council`: a council file checked against the council's real back ends, before
 * going live. Each back end is called as the skill would call it, and what residents would get
 * is reported, with every problem naming the config key to change.
 */
import type { CouncilConfig } from '../config/council-config';
import { createCouncil } from '../entry/compose';
import { localDate, systemClock, type Clock } from '../core/dates';
import { silentLogger, type Logger } from '../core/logger';
import { normalisePostcode } from '../core/postcode';
import { createTranslators } from '../core/i18n';
import { loadLocaleResources } from '../config/locales';
import { checkAddresses, checkBins } from './check-places';
import { checkReports } from './check-reports';
import { checkSentences, checkTaxBands } from './check-sentences';
import { fail, type CheckReport } from './findings';

export interface CheckOptions {
  config: CouncilConfig;
  postcode: string;
  /** The house number or name, as a resident would say it. */
  house: string;
  clock?: Clock;
  logger?: Logger;
  /** Told as each step starts, so the officer sees what is being waited for. */
  onProgress?: (step: string) => void;
}

/** Runs every check; never throws for a back end's failure, which becomes a finding instead. */
export async function checkCouncil(options: CheckOptions): Promise<CheckReport> {
  const { config } = options;
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? silentLogger;
  const progress = options.onProgress ?? (() => undefined);
  const council = createCouncil(config, { clock, logger, onCall: () => undefined });
  const translators = createTranslators(loadLocaleResources());
  const t = translators.forLocale('en-GB');
  const spokenName = (issueType: string) => {
    const key = `reports:issueTypes.${issueType}`;
    return t.has(key) ? t.text(key) : issueType.toLowerCase().replace(/_/g, ' ');
  };
  const report: CheckReport = { sections: [] };

  const postcode = normalisePostcode(options.postcode);
  if (!postcode) {
    report.sections.push({ title: 'Addresses', findings: [fail(`"${options.postcode}" is not a UK postcode`, '--postcode', 'give a postcode in the council\'s area, e.g. "AB1 2CD"')] });
    return report;
  }
  progress(`looking up the addresses at ${postcode}`);
  const places = await checkAddresses(council, postcode, options.house);
  report.sections.push(places.section);
  if (places.address) {
    progress(`reading the bin collections at ${places.address.label}`);
    report.sections.push(await checkBins(council, config, places.address, localDate(clock.now(), config.council.timeZone)));
  }
  progress('reading the Open311 service list');
  report.sections.push(await checkReports(council, config, spokenName));
  report.sections.push(checkTaxBands(config));
  progress('asking the skill what residents would hear');
  report.sections.push(await checkSentences({ council, config, address: places.address, clock, logger, translators }));
  return report;
}
