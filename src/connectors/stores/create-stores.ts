/**
 * The stores the skill keeps between sessions, chosen by the council config's `storage.kind`:
 * SQLite in one local file (`npm start`, a council's own server) or DynamoDB (AWS Lambda, where
 * there is no disk to keep a file on). Both give the same interfaces, so nothing else changes.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { CouncilConfig } from '../../config/council-config';
import { systemClock, type Clock } from '../../core/dates';
import type { ReportOutbox } from '../../core/outbox';
import type { ProfileStore } from '../../core/profile';
import { DynamoDbOutbox } from './dynamodb-outbox';
import { DynamoDbProfileStore } from './dynamodb-profile-store';
import { DEFAULT_TABLE_NAMES } from './dynamodb-tables';
import { openDatabase } from './sqlite-database';
import { SqliteReportOutbox } from './sqlite-outbox';
import { SqliteProfileStore } from './sqlite-profile-store';

export interface Stores {
  profiles: ProfileStore;
  outbox: ReportOutbox;
  /** Lets go of the database file or the DynamoDB client's connections; call once, on shutdown. */
  close(): Promise<void>;
}

export interface StoreOptions {
  /** The directory holding the SQLite file (DATA_DIR); unused with DynamoDB. */
  dataDir: string;
  clock?: Clock;
  /** A DynamoDB client to share (tests, or a caller that already has one); made from the config otherwise. */
  dynamoClient?: DynamoDBClient;
}

/** Opens the stores `storage` names. Call once at start-up (or once per Lambda container). */
export function createStores(storage: CouncilConfig['storage'], options: StoreOptions): Stores {
  const clock = options.clock ?? systemClock;
  if (storage.kind === 'dynamodb') {
    // Credentials and region come from the Lambda role and environment; `endpoint` is for a
    // DynamoDB-compatible server run locally (which still wants some AWS_ACCESS_KEY_ID set).
    const client = options.dynamoClient ?? new DynamoDBClient({ region: storage.region, endpoint: storage.endpoint });
    return {
      profiles: new DynamoDbProfileStore({ client, tableName: storage.profilesTable ?? DEFAULT_TABLE_NAMES.profiles, clock }),
      outbox: new DynamoDbOutbox({ client, tableName: storage.outboxTable ?? DEFAULT_TABLE_NAMES.outbox }),
      close: async () => {
        if (!options.dynamoClient) client.destroy();
      },
    };
  }
  const db = openDatabase(options.dataDir);
  return {
    profiles: new SqliteProfileStore(db, clock),
    outbox: new SqliteReportOutbox(db),
    close: async () => {
      db.close();
    },
  };
}
