/**
 * The DynamoDB client's SigV4 signatures against the AWS SDK's own signer (@smithy/signature-v4,
 * what @aws-sdk/client-dynamodb signs with): for the requests the client makes, the same headers
 * signed the same way must give the same signature, or AWS refuses the call.
 */
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import { signRequest } from '../../../../src/connectors/stores/dynamodb/sign';

/** The SDK signer's hash interface over node:crypto (an HMAC when given a key). */
type Source = string | ArrayBuffer | ArrayBufferView;
const bytes = (data: Source): string | Uint8Array => (typeof data === 'string' ? data : data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength));

class NodeSha256 {
  private hash: Hash | Hmac;
  private readonly key?: string | Uint8Array;
  constructor(secret?: Source) {
    this.key = secret === undefined ? undefined : bytes(secret);
    this.hash = this.key === undefined ? createHash('sha256') : createHmac('sha256', this.key);
  }
  update(data: Source): void {
    this.hash.update(bytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
  reset(): void {
    this.hash = this.key === undefined ? createHash('sha256') : createHmac('sha256', this.key);
  }
}

const body = JSON.stringify({ TableName: 'profiles', Key: { userId: { S: 'resident-1' } }, ConsistentRead: true });
const headers = { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDB_20120810.GetItem' };
const KEYS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };

/** What the SDK signs for the same request: every header ours sends, bar the signature itself. */
async function sdkAuthorization(url: URL, region: string, sent: Record<string, string>, sessionToken: string | undefined, now: Date): Promise<string> {
  const { authorization: _ours, 'x-amz-date': _date, 'x-amz-security-token': _token, ...signedHeaders } = sent;
  const signer = new SignatureV4({ service: 'dynamodb', region, credentials: { ...KEYS, sessionToken }, sha256: NodeSha256, applyChecksum: false });
  const signed = await signer.sign({
    method: 'POST', protocol: url.protocol, hostname: url.hostname, port: url.port ? Number(url.port) : undefined, path: '/', query: {}, headers: signedHeaders, body,
  }, { signingDate: now });
  return String(signed.headers.authorization);
}

describe('signRequest', () => {
  const cases = [
    { name: 'AWS, with a Lambda role\'s session token', url: 'https://dynamodb.eu-west-2.amazonaws.com', region: 'eu-west-2', sessionToken: 'IQoJb3JpZ2luX2VjEJr//////////wEaCWV1LXdlc3QtMiJGMEQ=' },
    { name: 'AWS China, long-lived keys', url: 'https://dynamodb.cn-north-1.amazonaws.com.cn', region: 'cn-north-1', sessionToken: undefined },
    { name: 'a local server on its own port (dynalite)', url: 'http://127.0.0.1:45123', region: 'eu-west-2', sessionToken: undefined },
  ];

  it.each(cases)('signs as the AWS SDK does: $name', async ({ url, region, sessionToken }) => {
    const now = new Date('2026-12-06T03:59:58.123Z');
    const ours = signRequest({ url: new URL(url), region, service: 'dynamodb', headers, body, now, credentials: { ...KEYS, sessionToken } });
    expect(ours.authorization).toBe(await sdkAuthorization(new URL(url), region, ours, sessionToken, now));
    expect(ours.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/20261206\/.+\/dynamodb\/aws4_request, SignedHeaders=.*host;.*x-amz-date;.*x-amz-target, Signature=[0-9a-f]{64}$/);
    expect(ours['x-amz-date']).toBe('20261206T035958Z');
    expect(ours['x-amz-security-token']).toBe(sessionToken);
    expect(ours.host).toBe(new URL(url).host);
  });

  it('signs with the day\'s key: a new day or rotated credentials give another signature', () => {
    const sign = (now: Date, secretAccessKey: string) => signRequest({
      url: new URL('https://dynamodb.eu-west-2.amazonaws.com'), region: 'eu-west-2', service: 'dynamodb', headers, body, now,
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey },
    }).authorization;
    const before = new Date('2026-12-06T23:59:59Z');
    const after = new Date('2026-12-07T00:00:01Z');
    expect(sign(after, KEYS.secretAccessKey)).toContain('/20261207/');
    expect(sign(before, KEYS.secretAccessKey)).toContain('/20261206/');
    expect(sign(after, 'rotated')).not.toBe(sign(after, KEYS.secretAccessKey));
  });
});
