/**
 * The council config as a Lambda function sees it: the bundled file, with `${ENV}` references
 * filled from the function's environment (serverless.yml sets them, secrets from SSM). When the
 * deployment names its DynamoDB tables (PROFILES_TABLE, OUTBOX_TABLE: serverless.yml always does),
 * storage is those tables whatever the file says: Lambda has no disk to keep a database on.
 */
import type { CouncilConfig } from '../config/council-config';
import { loadCouncilConfig } from './lambda-assets';

/** Reads and checks the config once per container; a bad one fails the cold start naming the key. */
export function loadLambdaConfig(env: NodeJS.ProcessEnv = process.env): CouncilConfig {
  const config = loadCouncilConfig(env);
  if (!env.PROFILES_TABLE) return config;
  return {
    ...config,
    storage: {
      kind: 'dynamodb',
      profilesTable: env.PROFILES_TABLE,
      outboxTable: env.OUTBOX_TABLE ?? config.storage.outboxTable,
      region: env.AWS_REGION ?? config.storage.region,
      // A DynamoDB-compatible server for tests (dynalite); unset on AWS.
      endpoint: env.DYNAMODB_ENDPOINT ?? config.storage.endpoint,
    },
  };
}
