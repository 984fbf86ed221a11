/**
 * The Lambda functions we ship, and what none of them may carry. Each function is its own
 * bundle with its own entry, so a route pays only for what it imports.
 */

export interface LambdaFunction {
  /** `.build/<name>/index.js`; serverless.yml's handler is `.build/<name>/index.handler`. */
  name: string;
  /** The entry file, relative to the repository root. */
  entry: string;
  /** The largest the bundle may be before the build fails, in bytes. */
  maxBytes?: number;
}

export const LAMBDA_FUNCTIONS: readonly LambdaFunction[] = [
  // Alexa's budget is the target: a small bundle is a quick cold start.
  { name: 'alexa', entry: 'src/entry/lambda.ts', maxBytes: 1_000_000 },
  { name: 'dialogflow', entry: 'src/entry/lambda-dialogflow.ts' },
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
