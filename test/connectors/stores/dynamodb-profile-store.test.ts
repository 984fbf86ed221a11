import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDbProfileStore } from '../../../src/connectors/stores/dynamodb-profile-store';
import { TTL_ATTRIBUTE } from '../../../src/connectors/stores/dynamodb-tables';
import type { ResidentProfile } from '../../../src/core/profile';
import { startLocalDynamo, type LocalDynamo } from '../../support/dynalite-server';

const seconds = (iso: string) => Date.parse(iso) / 1000;

describe('DynamoDbProfileStore against a DynamoDB-compatible server', () => {
  let dynamo: LocalDynamo;
  let now: Date;
  let store: DynamoDbProfileStore;

  const profile: ResidentProfile = {
    userId: 'amzn1.ask.account.resident-1',
    address: { uprn: '100000000002', label: '12 High Street', postcode: 'AB1 2CD' },
    lastReport: { outboxId: 'abc' },
    reminderIds: ['r-1'],
  };

  async function storedExpiry(userId: string): Promise<number | undefined> {
    const { Item } = await dynamo.sdk.send(new GetItemCommand({ TableName: dynamo.tables.profiles, Key: { userId: { S: userId } } }));
    const value = Item?.[TTL_ATTRIBUTE]?.N;
    return value === undefined ? undefined : Number(value);
  }

  beforeAll(async () => {
    dynamo = await startLocalDynamo();
  });
  afterAll(async () => {
    await dynamo.stop();
  });
  beforeEach(() => {
    now = new Date('2026-11-27T10:00:00Z');
    store = new DynamoDbProfileStore({ client: dynamo.client, tableName: dynamo.tables.profiles, clock: { now: () => now } });
  });

  it('remembers a resident\'s address and last report across instances', async () => {
    await store.put(profile);
    const other = new DynamoDbProfileStore({ client: dynamo.client, tableName: dynamo.tables.profiles, clock: { now: () => now } });
    expect(await other.get(profile.userId)).toEqual(profile);
  });

  it('knows nothing of a resident it has never met', async () => {
    expect(await store.get('amzn1.ask.account.stranger')).toBeUndefined();
  });

  it('marks each profile to expire 13 months after it was saved', async () => {
    await store.put(profile);
    expect(await storedExpiry(profile.userId)).toBe(seconds('2027-12-27T10:00:00Z'));
  });

  it('pushes the expiry back when a resident keeps using the skill without changing anything', async () => {
    await store.put(profile);
    now = new Date('2027-03-01T10:00:00Z');
    expect(await store.get(profile.userId)).toEqual(profile);
    expect(await storedExpiry(profile.userId)).toBe(seconds('2028-04-01T10:00:00Z'));
  });

  it('treats a profile past its expiry as gone, before DynamoDB gets round to deleting it', async () => {
    await store.put(profile);
    now = new Date('2027-12-28T10:00:00Z');
    expect(await store.get(profile.userId)).toBeUndefined();
  });

  it('deletes everything it holds about the resident', async () => {
    await store.put(profile);
    await store.delete(profile.userId);
    expect(await store.get(profile.userId)).toBeUndefined();
    expect(await storedExpiry(profile.userId)).toBeUndefined();
  });

  it('replaces a profile rather than keeping the old address', async () => {
    await store.put(profile);
    const moved: ResidentProfile = { userId: profile.userId, address: { uprn: '200000000001', label: '4 Mill Lane', postcode: 'AB1 3EF' } };
    await store.put(moved);
    expect(await store.get(profile.userId)).toEqual(moved);
  });
});
