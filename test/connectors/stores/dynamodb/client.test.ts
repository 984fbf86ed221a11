/**
 * The DynamoDB client at the edge of the network: DynamoDB itself stands behind nock, answering
 * as the service does (JSON 1.0 errors with `__type`), so throttling, server faults, timeouts
 * and refusals can be staged. The stores' own tests run the client against dynalite.
 */
import nock from 'nock';
import { DynamoDbClient, endpointFor } from '../../../../src/connectors/stores/dynamodb/client';
import { credentialsFromEnv } from '../../../../src/connectors/stores/dynamodb/credentials';
import { DynamoDbError, isConditionalCheckFailed } from '../../../../src/connectors/stores/dynamodb/errors';

const ENDPOINT = 'https://dynamodb.eu-west-2.amazonaws.com';
const item = { userId: { S: 'resident-1' }, profile: { S: '{"address":{"uprn":"1"}}' } };
const getProfile = { TableName: 'profiles', Key: { userId: { S: 'resident-1' } }, ConsistentRead: true };

const awsError = (type: string, message = '') => ({ __type: `com.amazonaws.dynamodb.v20120810#${type}`, message });

function client(options: { timeoutMs?: number; sessionToken?: string } = {}): DynamoDbClient {
  return new DynamoDbClient({
    region: 'eu-west-2',
    credentials: async () => ({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret', sessionToken: options.sessionToken }),
    timeoutMs: options.timeoutMs,
    // Waits between attempts of a millisecond or two, not the tens a deployed client waits.
    backoffScale: 0.01,
  });
}

afterEach(() => nock.cleanAll());

describe('DynamoDbClient', () => {
  it('sends each operation to the region\'s endpoint, signed for dynamodb with the role\'s session token', async () => {
    expect(endpointFor('eu-west-2')).toBe(ENDPOINT);
    expect(endpointFor('cn-north-1')).toBe('https://dynamodb.cn-north-1.amazonaws.com.cn');
    const scope = nock(ENDPOINT, {
      reqheaders: {
        'x-amz-target': 'DynamoDB_20120810.GetItem',
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-security-token': 'session-token',
        authorization: /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-2\/dynamodb\/aws4_request, SignedHeaders=[a-z;-]*x-amz-target[a-z;-]*, Signature=[0-9a-f]{64}$/,
      },
    }).post('/', getProfile).reply(200, { Item: item });
    expect(await client({ sessionToken: 'session-token' }).getItem(getProfile)).toEqual({ Item: item });
    expect(scope.isDone()).toBe(true);
  });

  it('rides out throttling and a passing server fault, as the AWS SDK would', async () => {
    const scope = nock(ENDPOINT).post('/').reply(400, awsError('ProvisionedThroughputExceededException', 'slow down'))
      .post('/').reply(500, awsError('InternalServerError'))
      .post('/').reply(200, { Item: item });
    expect(await client().getItem(getProfile)).toEqual({ Item: item });
    expect(scope.isDone()).toBe(true);
  });

  it('tries again on a fresh attempt when DynamoDB does not answer in time, or the connection drops', async () => {
    // A timeout with room for a busy machine: only the first answer is late, and very late.
    const scope = nock(ENDPOINT).post('/').delay(4000).reply(200, {})
      .post('/').replyWithError({ code: 'ECONNRESET' })
      .post('/').reply(200, { Item: item });
    expect(await client({ timeoutMs: 1000 }).getItem(getProfile)).toEqual({ Item: item });
    expect(scope.isDone()).toBe(true);
  });

  it('gives up after four attempts, saying which operation failed and how', async () => {
    const scope = nock(ENDPOINT).post('/').times(4).reply(503, awsError('ServiceUnavailable'));
    const failure = await client().getItem(getProfile).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DynamoDbError);
    expect(failure).toMatchObject({ type: 'ServiceUnavailable', operation: 'GetItem', status: 503 });
    expect(scope.isDone()).toBe(true);
  });

  it('reports a condition that did not hold at once, without retrying the write', async () => {
    nock(ENDPOINT).post('/').reply(400, awsError('ConditionalCheckFailedException', 'The conditional request failed'))
      .post('/').reply(200, {});
    const failure = await client().putItem({ TableName: 'outbox', Item: item, ConditionExpression: 'attribute_not_exists(id)' }).catch((error: unknown) => error);
    expect(isConditionalCheckFailed(failure)).toBe(true);
    expect(nock.pendingMocks()).toHaveLength(1);
  });

  it('does not retry a refusal such as a missing table, and names it', async () => {
    nock(ENDPOINT).post('/').reply(400, awsError('ResourceNotFoundException', 'Requested resource not found'))
      .post('/').reply(200, {});
    const failure = await client().query({ TableName: 'gone', KeyConditionExpression: 'userId = :u', ExpressionAttributeValues: { ':u': { S: 'x' } } })
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({ type: 'ResourceNotFoundException', status: 400, message: expect.stringContaining('Query') });
    expect(isConditionalCheckFailed(failure)).toBe(false);
    expect(nock.pendingMocks()).toHaveLength(1);
  });

  it('names the error from the header when a proxy in front answers without a body', async () => {
    nock(ENDPOINT).post('/').reply(403, '<html>denied</html>', { 'x-amzn-ErrorType': 'AccessDeniedException:http://internal.amazon.com/' });
    await expect(client().deleteItem({ TableName: 'profiles', Key: item })).rejects.toMatchObject({ type: 'AccessDeniedException', status: 403 });
  });
});

describe('credentialsFromEnv', () => {
  it('takes the Lambda role\'s keys and session token from the environment', () => {
    expect(credentialsFromEnv({ AWS_ACCESS_KEY_ID: 'AKID', AWS_SECRET_ACCESS_KEY: 'secret', AWS_SESSION_TOKEN: 'token' }))
      .toEqual({ accessKeyId: 'AKID', secretAccessKey: 'secret', sessionToken: 'token' });
    expect(credentialsFromEnv({ AWS_ACCESS_KEY_ID: 'AKID' })).toBeUndefined();
  });
});
