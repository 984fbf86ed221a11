/**
 * AWS Signature Version 4 for the client's one kind of request: a POST of a JSON body to the
 * service's root path, no query string. Written on node:crypto because a signing library built on
 * WebCrypto and the fetch `Headers` class (aws4fetch) loads Node's whole fetch implementation
 * first, which cost a Lambda cold start about 60 ms. test/connectors/stores/dynamodb/sign.test.ts
 * checks every signature against aws4fetch's for the same request.
 */
import { createHash, createHmac } from 'node:crypto';
import type { AwsCredentials } from './credentials';

export interface SignInput {
  /** The endpoint, e.g. https://dynamodb.eu-west-2.amazonaws.com (path `/`, no query). */
  url: URL;
  region: string;
  service: string;
  /** Lower-case names; `host`, the date and the session token are added here. */
  headers: Record<string, string>;
  body: string;
  credentials: AwsCredentials;
  /** The signing time; now unless a test fixes it. */
  now?: Date;
}

/** Headers a proxy may change on the way, so AWS's signers leave them unsigned. */
const UNSIGNED = new Set(['authorization', 'content-type', 'content-length', 'user-agent', 'expect', 'x-amzn-trace-id', 'connection']);

const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** Derives the day's signing key; the last one is kept, since a key serves a whole UTC day. */
export class SigningKeys {
  private last: { id: string; secret: string; key: Buffer } | undefined;

  keyFor(secret: string, date: string, region: string, service: string): Buffer {
    const id = `${date}/${region}/${service}`;
    if (this.last?.id === id && this.last.secret === secret) return this.last.key;
    const kDate = createHmac('sha256', `AWS4${secret}`).update(date).digest();
    const kRegion = createHmac('sha256', kDate).update(region).digest();
    const kService = createHmac('sha256', kRegion).update(service).digest();
    const key = createHmac('sha256', kService).update('aws4_request').digest();
    this.last = { id, secret, key };
    return key;
  }
}

/** `input.headers` plus host, x-amz-date, the session token if any, and the Authorization header. */
export function signRequest(input: SignInput, keys: SigningKeys = new SigningKeys()): Record<string, string> {
  const datetime = (input.now ?? new Date()).toISOString().replace(/[:-]|\.\d{3}/g, '');
  const date = datetime.slice(0, 8);
  const { accessKeyId, secretAccessKey, sessionToken } = input.credentials;
  const headers: Record<string, string> = { ...input.headers, 'x-amz-date': datetime };
  if (sessionToken) headers['x-amz-security-token'] = sessionToken;
  const signed: Record<string, string> = { ...headers, host: input.url.host };
  const names = Object.keys(signed).filter((name) => !UNSIGNED.has(name)).sort();
  const signedHeaders = names.join(';');
  const canonicalHeaders = names.map((name) => `${name}:${(signed[name] ?? '').trim().replace(/\s+/g, ' ')}`).join('\n');
  const canonicalRequest = ['POST', '/', '', `${canonicalHeaders}\n`, signedHeaders, sha256Hex(input.body)].join('\n');
  const scope = `${date}/${input.region}/${input.service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', datetime, scope, sha256Hex(canonicalRequest)].join('\n');
  const signature = createHmac('sha256', keys.keyFor(secretAccessKey, date, input.region, input.service)).update(stringToSign).digest('hex');
  headers.authorization = `AWS4-HMAC-SHA256 Credential=${accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return headers;
}
