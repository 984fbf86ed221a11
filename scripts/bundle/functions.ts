/**
 * The Lambda functions we ship, and what none of them may carry. Each function is its own
 * bundle with its own entry, so a route pays only for what it imports: one per channel's
 * function (channels may share one), and the outbox sender.
 */
import { CHANNELS } from '../../src/channels';
import type { ChannelLambda } from '../../src/channels/channel';

export type LambdaFunction = ChannelLambda;

/** Each function once, in the order of the list of channels. */
function channelFunctions(): LambdaFunction[] {
  const byName = new Map<string, LambdaFunction>();
  for (const { lambda } of CHANNELS) if (lambda && !byName.has(lambda.name)) byName.set(lambda.name, lambda);
  return [...byName.values()];
}

export const LAMBDA_FUNCTIONS: readonly LambdaFunction[] = [
  ...channelFunctions(),
  { name: 'outbox-sender', entry: 'src/entry/lambda-outbox-sender.ts' },
];

/**
 * Inputs that must never reach a Lambda bundle: the web framework and the Actions SDK (the
 * functions speak the Lambda event shapes), the browser driver, the simulator and the demo
 * council (local tools), the native SQLite driver (Lambda keeps data in DynamoDB), the AWS SDK,
 * test code.
 */
export const FORBIDDEN_INPUTS: readonly { pattern: RegExp; why: string }[] = [
  { pattern: /node_modules\/express\//, why: 'Express is for the local server' },
  { pattern: /node_modules\/body-parser\//, why: 'Express is for the local server' },
  { pattern: /node_modules\/actions-on-google\//, why: 'the Actions SDK is not used on Lambda' },
  { pattern: /node_modules\/playwright(-core)?\//, why: 'the browser driver is for tests' },
  { pattern: /node_modules\/better-sqlite3\//, why: 'SQLite is native and local-only; Lambda uses DynamoDB' },
  // Its DynamoDB client alone took about 100 ms of every cold start; src/connectors/stores/dynamodb is ours.
  { pattern: /node_modules\/@(aws-sdk|smithy)\//, why: 'the AWS SDK is too slow to load; the stores sign their own requests' },
  { pattern: /^src\/simulator\//, why: 'the simulator is a local tool' },
  { pattern: /^src\/demo-council\//, why: 'the demo council is a local stand-in' },
  { pattern: /^(test|bench)\//, why: 'test and bench code' },
];
