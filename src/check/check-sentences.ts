/**
 * The exact sentences residents will hear, produced by the skill's own handlers over the real
 * connectors (nothing re-implemented here): "when is my bin day" for the checked house, and
 * "how much is band D".
 */
import type { CouncilConfig } from '../config/council-config';
import { toCouncilInfo } from '../config/load-config';
import type { Address, Council } from '../core/council';
import type { Clock } from '../core/dates';
import { allHandlers } from '../core/handlers';
import { GET_BIN_COLLECTION } from '../core/handlers/bin-collection';
import { COUNCIL_TAX_CHARGE } from '../core/handlers/council-tax';
import type { TranslatorFactory } from '../core/i18n';
import type { Logger } from '../core/logger';
import type { ProfileStore, ResidentProfile } from '../core/profile';
import { handlersWithin } from '../core/handler-requirements';
import { createSkill, type SkillServices } from '../core/skill';
import { toPlainText } from '../core/speech';
import { createTurn, type Turn } from '../core/turn';
import { formatMoney } from '../core/speech';
import { fail, info, type Section } from './findings';

const RESIDENT = 'check-council';

/** The one resident the check plays, living at the checked house; nothing is written anywhere. */
class OneResident implements ProfileStore {
  constructor(private profile: ResidentProfile) {}
  async get(userId: string) { return userId === this.profile.userId ? this.profile : undefined; }
  async put(profile: ResidentProfile) { this.profile = profile; }
  async delete() { /* the check keeps nothing */ }
}

export interface SentenceOptions {
  council: Council;
  config: CouncilConfig;
  address?: Address;
  clock: Clock;
  logger: Logger;
  /** The locale's words, read once for the whole check. */
  translators: TranslatorFactory;
}

export async function checkSentences(options: SentenceOptions): Promise<Section> {
  const section: Section = { title: 'What residents hear', findings: [] };
  const address = options.address;
  const profiles = new OneResident({ userId: RESIDENT, address: address && { uprn: address.uprn, label: address.label, postcode: address.postcode } });
  const services: SkillServices = {
    council: options.council,
    info: toCouncilInfo(options.config),
    profiles,
    translators: options.translators,
    clock: options.clock,
    logger: options.logger,
  };
  // Only questions, never a report: no outbox, so the handlers that send are left out.
  const skill = createSkill(handlersWithin(allHandlers, services), services);
  /** What the resident hears, and whether it is the skill's apology for a failing back end. */
  const ask = async (intent: string, slots: Turn['slots']): Promise<{ text: string; failed: boolean }> => {
    const reply = await skill.handle(createTurn({ kind: 'intent', intent, slots, userId: RESIDENT, requestId: `check-${intent}`, locale: 'en-GB' }));
    return { text: toPlainText(reply.speech), failed: reply.failed === true };
  };

  if (address) {
    const binDay = await ask(GET_BIN_COLLECTION, {});
    section.findings.push(binDay.failed
      ? fail(`"When is my bin day?" → "${binDay.text}"`, 'bins', 'see the bins section above for what failed')
      : info(`"When is my bin day?" → "${binDay.text}"`));
  } else {
    section.findings.push(info('"When is my bin day?" is not tried: no address was found for the house.'));
  }
  const bandD = (await ask(COUNCIL_TAX_CHARGE, { band: { id: 'D', value: 'D' } })).text;
  // Without a councilTax section the skill gives the website and phone, as the council chose.
  const missingBandD = options.config.councilTax !== undefined && options.config.councilTax.bands.D === undefined;
  section.findings.push(missingBandD
    ? fail(`"How much is band D?" → "${bandD}"`, 'councilTax.bands.D', 'add the band D charge for the year, in pounds (e.g. 1980.12)')
    : info(`"How much is band D?" → "${bandD}"`));
  return section;
}

/** The band charges from the config, as residents will hear the amounts. */
export function checkTaxBands(config: CouncilConfig): Section {
  const section: Section = { title: 'Council tax bands (councilTax)', findings: [] };
  const tax = config.councilTax;
  if (!tax) {
    section.findings.push(info('No councilTax section: residents are given the website and phone.'));
    return section;
  }
  for (const band of ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'] as const) {
    const pounds = tax.bands[band];
    section.findings.push(pounds === undefined
      ? fail(`Band ${band} has no charge for ${tax.year}`, `councilTax.bands.${band}`, 'add the charge in pounds from the council\'s budget papers')
      : info(`Band ${band}: ${formatMoney(Math.round(pounds * 100))} for ${tax.year}`));
  }
  return section;
}
