/**
 * Composition: the council config becomes connectors, the connectors and stores become the
 * skill's services, the skill gets its adapters. Nothing here decides anything a resident hears.
 */
import { createAlexaHandler, readIntentSlots } from '../channels/alexa';
import type { CouncilConfig } from '../config/council-config';
import { DEMO_CONFIG_PATH, loadConfig, toCouncilInfo } from '../config/load-config';
import { loadLocaleResources } from '../config/locales';
import { CouncilTaxApi } from '../connectors/council-tax-api';
import type { HttpCall } from '../connectors/http';
import { IcsBinCollections } from '../connectors/ics-bin-collections';
import { Open311Reporter } from '../connectors/open311/open311-reporter';
import { OsPlacesAddressFinder } from '../connectors/os-places-addresses';
import { OutboxSender } from '../connectors/outbox-sender';
import { createStores } from '../connectors/stores/create-stores';
import type { Council } from '../core/council';
import { systemClock, type Clock } from '../core/dates';
import { allHandlers } from '../core/handlers';
import { createTranslators } from '../core/i18n';
import type { Logger } from '../core/logger';
import { OUTBOX_EXTRA } from '../core/outbox';
import { createSkill, type SkillServices } from '../core/skill';
import { createLogger, withTurnLogging } from '../logging';
import type { Composition } from '../server/composition';
import alexaModel from '../../interaction-models/alexa/en-GB.json';

export interface ComposeOptions {
  /** The council config, when the caller has loaded it; otherwise COUNCIL_CONFIG or the demo council's. */
  config?: CouncilConfig;
  env?: NodeJS.ProcessEnv;
  logger?: Logger;
  clock?: Clock;
  /** Where the local database lives; DATA_DIR, default ./data. */
  dataDir?: string;
  /**
   * Retry waiting reports in the background. Only long-running servers should: on Lambda a
   * scheduled function (lambda-outbox-sender) does it, and a timer in every container would race it.
   */
  runOutboxSender?: boolean;
}

interface ConnectorDeps {
  clock: Clock;
  logger: Logger;
  onCall: (call: HttpCall) => void;
}

/** The council's back ends, from the config's connector sections. */
export function createCouncil(config: CouncilConfig, deps: ConnectorDeps): Council {
  return {
    addresses: new OsPlacesAddressFinder({ url: config.addresses.url, key: config.addresses.key, timeoutMs: config.addresses.timeoutMs, onCall: deps.onCall }),
    bins: new IcsBinCollections({
      urlTemplate: config.bins.urlTemplate,
      publicUrlTemplate: config.bins.publicUrlTemplate,
      streams: config.bins.streams,
      timeZone: config.council.timeZone,
      cacheMinutes: config.bins.cacheMinutes,
      timeoutMs: config.bins.timeoutMs,
      clock: deps.clock,
      logger: deps.logger,
      onCall: deps.onCall,
    }),
    reports: config.reports && new Open311Reporter({ ...config.reports, timeZone: config.council.timeZone, clock: deps.clock, onCall: deps.onCall }),
    councilTax: config.councilTax?.account && new CouncilTaxApi({ ...config.councilTax.account, onCall: deps.onCall }),
  };
}

/** Fans the connectors' call reports out to whoever is watching (the simulator's calls panel). */
function createCallWatchers(): { notify: (call: HttpCall) => void; watch: Composition['watchCalls'] } {
  const listeners = new Set<(call: HttpCall) => void>();
  return {
    notify: (call) => listeners.forEach((listener) => listener(call)),
    watch: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Builds the whole application once, at start-up (or once per Lambda container). */
export function compose(options: ComposeOptions = {}): Composition {
  const env = options.env ?? process.env;
  const config = options.config ?? loadConfig(env.COUNCIL_CONFIG ?? DEMO_CONFIG_PATH, env);
  const logger = options.logger ?? createLogger({ env });
  const clock = options.clock ?? systemClock;
  const calls = createCallWatchers();
  const council = createCouncil(config, { clock, logger, onCall: calls.notify });
  const store = createStores(config.storage, { dataDir: options.dataDir ?? env.DATA_DIR ?? './data', clock, logger });
  const services: SkillServices = {
    council,
    info: toCouncilInfo(config),
    profiles: store.profiles,
    translators: createTranslators(loadLocaleResources()),
    clock,
    logger,
    extras: { [OUTBOX_EXTRA]: store.outbox },
  };
  // Reports whose first attempt failed wait in the outbox; this long-running process retries them.
  const sender = options.runOutboxSender && council.reports
    ? new OutboxSender({ outbox: store.outbox, reporter: council.reports, clock, logger })
    : undefined;
  sender?.start();
  const skill = createSkill(allHandlers, services);
  // The adapter gets the skill wrapped to log one redacted line per turn (src/logging).
  const alexa = createAlexaHandler(withTurnLogging(skill, logger, 'alexa'), { logger, onCall: calls.notify, intentSlots: readIntentSlots(alexaModel) });
  return {
    config,
    services,
    skill,
    alexa,
    logger,
    watchCalls: calls.watch,
    close: async () => {
      await sender?.stop();
      await store.close();
    },
  };
}
