/**
 * The report outbox in DynamoDB, for the skill on AWS Lambda. A conditional put on an id derived
 * from the idempotency key makes a retried request find the first report instead of filing a
 * second; a sparse index of pending entries by due time feeds the background sender. Sent
 * entries expire after 30 days, refused ones after 90; a report still waiting never expires.
 */
import type { SubmitResult } from '../../core/council';
import {
  FORGOTTEN_KEY_PREFIX, scrubbedReport,
  type ForgetOutcome, type NewOutboxEntry, type OutboxEntry, type ReportOutbox,
} from '../../core/outbox';
import type { DynamoDbClient } from './dynamodb/client';
import { isConditionalCheckFailed } from './dynamodb/errors';
import type { UpdateItemInput } from './dynamodb/types';
import { dueQueueFor, entryIdFor, fromItem, toItem, type Item } from './dynamodb-outbox-items';
import { BY_USER_INDEX, DUE_INDEX, TTL_ATTRIBUTE, expiresAfter } from './dynamodb-tables';
import { REJECTED_KEEP_DAYS, SENT_KEEP_DAYS } from './retention';

export interface DynamoDbOutboxOptions {
  client: DynamoDbClient;
  tableName: string;
}

type Update = Omit<UpdateItemInput, 'TableName' | 'Key'>;

export class DynamoDbOutbox implements ReportOutbox {
  private readonly client: DynamoDbClient;
  private readonly table: string;

  constructor(options: DynamoDbOutboxOptions) {
    this.client = options.client;
    this.table = options.tableName;
  }

  async enqueue(fresh: NewOutboxEntry): Promise<{ entry: OutboxEntry; created: boolean }> {
    const entry: OutboxEntry = {
      id: entryIdFor(fresh.idempotencyKey),
      idempotencyKey: fresh.idempotencyKey,
      userId: fresh.userId,
      report: fresh.report,
      ...(fresh.councilId ? { councilId: fresh.councilId } : {}),
      state: 'pending',
      attempts: 0,
      nextAttemptAt: fresh.leaseUntil,
      createdAt: fresh.now,
    };
    try {
      await this.client.putItem({
        TableName: this.table,
        Item: toItem(entry),
        ConditionExpression: 'attribute_not_exists(id)',
      });
      return { entry, created: true };
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
      const existing = await this.get(entry.id);
      // Only a TTL deletion between the two calls gets here; the first report was sent long ago.
      if (!existing) throw error;
      return { entry: existing, created: false };
    }
  }

  async get(id: string): Promise<OutboxEntry | undefined> {
    const item = await this.getItem(id);
    return item && fromItem(item, this.table);
  }

  async claimDue(now: Date, leaseUntil: Date, limit: number, councilId?: string): Promise<OutboxEntry[]> {
    const claimed: OutboxEntry[] = [];
    let startKey: Item | undefined;
    do {
      // The index is eventually consistent: the conditional update below is what decides a claim.
      const page = await this.client.query({
        TableName: this.table,
        IndexName: DUE_INDEX,
        KeyConditionExpression: 'dueQueue = :queue AND nextAttemptAt <= :now',
        ExpressionAttributeValues: { ':queue': { S: dueQueueFor(councilId) }, ':now': { N: String(now.getTime()) } },
        ExclusiveStartKey: startKey,
      });
      for (const key of page.Items ?? []) {
        if (claimed.length >= limit) break;
        const id = key.id?.S;
        const item = id && await this.update(id, {
          UpdateExpression: 'SET nextAttemptAt = :lease',
          ConditionExpression: '#state = :pending AND nextAttemptAt <= :now',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':lease': { N: String(leaseUntil.getTime()) }, ':pending': { S: 'pending' }, ':now': { N: String(now.getTime()) } },
        });
        if (item) claimed.push(fromItem(item, this.table));
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey && claimed.length < limit);
    return claimed;
  }

  async markSent(id: string, result: SubmitResult, at: Date): Promise<void> {
    await this.leaveQueue(id, 'sent', {
      UpdateExpression: 'SET #state = :sent, #result = :result, sentAt = :at, attempts = attempts + :one, #ttl = :ttl REMOVE dueQueue, lastError',
      ConditionExpression: 'attribute_exists(id)',
      ExpressionAttributeNames: { '#result': 'result' },
      ExpressionAttributeValues: { ':sent': { S: 'sent' }, ':result': { S: JSON.stringify(result) }, ':at': { N: String(at.getTime()) }, ':ttl': { N: String(expiresAfter(at, SENT_KEEP_DAYS)) } },
    });
  }

