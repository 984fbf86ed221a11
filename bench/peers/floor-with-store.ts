/**
 * The floor with the one piece of real work every answer of ours does first: reading the
 * resident's saved profile from SQLite, through the same store (same pragmas, same table, a
 * prepared statement) our server uses. The HTTP counterpart of the Lambda bench's "bare skill
 * plus one DynamoDB read": what no skill that remembers its residents can go below.
 */
import type { Server } from 'node:http';
import { openDatabase } from '../../src/connectors/stores/sqlite-database';
import { SqliteProfileStore } from '../../src/connectors/stores/sqlite-profile-store';
import { BENCH_PROFILE } from '../lib/bench-resident';
import { createFloor } from './floor';

export async function createFloorWithStore(dataDir: string): Promise<Server> {
  const profiles = new SqliteProfileStore(openDatabase(dataDir));
  await profiles.put(BENCH_PROFILE);
  return createFloor(async (envelope) => {
    const profile = await profiles.get(envelope.session?.user.userId ?? '');
    if (!profile?.address) throw new Error('the bench resident is not saved');
  });
}
