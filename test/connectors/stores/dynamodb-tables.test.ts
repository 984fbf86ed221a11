/**
 * Creating the skill's tables on a local DynamoDB-compatible server (dynalite): a table already
 * there is not a failure. On a loaded CI machine a CreateTable timed out after dynalite had made
 * the table, the client's retry got ResourceInUseException, and a whole test file failed to start;
 * and a table still CREATING refused the first write as if it did not exist.
 */
import { createTables } from '../../../src/connectors/stores/dynamodb-tables';
import { DynamoDbError } from '../../../src/connectors/stores/dynamodb/errors';
import { DynamoDbProfileStore } from '../../../src/connectors/stores/dynamodb-profile-store';
import { startLocalDynamo, type LocalDynamo } from '../../support/dynalite-server';

describe('creating the DynamoDB tables', () => {
  let dynamo: LocalDynamo;
  beforeAll(async () => { dynamo = await startLocalDynamo(); });
  afterAll(() => dynamo.stop());

  it('treats a table that is already there as created, and keeps what it holds', async () => {
    const profiles = new DynamoDbProfileStore({ client: dynamo.client, tableName: dynamo.tables.profiles });
    await profiles.put({ userId: 'resident-1', address: { uprn: '1', label: '1 High Street', postcode: 'AB1 2CD' } });
    await expect(createTables(dynamo.client, dynamo.tables)).resolves.toBeUndefined();
    expect((await profiles.get('resident-1'))?.address?.label).toBe('1 High Street');
  });

  it('still fails for anything else the server refuses', async () => {
    const failure = createTables(dynamo.client, { profiles: 'x', outbox: dynamo.tables.outbox });
    await expect(failure).rejects.toBeInstanceOf(DynamoDbError);
    await expect(failure).rejects.toMatchObject({ type: 'ValidationException' });
  });

  it('returns only once the tables take writes, as a table still being created refuses them', async () => {
    const slow = await startLocalDynamo({ createTableMs: 400 });
    try {
      const profiles = new DynamoDbProfileStore({ client: slow.client, tableName: slow.tables.profiles });
      await profiles.put({ userId: 'resident-2', address: { uprn: '2', label: '2 High Street', postcode: 'AB1 2CD' } });
      expect((await profiles.get('resident-2'))?.address?.label).toBe('2 High Street');
    } finally {
      await slow.stop();
    }
  });
});
