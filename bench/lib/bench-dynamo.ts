/**
 * DynamoDB for the Lambda measurements: the skill's tables on the bench's dynalite, the bench
 * resident's address saved, and the environment a Lambda function would be given.
 */
import { DynamoDbClient } from '../../src/connectors/stores/dynamodb/client';
import { DynamoDbProfileStore } from '../../src/connectors/stores/dynamodb-profile-store';
import { createTables, DEFAULT_TABLE_NAMES } from '../../src/connectors/stores/dynamodb-tables';
import { BENCH_PROFILE } from './bench-resident';

/** Creates the tables at `endpoint`, saves the bench resident, and returns the function's environment. */
export async function seedBenchDynamo(endpoint: string): Promise<Record<string, string>> {
  const env = {
    DYNAMODB_ENDPOINT: endpoint, AWS_REGION: 'eu-west-2', AWS_ACCESS_KEY_ID: 'bench', AWS_SECRET_ACCESS_KEY: 'bench',
    PROFILES_TABLE: DEFAULT_TABLE_NAMES.profiles, OUTBOX_TABLE: DEFAULT_TABLE_NAMES.outbox,
  };
  const client = new DynamoDbClient({ endpoint, region: env.AWS_REGION, credentials: async () => ({ accessKeyId: 'bench', secretAccessKey: 'bench' }) });
  await createTables(client, DEFAULT_TABLE_NAMES);
  await new DynamoDbProfileStore({ client, tableName: DEFAULT_TABLE_NAMES.profiles }).put(BENCH_PROFILE);
  return env;
}
