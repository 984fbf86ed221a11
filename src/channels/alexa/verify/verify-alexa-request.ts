/**
 * Checks that an HTTP request really comes from Alexa, for one of our skills, recently: Amazon's
 * published rules for self-hosted endpoints, on the raw body bytes.
 *
 * Our own, on node:crypto, rather than ask-sdk-express-adapter's verifier, because that one lets
 * timestamps from the future through, checks the cert URL without normalising it, keeps certs in
 * its cache past their expiry, and has an open "certificate is not trusted" bug with Amazon's
 * current chain.
 */
import { verify as verifySignature } from 'node:crypto';
import { AlexaVerificationError } from './alexa-verification-error';
import { CertCache } from './cert-cache';
import { assertInDate, parsePemChain, verifyChain, type VerifiedChain } from './cert-chain';
import { checkCertUrl } from './cert-url';
import { createCertDownloader, type DownloadCertOptions, type FetchCert } from './download-cert';
import { checkSkillId, checkTimestamp, parseBody } from './request-fields';
import { trustedRootsFor } from './trusted-roots';

export interface AlexaVerificationOptions {
  /** Our skill ids (amzn1.ask.skill.…); a request for any other skill is refused. */
  skillIds: readonly string[];
  /** The clock; tests pin it. */
  now?: () => Date;
  /** Downloads the PEM chain; defaults to Node's fetch with {@link download}'s limits. */
  fetchCert?: FetchCert;
  /** Limits for the default downloader. */
  download?: DownloadCertOptions;
  /** PEM roots a chain must end at; defaults to Node's bundled roots (tls.rootCertificates). */
  trustedRoots?: readonly string[];
  /** Where verified chains are kept; defaults to one cache shared by the process. */
  certCache?: CertCache;
}

/** What a verified request was for. */
export interface VerifiedAlexaRequest {
  skillId: string;
}

type Headers = Record<string, string | string[] | undefined>;

const sharedCache = new CertCache();

function header(headers: Headers, name: string): string {
  const value = headers[name] ?? Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new AlexaVerificationError('missing-header', Array.isArray(value) ? `${name} header sent more than once` : `${name} header missing`);
  }
  return value.trim();
}

async function loadChain(url: string, options: AlexaVerificationOptions, fetchCert: FetchCert): Promise<VerifiedChain> {
  let pem: string;
  try {
    pem = await fetchCert(url);
  } catch (error) {
    throw new AlexaVerificationError('cert-download', `could not download ${url}: ${(error as Error).message}`, { cause: error });
  }
  return verifyChain(parsePemChain(pem), trustedRootsFor(options.trustedRoots));
}

/**
 * Resolves when the request passes every rule; rejects with {@link AlexaVerificationError}
 * (whose `reason` names the rule) otherwise. Cheap checks run first, so a request that fails
 * them costs no download. `parsed` is the body already parsed from `rawBody`, when the caller has it.
 */
export async function verifyAlexaRequest(rawBody: Buffer, headers: Headers, options: AlexaVerificationOptions, parsed?: unknown): Promise<VerifiedAlexaRequest> {
  const now = (options.now ?? (() => new Date()))();
  const certUrl = header(headers, 'signaturecertchainurl');
  const signature = header(headers, 'signature-256');
  const url = checkCertUrl(certUrl).href;

  // The endpoint parses the body once and hands it over; the signature is still over the bytes.
  const body = parsed === undefined ? parseBody(rawBody) : parsed;
  checkTimestamp(body, now);
  const skillId = checkSkillId(body, options.skillIds);

  const fetchCert = options.fetchCert ?? createCertDownloader(options.download);
  const chain = await (options.certCache ?? sharedCache).get(url, now, () => loadChain(url, options, fetchCert));
  assertInDate(chain, now);

  let valid: boolean;
  try {
    valid = chain.leaf.publicKey.asymmetricKeyType === 'rsa'
      && verifySignature('sha256', rawBody, chain.leaf.publicKey, Buffer.from(signature, 'base64'));
  } catch (error) {
    throw new AlexaVerificationError('signature', 'Signature-256 could not be checked', { cause: error });
  }
  if (!valid) throw new AlexaVerificationError('signature', 'Signature-256 does not match the body');
  return { skillId };
}
