import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createStores, type Stores } from '../../../src/connectors/stores/create-stores';
import { DynamoDbOutbox } from '../../../src/connectors/stores/dynamodb-outbox';
import { DynamoDbProfileStore } from '../../../src/connectors/stores/dynamodb-profile-store';
import type { ResidentProfile } from '../../../src/core/profile';
import { startLocalDynamo, type LocalDynamo } from '../../support/dynalite-server';

const profile: ResidentProfile = { userId: 'resident-1', address: { uprn: '100000000002', label: '12 High Street', postcode: 'AB1 2CD' } };

/** What a resident would notice: saved once, remembered by the next process to open the same storage. */
async function remembersAcrossOpenings(open: () => Stores): Promise<void> {
  const first = open();
  await first.profiles.put(profile);
  const { created } = await first.outbox.enqueue({ idempotencyKey: 'resident-1|req-1', userId: 'resident-1', report: { issueType: 'POTHOLE', location: 'Mill Lane', description: 'hole' }, now: new Date(), leaseUntil: new Date() });
  expect(created).toBe(true);
  await first.close();

  const second = open();
  expect(await second.profiles.get('resident-1')).toEqual(profile);
  expect((await second.outbox.claimDue(new Date(Date.now() + 1000), new Date(Date.now() + 60_000), 10)).map((e) => e.report.location)).toEqual(['Mill Lane']);
  await second.close();
}

describe('createStores', () => {
  it('keeps profiles and reports in a local SQLite file by default', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'stores-'));
    try {
      await remembersAcrossOpenings(() => createStores({ kind: 'sqlite' }, { dataDir: dir }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('with storage.kind dynamodb', () => {
    let dynamo: LocalDynamo;
    const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };

    beforeAll(async () => {
      dynamo = await startLocalDynamo();
      // The SDK wants credentials even for a local server; on Lambda they come from the role.
      process.env.AWS_ACCESS_KEY_ID = 'local';
      process.env.AWS_SECRET_ACCESS_KEY = 'local';
    });
    afterAll(async () => {
      await dynamo.stop();
      if (saved.id === undefined) delete process.env.AWS_ACCESS_KEY_ID; else process.env.AWS_ACCESS_KEY_ID = saved.id;
      if (saved.secret === undefined) delete process.env.AWS_SECRET_ACCESS_KEY; else process.env.AWS_SECRET_ACCESS_KEY = saved.secret;
    });

    it('keeps them in the configured DynamoDB tables, never on disk', async () => {
      const storage = { kind: 'dynamodb' as const, profilesTable: dynamo.tables.profiles, outboxTable: dynamo.tables.outbox, region: 'eu-west-2', endpoint: dynamo.endpoint };
      const stores = createStores(storage, { dataDir: '/nonexistent/never-created' });
      expect(stores.profiles).toBeInstanceOf(DynamoDbProfileStore);
      expect(stores.outbox).toBeInstanceOf(DynamoDbOutbox);
      await stores.close();
      await remembersAcrossOpenings(() => createStores(storage, { dataDir: '/nonexistent/never-created' }));
      expect(existsSync('/nonexistent/never-created')).toBe(false);
    });

    it('refuses to start without a region to find DynamoDB in, saying where to set one', () => {
      const storage = { kind: 'dynamodb' as const, profilesTable: dynamo.tables.profiles };
      expect(() => createStores(storage, { dataDir: '/nonexistent/never-created', env: {} })).toThrow(/storage\.region.*AWS_REGION/);
    });
  });
});
