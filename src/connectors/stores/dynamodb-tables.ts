/**
 * The DynamoDB tables the skill keeps, defined once in dynamodb-tables.json in CloudFormation's
 * `AWS::DynamoDB::Table` shape, so serverless.yml (`${file(...)}`) and the tests create exactly
 * the same key schema, indexes and TTL attribute.
 */
import type { DynamoDbClient } from './dynamodb/client';
import { DynamoDbError } from './dynamodb/errors';
import type { CreateTableInput } from './dynamodb/types';
import definitions from './dynamodb-tables.json';

export type TableKind = keyof typeof definitions;

/** The item attribute DynamoDB's TTL reads: epoch seconds after which the item may be deleted. */
export const TTL_ATTRIBUTE = definitions.profiles.TimeToLiveSpecification.AttributeName;

/** Index of pending outbox entries by when they are next due. */
export const DUE_INDEX = 'due';
/** Index of outbox entries by resident, for "delete my data". */
export const BY_USER_INDEX = 'byUser';

/** Table names when the council config names none. */
export const DEFAULT_TABLE_NAMES: Record<TableKind, string> = {
  profiles: 'council-voice-profiles',
  outbox: 'council-voice-outbox',
};

/** The CreateTable request for a table of `kind` named `tableName` (TTL is a separate API call). */
export function createTableInput(kind: TableKind, tableName: string): CreateTableInput {
  // TimeToLiveSpecification is CloudFormation-only; the CreateTable API takes the rest as is.
  const { TimeToLiveSpecification: _ttl, ...table } = definitions[kind];
  return { ...table, TableName: tableName };
}

/** How long createTables waits for a new table to become ACTIVE before giving up. */
const ACTIVE_WITHIN_MS = 30_000;

/**
 * Creates the skill's tables, for tests and local DynamoDB-compatible servers; on AWS the
 * deployment does it. A table that is already there counts as created: a CreateTable that timed
 * out on a busy machine may have created it before the client's retry asked again. It returns
 * once every table is ACTIVE: a table still CREATING refuses writes as if it did not exist, as
 * DynamoDB's does.
 */
export async function createTables(client: DynamoDbClient, names: Record<TableKind, string>, activeWithinMs = ACTIVE_WITHIN_MS): Promise<void> {
  for (const kind of Object.keys(names) as TableKind[]) {
    try {
      await client.createTable(createTableInput(kind, names[kind]));
    } catch (error) {
      if (!(error instanceof DynamoDbError && error.type === 'ResourceInUseException')) throw error;
    }
  }
  const giveUpAt = Date.now() + activeWithinMs;
  for (const tableName of Object.values(names)) {
    for (let wait = 10; ; wait = Math.min(wait * 2, 500)) {
      const { Table } = await client.describeTable({ TableName: tableName });
      if (Table?.TableStatus === 'ACTIVE') break;
      if (Date.now() > giveUpAt) throw new DynamoDbError('TableNotActive', 'CreateTable', 0, `${tableName} is still ${Table?.TableStatus ?? 'missing'} after ${activeWithinMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

/** A TTL value: `at` plus `days`, in epoch seconds. */
export function expiresAfter(at: Date, days: number): number {
  return Math.floor(at.getTime() / 1000) + days * 86_400;
}
