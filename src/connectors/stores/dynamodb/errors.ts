/**
 * What a DynamoDB call can fail with, named as the service names it, so a caller can tell a
 * condition that did not hold (an answer) from a table that is missing or a throttled account.
 */

/**
 * DynamoDB answered with an error, or could not be reached. `type` is the service's error
 * name (ConditionalCheckFailedException, ResourceNotFoundException, ...) or, when no answer
 * came, TimeoutError or NetworkError. Messages carry the operation and table, never items.
 */
export class DynamoDbError extends Error {
  override readonly name = 'DynamoDbError';

  constructor(
    readonly type: string,
    readonly operation: string,
    /** HTTP status; 0 when no answer came. */
    readonly status: number,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`DynamoDB ${operation} failed: ${type}${detail ? `: ${detail}` : ''}`, options);
  }
}

/** True when a conditional write was refused because its condition did not hold. */
export function isConditionalCheckFailed(error: unknown): error is DynamoDbError {
  return error instanceof DynamoDbError && error.type === 'ConditionalCheckFailedException';
}
