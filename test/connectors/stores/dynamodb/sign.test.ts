/**
 * Our SigV4 signer against a maintained one: for the requests the DynamoDB client makes, every
 * header it sends must be what aws4fetch (the library the client signed with before) would send,
 * byte for byte, or AWS refuses the call.
 */
import { AwsV4Signer } from 'aws4fetch';
import { signRequest, SigningKeys } from '../../../../src/connectors/stores/dynamodb/sign';

const body = JSON.stringify({ TableName: 'profiles', Key: { userId: { S: 'resident-1' } }, ConsistentRead: true });
const headers = { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDB_20120810.GetItem' };

async function aws4fetchHeaders(url: string, region: string, sessionToken: string | undefined, now: Date): Promise<Record<string, string>> {
  const signed = await new AwsV4Signer({
    method: 'POST', url, headers, body, accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', sessionToken,
    service: 'dynamodb', region, datetime: now.toISOString().replace(/[:-]|\.\d{3}/g, ''),
  }).sign();
  return Object.fromEntries(signed.headers);
}

describe('signRequest', () => {
  const cases = [
    { name: 'AWS, with a Lambda role\'s session token', url: 'https://dynamodb.eu-west-2.amazonaws.com', region: 'eu-west-2', sessionToken: 'IQoJb3JpZ2luX2VjEJr//////////wEaCWV1LXdlc3QtMiJGMEQ=' },
    { name: 'AWS China, long-lived keys', url: 'https://dynamodb.cn-north-1.amazonaws.com.cn', region: 'cn-north-1', sessionToken: undefined },
    { name: 'a local server on its own port (dynalite)', url: 'http://127.0.0.1:45123', region: 'eu-west-2', sessionToken: undefined },
  ];

  it.each(cases)('signs as aws4fetch does: $name', async ({ url, region, sessionToken }) => {
    const now = new Date('2026-12-06T03:59:58.123Z');
    const ours = signRequest({
      url: new URL(url), region, service: 'dynamodb', headers, body, now,
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', sessionToken },
    });
    expect(ours).toEqual(await aws4fetchHeaders(url, region, sessionToken, now));
    expect(ours.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/20261206\/.+\/dynamodb\/aws4_request, SignedHeaders=host;x-amz-date;.*x-amz-target, Signature=[0-9a-f]{64}$/);
  });

  it('derives a new key when the day or the credentials change, and signs as aws4fetch then too', async () => {
    const keys = new SigningKeys();
    const sign = (now: Date, secretAccessKey: string) => signRequest({
      url: new URL('https://dynamodb.eu-west-2.amazonaws.com'), region: 'eu-west-2', service: 'dynamodb', headers, body, now,
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey },
    }, keys).authorization;
    const before = new Date('2026-12-06T23:59:59Z');
    const after = new Date('2026-12-07T00:00:01Z');
    sign(before, 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY');
    expect(sign(after, 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY')).toBe((await aws4fetchHeaders('https://dynamodb.eu-west-2.amazonaws.com', 'eu-west-2', undefined, after)).authorization);
    expect(sign(after, 'rotated')).not.toBe(sign(after, 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY'));
  });
});
