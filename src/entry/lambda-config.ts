/**
 * The deployment as a Lambda function sees it: the bundled council file (or directory), with `${ENV}` references
 * filled from the function's environment (serverless.yml sets them, secrets from SSM). When the
 * deployment names its DynamoDB tables (PROFILES_TABLE, OUTBOX_TABLE: serverless.yml always does),
 * storage is those tables whatever the file says: Lambda has no disk to keep a database on.
 */
import type { DeploymentConfig } from '../config/load-deployment';
import { loadDeploymentConfig } from './lambda-assets';

/** Reads and checks every council file once per container; a bad one fails the cold start naming the file and key. */
export function loadLambdaDeployment(env: NodeJS.ProcessEnv = process.env): DeploymentConfig {
  const deployment = loadDeploymentConfig(env);
  if (!env.PROFILES_TABLE) return deployment;
  const config = deployment.front;
  return { ...deployment, front: {
    ...config,
    storage: {
      kind: 'dynamodb',
      profilesTable: env.PROFILES_TABLE,
      outboxTable: env.OUTBOX_TABLE ?? config.storage.outboxTable,
      region: env.AWS_REGION ?? config.storage.region,
      // A DynamoDB-compatible server for tests (dynalite); unset on AWS.
      endpoint: env.DYNAMODB_ENDPOINT ?? config.storage.endpoint,
    },
  } };
}
