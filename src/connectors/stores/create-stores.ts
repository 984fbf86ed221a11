/**
 * The stores the skill keeps between sessions, chosen by the council config's `storage.kind`:
 * SQLite in one local file (`npm start`, a council's own server) or DynamoDB (AWS Lambda, where
 * there is no disk to keep a file on). Both give the same interfaces, so nothing else changes.
 */
import type { CouncilConfig } from '../../config/council-config';
import { systemClock, type Clock } from '../../core/dates';
import { silentLogger, type Logger } from '../../core/logger';
import type { ReportOutbox } from '../../core/outbox';
import type { ProfileStore } from '../../core/profile';
import { DynamoDbClient } from './dynamodb/client';
import { DynamoDbOutbox } from './dynamodb-outbox';
import { DynamoDbProfileStore } from './dynamodb-profile-store';
import { DEFAULT_TABLE_NAMES } from './dynamodb-tables';
import { openDatabase } from './sqlite-database';
import { SqliteReportOutbox } from './sqlite-outbox';
import { SqliteProfileStore } from './sqlite-profile-store';
import { countReadsAsUse, purgeExpired } from './sqlite-retention';

/** How often a long-running server purges expired data from the local database. */
const PURGE_EVERY_MS = 6 * 60 * 60 * 1000;

export interface Stores {
  profiles: ProfileStore;
  outbox: ReportOutbox;
  /** Lets go of the database file; call once, on shutdown. */
  close(): Promise<void>;
}

export interface StoreOptions {
  /** The directory holding the SQLite file (DATA_DIR); unused with DynamoDB. */
  dataDir: string;
  clock?: Clock;
  logger?: Logger;
  /** A DynamoDB client to share (tests, or a caller that already has one); made from the config otherwise. */
  dynamoClient?: DynamoDbClient;
  /** Where AWS_REGION is read when the config names no region; process.env by default. */
  env?: NodeJS.ProcessEnv;
}

/** The config's region, else the environment's (Lambda always sets AWS_REGION). */
function regionOf(storage: CouncilConfig['storage'], env: NodeJS.ProcessEnv): string {
  const region = storage.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
  if (!region) throw new Error('storage.kind is dynamodb but no region is set: give storage.region in the council config, or set AWS_REGION');
  return region;
}

/** Opens the stores `storage` names. Call once at start-up (or once per Lambda container). */
export function createStores(storage: CouncilConfig['storage'], options: StoreOptions): Stores {
  const clock = options.clock ?? systemClock;
  if (storage.kind === 'dynamodb') {
    // Credentials and region come from the Lambda role and environment; `endpoint` is for a
    // DynamoDB-compatible server run locally (which still wants some AWS_ACCESS_KEY_ID set).
    const client = options.dynamoClient ?? new DynamoDbClient({ region: regionOf(storage, options.env ?? process.env), endpoint: storage.endpoint });
    return {
      profiles: new DynamoDbProfileStore({ client, tableName: storage.profilesTable ?? DEFAULT_TABLE_NAMES.profiles, clock }),
      outbox: new DynamoDbOutbox({ client, tableName: storage.outboxTable ?? DEFAULT_TABLE_NAMES.outbox }),
      // Requests go through fetch's shared connection pool, which needs no closing.
      close: async () => {},
    };
  }
  const db = openDatabase(options.dataDir);
  const logger = options.logger ?? silentLogger;
  // DynamoDB expires items by TTL; the local file has no such thing, so the process purges it.
  const purge = () => {
    try {
      const purged = purgeExpired(db, clock.now());
      if (purged.profiles + purged.reports > 0) logger.info({ ...purged }, 'expired data purged from the local database');
    } catch (error) {
      logger.warn({ err: error }, 'could not purge expired data; will try again');
    }
  };
  purge();
  const timer = setInterval(purge, PURGE_EVERY_MS);
  timer.unref();
  return {
    profiles: countReadsAsUse(new SqliteProfileStore(db, clock), db, clock),
    outbox: new SqliteReportOutbox(db),
    close: async () => {
      clearInterval(timer);
      db.close();
    },
  };
}
