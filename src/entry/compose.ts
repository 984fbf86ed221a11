/**
 * Composition: the council config becomes connectors, the connectors and stores become the
 * skill's services, the skill gets its adapters. Nothing here decides anything a resident hears.
 */
import pino from 'pino';
import { createAlexaHandler, readIntentSlots } from '../adapters/alexa';
import type { CouncilConfig } from '../config/council-config';
import { ConfigError, DEMO_CONFIG_PATH, loadConfig, toCouncilInfo } from '../config/load-config';
import { loadLocaleResources } from '../config/locales';
import type { HttpCall } from '../connectors/http';
import { IcsBinCollections } from '../connectors/ics-bin-collections';
import { OsPlacesAddressFinder } from '../connectors/os-places-addresses';
import { openDatabase } from '../connectors/stores/sqlite-database';
import { SqliteProfileStore } from '../connectors/stores/sqlite-profile-store';
import type { Council } from '../core/council';
import { systemClock, type Clock } from '../core/dates';
import { allHandlers } from '../core/handlers';
import { createTranslators } from '../core/i18n';
import type { Logger } from '../core/logger';
import type { ProfileStore } from '../core/profile';
import { createSkill, type SkillServices } from '../core/skill';
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
}

interface ConnectorDeps {
  clock: Clock;
  logger: Logger;
  onCall: (call: HttpCall) => void;
}

/** Structured JSON logs on stdout, one line per event. */
export function createLogger(env: NodeJS.ProcessEnv = process.env): Logger {
  return pino({ level: env.LOG_LEVEL ?? 'info' });
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
    // Reports and council tax (issue 3) are added here from config.reports and config.councilTax.
  };
}

/** Where residents' profiles live, chosen by `storage.kind`, and how to let go of it. */
function openProfileStore(config: CouncilConfig, dataDir: string, clock: Clock): { profiles: ProfileStore; close: () => void } {
  switch (config.storage.kind) {
    case 'sqlite': {
      const db = openDatabase(dataDir);
      return { profiles: new SqliteProfileStore(db, clock), close: () => db.close() };
    }
    default:
      // Issue 6 adds the DynamoDB stores for Lambda here.
      throw new ConfigError(`storage.kind ${config.storage.kind} is not available in this version; use sqlite`);
  }
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
  const logger = options.logger ?? createLogger(env);
  const clock = options.clock ?? systemClock;
  const calls = createCallWatchers();
  const council = createCouncil(config, { clock, logger, onCall: calls.notify });
  const store = openProfileStore(config, options.dataDir ?? env.DATA_DIR ?? './data', clock);
  const services: SkillServices = {
    council,
    info: toCouncilInfo(config),
    profiles: store.profiles,
    translators: createTranslators(loadLocaleResources()),
    clock,
    logger,
  };
  const skill = createSkill(allHandlers, services);
  const alexa = createAlexaHandler(skill, { logger, onCall: calls.notify, intentSlots: readIntentSlots(alexaModel) });
  return {
    config,
    services,
    skill,
    alexa,
    logger,
    watchCalls: calls.watch,
    close: async () => store.close(),
  };
}
