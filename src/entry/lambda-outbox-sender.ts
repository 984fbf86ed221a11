/**
 * The AWS Lambda entry for the report outbox sender, run every minute by an EventBridge schedule
 * (serverless.yml): one pass over the reports that are due, each sent once, then the invocation
 * ends. The voice functions put a report in the outbox when its first attempt fails; this is what
 * retries it, with the same back-off the local server's timer uses.
 *
 * It composes only what sending needs (config, the outbox, each council's Open311 connector, the
 * logger), not the skill, so its bundle and its cold start stay small.
 */
import { CouncilOutboxSenders } from '../connectors/council-outbox-senders';
import { Open311Reporter } from '../connectors/open311/open311-reporter';
import { OutboxSender, type SendRun } from '../connectors/outbox-sender';
import { createStores } from '../connectors/stores/create-stores';
import { councilOutbox } from '../core/councils/council-outbox';
import { systemClock } from '../core/dates';
import { createLogger } from '../logging';
import { assertSafeStartup } from '../security/startup';
import { loadLambdaDeployment } from './lambda-config';

let sender: Pick<OutboxSender, 'runOnce'> | undefined;

function createSender(): Pick<OutboxSender, 'runOnce'> {
  assertSafeStartup();
  const deployment = loadLambdaDeployment();
  const clock = systemClock;
  const logger = createLogger();
  const { outbox } = createStores(deployment.front.storage, { dataDir: '/tmp', clock });
  if (!deployment.several) {
    const config = deployment.front;
    // A council without a reports connector has nothing to send: say so once, at cold start.
    if (!config.reports) throw new Error('the council config has no reports section, so there is nothing for the outbox sender to send');
    const reporter = new Open311Reporter({ ...config.reports, timeZone: config.council.timeZone, clock, logger });
    return new OutboxSender({ outbox, reporter, clock, logger });
  }
  // Each council's queue through its own reporter, side by side: one council's outage delays no one else.
  const queues = deployment.councils.flatMap(({ id, config }, position) => config.reports ? [{
    councilId: id,
    sender: { outbox: councilOutbox(outbox, id, { alsoUnmarked: position === 0 }), reporter: new Open311Reporter({ ...config.reports, timeZone: config.council.timeZone, clock, logger }) },
  }] : []);
  return new CouncilOutboxSenders({ queues, clock, logger });
}

/** One scheduled run; the counts land in the function's log and the invocation's result. */
export async function handler(): Promise<SendRun> {
  sender ??= createSender();
  return sender.runOnce();
}
