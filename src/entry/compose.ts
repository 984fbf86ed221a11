/**
 * Composition: the council config becomes connectors, the connectors and stores become the
 * skill's services. Each channel is then built from this composition where it is served
 * (src/channels/channel-context.ts). Nothing here decides anything a resident hears.
 */
import type { CouncilConfig } from '../config/council-config';
import { DEMO_CONFIG_PATH, toCouncilInfo } from '../config/load-config';
import { deploymentOf, loadDeployment, type DeploymentConfig } from '../config/load-deployment';
import { CouncilOutboxSenders } from '../connectors/council-outbox-senders';
import { composeCouncils } from './compose-councils';
import { loadLocaleResources } from '../config/locales';
import { CouncilTaxApi } from '../connectors/council-tax-api';
import type { HttpCall } from '../connectors/http';
import { Open311Reporter } from '../connectors/open311/open311-reporter';
import { OsPlacesAddressFinder } from '../connectors/os-places-addresses';
import { OutboxSender } from '../connectors/outbox-sender';
import { createStores } from '../connectors/stores/create-stores';
import type { Council } from '../core/council';
import { systemClock, type Clock } from '../core/dates';
import { allHandlers } from '../core/handlers';
import { createTranslators } from '../core/i18n';
import type { Logger } from '../core/logger';
import { createSkill, type Skill, type SkillServices } from '../core/skill';
import { createLogger } from '../logging';
import { createBinCollections } from './create-bins';
import type { Composition } from '../server/composition';

export interface ComposeOptions {
  /** The council config, when the caller has loaded it; otherwise COUNCIL_CONFIG or the demo council's. */
  config?: CouncilConfig;
  /** A deployment of one council or several (loadDeployment), when the caller has loaded it; wins over `config`. */
  deployment?: DeploymentConfig;
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
    bins: createBinCollections(config.bins, { ...deps, timeZone: config.council.timeZone }),
    reports: config.reports && new Open311Reporter({ ...config.reports, timeZone: config.council.timeZone, clock: deps.clock, logger: deps.logger, onCall: deps.onCall }),
    councilTax: config.councilTax?.account && new CouncilTaxApi({ ...config.councilTax.account, onCall: deps.onCall }),
  };
}

/** The skill, telling `listeners` whose turn it answered (after answering, so nothing waits on them). */
function watchingTurns(skill: Skill, listeners: Set<(userId: string) => void>): Skill {
  return {
    intents: skill.intents,
    handle: async (turn) => {
      const reply = await skill.handle(turn);
      listeners.forEach((listener) => listener(turn.userId));
      return reply;
    },
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
  const deployment = options.deployment ?? (options.config ? deploymentOf(options.config) : loadDeployment(env.COUNCIL_CONFIG ?? DEMO_CONFIG_PATH, env));
  // The deployment's own settings (storage, security, listing): with one council, its file.
  const config = deployment.front;
  const logger = options.logger ?? createLogger({ env });
  const clock = options.clock ?? systemClock;
  const calls = createCallWatchers();
  const store = createStores(config.storage, { dataDir: options.dataDir ?? env.DATA_DIR ?? './data', clock, logger });
  const deps = { clock, logger, onCall: calls.notify };
  const several = deployment.several ? composeCouncils(deployment, store.outbox, deps, createCouncil) : undefined;
  const council = several ? several.councils.unplaced : createCouncil(config, deps);
  const services: SkillServices = {
    council,
    councils: several?.councils,
    info: several ? several.councils.service : toCouncilInfo(config),
    profiles: store.profiles,
    translators: createTranslators(loadLocaleResources()),
    clock,
    logger,
    outbox: store.outbox,
  };
  // Reports whose first attempt failed wait in the outbox; this long-running process retries them.
  // With several councils, each has its own queue and sender, so one council's outage delays no one else's reports.
  const sender = !options.runOutboxSender ? undefined
    : several ? new CouncilOutboxSenders({ queues: several.queues, clock, logger })
      : council.reports && new OutboxSender({ outbox: store.outbox, reporter: council.reports, clock, logger });
  sender?.start();
  const turns = new Set<(userId: string) => void>();
  const skill = watchingTurns(createSkill(allHandlers, services), turns);
  return {
    config,
    services,
    skill,
    logger,
    reportCall: calls.notify,
    watchCalls: calls.watch,
    watchTurns: (listener) => {
      turns.add(listener);
      return () => turns.delete(listener);
    },
    close: async () => {
      await sender?.stop();
      await store.close();
    },
  };
}
