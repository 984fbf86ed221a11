/**
 * A small DynamoDB client: the handful of operations the stores make, as SigV4-signed JSON
 * requests (sign.ts signs; node:http or node:https sends, connectors/node-http.ts), with the AWS SDK's retry rules,
 * a timeout on every attempt, and errors named as DynamoDB names them. It loads in a fraction of
 * the time the SDK's client takes, which a Lambda cold start pays for in full.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { defaultCredentialSource, type CredentialSource } from './credentials';
import { DynamoDbError } from './errors';
import { exchange, ExchangeFailure, type ExchangeAnswer } from '../../node-http';
import { backoffMs, classify, MAX_ATTEMPTS, RetryQuota } from './retry';
import { signRequest } from './sign';
import type { Operations } from './types';

export interface DynamoDbClientOptions {
  /** The AWS region (AWS_REGION on Lambda); picks the endpoint and signs the requests. */
  region: string;
  /** A DynamoDB-compatible server instead of AWS's (dynalite, DynamoDB Local). */
  endpoint?: string;
  /** Default: the environment's credentials, else the AWS SDK's chain (see credentials.ts). */
  credentials?: CredentialSource;
  /** How long one attempt may take, in milliseconds. */
  timeoutMs?: number;
  maxAttempts?: number;
  /** Scales the waits between attempts (tests make them short). */
  backoffScale?: number;
}

/**
 * DynamoDB answers in milliseconds; an attempt still waiting after this has met a network
 * problem, and the next attempt (on a fresh connection) does better than waiting on.
 */
const DEFAULT_TIMEOUT_MS = 2000;
/** A DynamoDB item is at most 400 KB; a Query page at most 1 MB. */
const MAX_ANSWER_BYTES = 2_000_000;

/** The service's own endpoint for `region`. */
export function endpointFor(region: string): string {
  return `https://dynamodb.${region}.amazonaws.com${region.startsWith('cn-') ? '.cn' : ''}`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class DynamoDbClient {
  private readonly url: URL;
  private readonly region: string;
  private readonly credentials: CredentialSource;
  private readonly timeoutMs: number;
  private readonly maxAttempts: number;
  private readonly backoffScale: number;
  private readonly quota = new RetryQuota();

  constructor(options: DynamoDbClientOptions) {
    this.region = options.region;
    this.url = new URL(options.endpoint ?? endpointFor(options.region));
    this.credentials = options.credentials ?? defaultCredentialSource();
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxAttempts = options.maxAttempts ?? MAX_ATTEMPTS;
    this.backoffScale = options.backoffScale ?? 1;
  }

  getItem(input: Operations['GetItem'][0]): Promise<Operations['GetItem'][1]> {
    return this.call('GetItem', input);
  }

  putItem(input: Operations['PutItem'][0]): Promise<Operations['PutItem'][1]> {
    return this.call('PutItem', input);
  }

  updateItem(input: Operations['UpdateItem'][0]): Promise<Operations['UpdateItem'][1]> {
    return this.call('UpdateItem', input);
  }

  deleteItem(input: Operations['DeleteItem'][0]): Promise<Operations['DeleteItem'][1]> {
    return this.call('DeleteItem', input);
  }

  query(input: Operations['Query'][0]): Promise<Operations['Query'][1]> {
    return this.call('Query', input);
  }

  /** For tests and local servers; on AWS the deployment creates the tables. */
  createTable(input: Operations['CreateTable'][0]): Promise<Operations['CreateTable'][1]> {
    return this.call('CreateTable', input);
  }

  /** For tests and local servers: whether a table is ACTIVE yet. */
  describeTable(input: Operations['DescribeTable'][0]): Promise<Operations['DescribeTable'][1]> {
    return this.call('DescribeTable', input);
  }

  /** One operation, retried as the SDK would retry it; throws DynamoDbError. */
  async call<Op extends keyof Operations>(operation: Op, input: Operations[Op][0]): Promise<Operations[Op][1]> {
    const body = JSON.stringify(input);
    let lastRetryCost: number | undefined;
    for (let attempt = 1; ; attempt += 1) {
      try {
        const answer = await this.attempt(operation, body);
        this.quota.succeeded(lastRetryCost);
        return answer as Operations[Op][1];
      } catch (error) {
        const kind = classify(error);
        if (kind === 'no' || attempt >= this.maxAttempts) throw error;
        lastRetryCost = this.quota.take(kind);
        if (lastRetryCost === undefined) throw error;
        await sleep(backoffMs(kind, attempt - 1, this.backoffScale));
      }
    }
  }

  private async attempt(operation: string, body: string): Promise<unknown> {
    const credentials = await this.credentials();
    const headers = signRequest({
      url: this.url,
      region: this.region,
      service: 'dynamodb',
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `DynamoDB_20120810.${operation}` },
      body,
      credentials,
    });
    let answer: ExchangeAnswer;
    try {
      answer = await exchange({ method: 'POST', url: this.url, headers, body: Buffer.from(body, 'utf8') }, { timeoutMs: this.timeoutMs, maxBytes: MAX_ANSWER_BYTES });
    } catch (error) {
      const reason = error instanceof ExchangeFailure ? error.reason : 'network';
      if (reason === 'timeout') throw new DynamoDbError('TimeoutError', operation, 0, `no answer within ${this.timeoutMs} ms`);
      if (reason === 'too-large') throw new DynamoDbError('ResponseTooLarge', operation, 0, `over ${MAX_ANSWER_BYTES} bytes`);
      throw new DynamoDbError('NetworkError', operation, 0, 'unreachable', { cause: (error as Error).cause ?? error });
    }
    const text = answer.body.toString('utf8');
    if (answer.status >= 200 && answer.status < 300) return parse(text, operation, answer.status);
    throw toError(operation, answer.status, answer.headers, text);
  }
}

function parse(text: string, operation: string, status: number): Record<string, unknown> {
  try {
    return text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
  } catch {
    throw new DynamoDbError('InvalidResponse', operation, status, 'the answer is not JSON');
  }
}

/**
 * DynamoDB's error answer: `{"__type": "com.amazonaws.dynamodb.v20120810#Name", "message": ...}`,
 * the name also in the x-amzn-ErrorType header (`Name:http://...`).
 */
function toError(operation: string, status: number, headers: IncomingHttpHeaders, text: string): DynamoDbError {
  let type = '';
  let message = '';
  try {
    const body = JSON.parse(text) as { __type?: unknown; message?: unknown; Message?: unknown };
    if (typeof body.__type === 'string') type = body.__type;
    const said = body.message ?? body.Message;
    if (typeof said === 'string') message = said;
  } catch {
    // Not JSON (a proxy's error page): the status says enough.
  }
  const header = headers['x-amzn-errortype'];
  type ||= (Array.isArray(header) ? header[0] : header) ?? '';
  type = type.split(':')[0]?.split('#').pop() || `HTTP ${status}`;
  return new DynamoDbError(type, operation, status, message.slice(0, 200));
}