  async markRetry(id: string, error: string, retryAt: Date): Promise<void> {
    // Only a pending entry waits again: a late failure report must not undo a success.
    await this.update(id, {
      UpdateExpression: 'SET lastError = :error, nextAttemptAt = :retry, attempts = attempts + :one',
      ConditionExpression: '#state = :pending',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: { ':error': { S: error }, ':retry': { N: String(retryAt.getTime()) }, ':one': { N: '1' }, ':pending': { S: 'pending' } },
    });
  }

  async markRejected(id: string, error: string, at: Date): Promise<void> {
    await this.leaveQueue(id, 'rejected', {
      UpdateExpression: 'SET #state = :rejected, lastError = :error, sentAt = :at, attempts = attempts + :one, #ttl = :ttl REMOVE dueQueue',
      // A report the council already took is not refused by a late answer.
      ConditionExpression: '#state = :pending',
      ExpressionAttributeValues: {
        ':rejected': { S: 'rejected' }, ':error': { S: error }, ':at': { N: String(at.getTime()) }, ':pending': { S: 'pending' },
        ':ttl': { N: String(expiresAfter(at, REJECTED_KEEP_DAYS)) },
      },
    });
  }

  async forgetUser(userId: string, knownIds: string[] = []): Promise<ForgetOutcome> {
    const outcome: ForgetOutcome = { scrubbed: 0, stillSending: 0 };
    if (!userId) return outcome;
    // The user index is eventually consistent: a report filed a moment ago may not be in it yet.
    const ids = new Set(knownIds);
    let startKey: Item | undefined;
    do {
      const page = await this.client.query({
        TableName: this.table,
        IndexName: BY_USER_INDEX,
        KeyConditionExpression: 'userId = :user',
        ExpressionAttributeValues: { ':user': { S: userId } },
        ExclusiveStartKey: startKey,
      });
      for (const key of page.Items ?? []) if (key.id?.S) ids.add(key.id.S);
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    for (const id of ids) {
      // Pending: flag it (the flag and the state change meet in one item, so neither side misses the other).
      const flagged = await this.update(id, {
        UpdateExpression: 'SET forgetAfterSend = :yes',
        ConditionExpression: '#state = :pending AND userId = :user',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':yes': { BOOL: true }, ':pending': { S: 'pending' }, ':user': { S: userId } },
      });
      if (flagged) outcome.stillSending += 1;
      else if (await this.scrub(id, userId)) outcome.scrubbed += 1;
    }
    return outcome;
  }

  /** Moves an entry out of the queue, then scrubs it if its resident asked to be forgotten meanwhile. */
  private async leaveQueue(id: string, state: 'sent' | 'rejected', change: Update): Promise<void> {
    const item = await this.update(id, {
      ...change,
      ExpressionAttributeNames: { '#state': 'state', '#ttl': TTL_ATTRIBUTE, ...change.ExpressionAttributeNames },
      ExpressionAttributeValues: { ':one': { N: '1' }, ...change.ExpressionAttributeValues },
    });
    if (item?.forgetAfterSend?.BOOL && item.state?.S === state) await this.scrub(id);
  }

  /**
   * Removes the resident from an entry that has left the queue (only if it is `userId`'s, when
   * given); false when there was nothing to scrub.
   */
  private async scrub(id: string, userId?: string): Promise<boolean> {
    const item = await this.getItem(id);
    if (!item) return false;
    const entry = fromItem(item, this.table);
    const updated = await this.update(id, {
      UpdateExpression: 'SET report = :report, idempotencyKey = :key REMOVE userId, forgetAfterSend',
      // Never scrub a report that still has to reach the council.
      ConditionExpression: `attribute_exists(id) AND #state <> :pending${userId ? ' AND userId = :user' : ''}`,
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: {
        ':report': { S: JSON.stringify(scrubbedReport(entry.report)) },
        ':key': { S: `${FORGOTTEN_KEY_PREFIX}${id}` },
        ':pending': { S: 'pending' },
        ...(userId ? { ':user': { S: userId } } : {}),
      },
    });
    return updated !== undefined;
  }

  private async getItem(id: string): Promise<Item | undefined> {
    const { Item: item } = await this.client.getItem({ TableName: this.table, Key: { id: { S: id } }, ConsistentRead: true });
    return item;
  }

  /** A conditional update; the item as it now is, or undefined when the condition did not hold. */
  private async update(id: string, change: Update): Promise<Item | undefined> {
    try {
      const { Attributes: item } = await this.client.updateItem({
        TableName: this.table,
        Key: { id: { S: id } },
        ReturnValues: 'ALL_NEW',
        ...change,
      });
      return item;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return undefined;
      throw error;
    }
  }
}
