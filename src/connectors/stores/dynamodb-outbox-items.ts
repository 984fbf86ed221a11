/**
 * Outbox entries as DynamoDB items and back. Dates are epoch milliseconds so the due index can
 * compare them; the report and the council's answer are JSON, read back exactly as written.
 */
import { createHash } from 'node:crypto';
import type { IssueReport, SubmitResult } from '../../core/council';
import { CouncilDataError } from '../../core/errors';
import type { OutboxEntry, OutboxState } from '../../core/outbox';
import type { AttributeValue, Item } from './dynamodb/types';

export type { Item };

/** The value of the due index's partition key while an entry waits to be sent; absent otherwise. */
export const DUE_QUEUE = 'pending';

/**
 * Each council's reports wait in their own partition of the due index, so one council's backlog
 * is never read through (or claimed ahead of) another's.
 */
export function dueQueueFor(councilId: string | undefined): string {
  return councilId ? `${DUE_QUEUE}#${councilId}` : DUE_QUEUE;
}

/**
 * The entry's id, derived from its idempotency key: a retried request lands on the same item, so
 * one conditional put both stores the report and refuses a duplicate (no transaction needed). A
 * hash, so the id reveals neither the resident nor the request.
 */
export function entryIdFor(idempotencyKey: string): string {
  return createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32);
}

const ms = (date: Date): AttributeValue => ({ N: String(date.getTime()) });

/** The item for a new entry; a resident with no id (some Google requests) is left out of the by-user index. */
export function toItem(entry: OutboxEntry): Item {
  const item: Item = {
    id: { S: entry.id },
    idempotencyKey: { S: entry.idempotencyKey },
    report: { S: JSON.stringify(entry.report) },
    state: { S: entry.state },
    attempts: { N: String(entry.attempts) },
    nextAttemptAt: ms(entry.nextAttemptAt),
    createdAt: ms(entry.createdAt),
  };
  if (entry.userId) item.userId = { S: entry.userId };
  if (entry.councilId) item.councilId = { S: entry.councilId };
  if (entry.state === 'pending') item.dueQueue = { S: dueQueueFor(entry.councilId) };
  return item;
}

function json<T>(item: Item, name: string, table: string): T | undefined {
  const text = item[name]?.S;
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new CouncilDataError('store', `dynamodb:${table}`, `an outbox ${name} is not JSON`);
  }
}

const date = (value: AttributeValue | undefined): Date | undefined => (value?.N === undefined ? undefined : new Date(Number(value.N)));

export function fromItem(item: Item, table: string): OutboxEntry {
  const report = json<IssueReport>(item, 'report', table);
  if (!item.id?.S || !report) throw new CouncilDataError('store', `dynamodb:${table}`, 'an outbox item has no id or report');
  const entry: OutboxEntry = {
    id: item.id.S,
    idempotencyKey: item.idempotencyKey?.S ?? '',
    userId: item.userId?.S ?? '',
    report,
    state: (item.state?.S ?? 'pending') as OutboxState,
    attempts: Number(item.attempts?.N ?? 0),
    nextAttemptAt: date(item.nextAttemptAt) ?? new Date(0),
    createdAt: date(item.createdAt) ?? new Date(0),
  };
  const sentAt = date(item.sentAt);
  const result = json<SubmitResult>(item, 'result', table);
  if (sentAt) entry.sentAt = sentAt;
  if (result) entry.result = result;
  if (item.lastError?.S !== undefined) entry.lastError = item.lastError.S;
  if (item.councilId?.S) entry.councilId = item.councilId.S;
  return entry;
}
