/**
 * AWS Signature Version 4 for the client's requests, by `aws4` (the signer made for Node's own
 * crypto and http modules). Not aws4fetch: it signs through WebCrypto and the fetch `Headers`
 * class, which loads Node's whole fetch implementation first and cost a Lambda cold start about
 * 60 ms. test/connectors/stores/dynamodb/sign.test.ts checks each signature against the AWS SDK's
 * own signer (@smithy/signature-v4) for the same request.
 */
import aws4 from 'aws4';
import type { AwsCredentials } from './credentials';

export interface SignInput {
  /** The endpoint, e.g. https://dynamodb.eu-west-2.amazonaws.com (path `/`, no query). */
  url: URL;
  region: string;
  service: string;
  /** Lower-case names; `host`, the length, the date and the session token are added here. */
  headers: Record<string, string>;
  body: string;
  credentials: AwsCredentials;
  /** The signing time; now unless a test fixes it. */
  now?: Date;
}

/** "20261206T035958Z", as SigV4 writes a time. */
function amzDate(at: Date): string {
  return at.toISOString().replace(/[:-]|\.\d{3}/g, '');
}

/** The headers to send: `input.headers` plus host, content-length, x-amz-date, the session token if any, and authorization; names in lower case. */
export function signRequest(input: SignInput): Record<string, string> {
  const { hostname, port } = input.url;
  const signed = aws4.sign({
    host: hostname,
    ...(port ? { port: Number(port) } : {}),
    path: '/',
    method: 'POST',
    service: input.service,
    region: input.region,
    headers: { ...input.headers, ...(input.now ? { 'x-amz-date': amzDate(input.now) } : {}) },
    body: input.body,
  }, input.credentials);
  return Object.fromEntries(Object.entries(signed.headers ?? {}).map(([name, value]) => [name.toLowerCase(), String(value)]));
}
