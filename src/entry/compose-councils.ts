/**
 * Composition for a deployment of several councils: each council file becomes that council's own
 * connectors (own breakers, own caches) and its own queue in the shared outbox; together they
 * become the Councils index the skill finds each resident's council in.
 */
import type { DeploymentConfig } from '../config/load-deployment';
import { toCouncilInfo } from '../config/load-config';
import type { CouncilQueue } from '../connectors/council-outbox-senders';
import type { HttpCall } from '../connectors/http';
import { OsPlacesAddressFinder } from '../connectors/os-places-addresses';
import type { Council } from '../core/council';
import type { CouncilInfo } from '../core/council-info';
import { councilOutbox } from '../core/councils/council-outbox';
import { Councils } from '../core/councils/councils';
import type { Clock } from '../core/dates';
import type { Logger } from '../core/logger';
import type { ReportOutbox } from '../core/outbox';
import type { CouncilConfig } from '../config/council-config';

export interface CouncilDeps {
  clock: Clock;
  logger: Logger;
  onCall: (call: HttpCall) => void;
}

type CreateCouncil = (config: CouncilConfig, deps: CouncilDeps) => Council;

/** What residents hear before their council is known: the deployment's name and contacts. */
function serviceInfo(deployment: DeploymentConfig): CouncilInfo {
  const first = deployment.councils[0]?.config;
  const { service } = deployment;
  return {
    name: service.name,
    invocationName: service.invocationName,
    timeZone: service.timeZone,
    // Without a number of its own, the service's apologies give the first council's.
    phone: service.phone ?? first?.council.phone ?? '',
    website: service.website,
    binStreams: [],
    reminderTime: first?.bins.reminders.time ?? '19:00',
    reminderCount: first?.bins.reminders.count ?? 4,
  };
}

/** Every council of the deployment, and each one's delivery queue for the outbox sender. */
export function composeCouncils(deployment: DeploymentConfig, outbox: ReportOutbox, deps: CouncilDeps, createCouncil: CreateCouncil): { councils: Councils; queues: CouncilQueue[] } {
  const shared = deployment.addresses && new OsPlacesAddressFinder({ ...deployment.addresses, onCall: deps.onCall });
  const queues: CouncilQueue[] = [];
  const locals = deployment.councils.map((entry, position) => {
    const council = createCouncil(entry.config, deps);
    // One gazetteer (one breaker) for every council that uses the deployment's.
    if (shared && entry.sharedAddresses) council.addresses = shared;
    const queue = councilOutbox(outbox, entry.id, { alsoUnmarked: position === 0 });
    if (council.reports) queues.push({ councilId: entry.id, sender: { outbox: queue, reporter: council.reports } });
    const info: CouncilInfo = { ...toCouncilInfo(entry.config), acceptsSignIn: entry.config.councilTax?.account?.acceptsServiceSignIn ?? false };
    const { postcodes, custodianCode } = entry.config.council;
    return { id: entry.id, info, council, outbox: queue, claim: { id: entry.id, postcodes, custodianCode } };
  });
  const councils = new Councils({ councils: locals, service: serviceInfo(deployment), addresses: shared, area: deployment.service.area });
  return { councils, queues };
}
