/**
 * The AWS Lambda entry for the report outbox sender, run every minute by an EventBridge schedule
 * (serverless.yml): one pass over the reports that are due, each sent once, then the invocation
 * ends. The voice functions put a report in the outbox when its first attempt fails; this is what
 * retries it, with the same back-off the local server's timer uses.
 *
 * It composes only what sending needs (config, the outbox, the council's Open311 connector, the
 * logger), not the skill, so its bundle and its cold start stay small.
 */
import { Open311Reporter } from '../connectors/open311/open311-reporter';
import { OutboxSender, type SendRun } from '../connectors/outbox-sender';
import { createStores } from '../connectors/stores/create-stores';
import { systemClock } from '../core/dates';
import { createLogger } from '../logging';
import { assertSafeStartup } from '../security/startup';
import { loadLambdaConfig } from './lambda-config';

let sender: OutboxSender | undefined;

function createSender(): OutboxSender {
  assertSafeStartup();
  const config = loadLambdaConfig();
  // A council without a reports connector has nothing to send: say so once, at cold start.
  if (!config.reports) throw new Error('the council config has no reports section, so there is nothing for the outbox sender to send');
  const clock = systemClock;
  const logger = createLogger();
  const { outbox } = createStores(config.storage, { dataDir: '/tmp', clock });
  const reporter = new Open311Reporter({ ...config.reports, timeZone: config.council.timeZone, clock, logger });
  return new OutboxSender({ outbox, reporter, clock, logger });
}

/** One scheduled run; the counts land in the function's log and the invocation's result. */
export async function handler(): Promise<SendRun> {
  sender ??= createSender();
  return sender.runOnce();
}
