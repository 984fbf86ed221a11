/**
 * Residents' profiles in DynamoDB, for the skill on AWS Lambda: one item per resident holding the
 * profile as JSON, with a TTL so a resident who stops using the skill is forgotten on their own.
 */
import type { Clock } from '../../core/dates';
import { systemClock } from '../../core/dates';
import { CouncilDataError } from '../../core/errors';
import type { ProfileStore, ResidentProfile } from '../../core/profile';
import type { DynamoDbClient } from './dynamodb/client';
import { TTL_ATTRIBUTE } from './dynamodb-tables';
import { addMonths, PROFILE_KEEP_MONTHS } from './retention';

/** A read pushes the expiry back only when it was last set this long ago, so most reads write nothing. */
const REFRESH_AFTER_DAYS = 30;

export interface DynamoDbProfileStoreOptions {
  client: DynamoDbClient;
  tableName: string;
  clock?: Clock;
  keepMonths?: number;
}

/** `at` plus `months` calendar months, in epoch seconds. */
function monthsLater(at: Date, months: number): number {
  return Math.floor(addMonths(at, months).getTime() / 1000);
}

export class DynamoDbProfileStore implements ProfileStore {
  private readonly client: DynamoDbClient;
  private readonly table: string;
  private readonly clock: Clock;
  private readonly keepMonths: number;

  constructor(options: DynamoDbProfileStoreOptions) {
    this.client = options.client;
    this.table = options.tableName;
    this.clock = options.clock ?? systemClock;
    this.keepMonths = options.keepMonths ?? PROFILE_KEEP_MONTHS;
  }

  async get(userId: string): Promise<ResidentProfile | undefined> {
    const { Item: item } = await this.client.getItem({
      TableName: this.table,
      Key: { userId: { S: userId } },
      // The address saved a moment ago, perhaps by another Lambda instance, must be seen now.
      ConsistentRead: true,
    });
    if (!item?.profile?.S) return undefined;
    const now = this.clock.now();
    const expiresAt = Number(item[TTL_ATTRIBUTE]?.N ?? 0);
    // DynamoDB deletes expired items lazily (within days), so an expired item may still be read.
    if (expiresAt && expiresAt <= Math.floor(now.getTime() / 1000)) return undefined;
    let profile: ResidentProfile;
    try {
      profile = { ...(JSON.parse(item.profile.S) as ResidentProfile), userId };
    } catch {
      throw new CouncilDataError('store', `dynamodb:${this.table}`, 'a stored profile is not JSON');
    }
    // Asking for the bin day every week is using the skill, even though it saves nothing.
    if (expiresAt < monthsLater(now, this.keepMonths) - REFRESH_AFTER_DAYS * 86_400) await this.touch(userId, now);
    return profile;
  }

  async put(profile: ResidentProfile): Promise<void> {
    const now = this.clock.now();
    await this.client.putItem({
      TableName: this.table,
      Item: {
        userId: { S: profile.userId },
        profile: { S: JSON.stringify(profile) },
        updatedAt: { S: now.toISOString() },
        [TTL_ATTRIBUTE]: { N: String(monthsLater(now, this.keepMonths)) },
      },
    });
  }

  async delete(userId: string): Promise<void> {
    await this.client.deleteItem({ TableName: this.table, Key: { userId: { S: userId } } });
  }

  /**
   * Pushes the expiry back; a profile deleted meanwhile stays deleted. A failure here must not
   * cost the resident their answer, and the next read tries again, so it is not thrown.
   */
  private async touch(userId: string, now: Date): Promise<void> {
    try {
      await this.client.updateItem({
        TableName: this.table,
        Key: { userId: { S: userId } },
        UpdateExpression: 'SET #ttl = :ttl',
        ConditionExpression: 'attribute_exists(userId)',
        ExpressionAttributeNames: { '#ttl': TTL_ATTRIBUTE },
        ExpressionAttributeValues: { ':ttl': { N: String(monthsLater(now, this.keepMonths)) } },
      });
    } catch {
      // Deleted meanwhile (ConditionalCheckFailed), or throttled: either way nothing to do now.
    }
  }
}
