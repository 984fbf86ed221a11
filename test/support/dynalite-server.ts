/**
 * A real DynamoDB-compatible server (dynalite) running in the test process, on a free loopback
 * port, with the skill's tables created from the same definitions the deployment uses. Stores
 * get our client; tests read what they wrote through the AWS SDK's, so the items are checked by
 * a client that is not the one under test.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDbClient } from '../../src/connectors/stores/dynamodb/client';
import { createTables, type TableKind } from '../../src/connectors/stores/dynamodb-tables';

// dynalite ships no types; this is the one call the tests make.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const dynalite = require('dynalite') as (options: { createTableMs?: number; deleteTableMs?: number; updateTableMs?: number }) => Server;

export interface LocalDynamo {
  /** The stores' client. */
  client: DynamoDbClient;
  /** The AWS SDK's client, for reading items back independently. */
  sdk: DynamoDBClient;
  tables: Record<TableKind, string>;
  endpoint: string;
  stop(): Promise<void>;
}

let counter = 0;

/**
 * Starts dynalite and creates fresh, uniquely named tables. `createTableMs` is how long a new
 * table stays CREATING (DynamoDB takes seconds; 0 makes it ACTIVE on dynalite's next tick).
 */
export async function startLocalDynamo(options: { createTableMs?: number } = {}): Promise<LocalDynamo> {
  const server = dynalite({ createTableMs: options.createTableMs ?? 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
  const client = new DynamoDbClient({ endpoint, region: 'eu-west-2', credentials: async () => credentials });
  const sdk = new DynamoDBClient({ endpoint, region: 'eu-west-2', credentials });
  counter += 1;
  const tables = { profiles: `profiles-${counter}`, outbox: `outbox-${counter}` };
  await createTables(client, tables);
  return {
    client,
    sdk,
    tables,
    endpoint,
    async stop() {
      sdk.destroy();
      await new Promise<void>((resolve, reject) => server.close((error?: Error) => (error ? reject(error) : resolve())));
    },
  };
}
