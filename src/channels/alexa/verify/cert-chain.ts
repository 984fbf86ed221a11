/**
 * Checks the certificate chain Amazon signs with: PEM, leaf first, leaf names echo-api.amazon.com
 * in its SAN, each certificate signed by the next until one is signed by (or is) a trusted root.
 * Dates are kept apart as a validity window, because a cached chain must be re-dated on every use.
 */
import { X509Certificate } from 'node:crypto';
import { AlexaVerificationError } from './alexa-verification-error';
import type { TrustedRoots } from './trusted-roots';

const ALEXA_SAN = 'echo-api.amazon.com';
/** Amazon's chain is leaf + one or two intermediates; anything much longer is not theirs. */
const MAX_CHAIN_LENGTH = 6;

/** A chain that has passed every check except the date, which depends on when it is used. */
export interface VerifiedChain {
  leaf: X509Certificate;
  /** The latest notBefore and earliest notAfter of the certificates used, in epoch ms. */
  validFrom: number;
  validUntil: number;
}

/** Splits PEM text into certificates, leaf first. */
export function parsePemChain(pem: string): X509Certificate[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  if (blocks.length === 0) throw new AlexaVerificationError('cert-invalid', 'the certificate download holds no PEM certificate');
  if (blocks.length > MAX_CHAIN_LENGTH) throw new AlexaVerificationError('cert-invalid', `the chain has ${blocks.length} certificates`);
  return blocks.map((block, index) => {
    try {
      return new X509Certificate(block);
    } catch (error) {
      throw new AlexaVerificationError('cert-invalid', `certificate ${index} in the chain does not parse`, { cause: error });
    }
  });
}

function window(cert: X509Certificate): { from: number; until: number } {
  const from = Date.parse(cert.validFrom);
  const until = Date.parse(cert.validTo);
  if (Number.isNaN(from) || Number.isNaN(until)) {
    throw new AlexaVerificationError('cert-invalid', `unreadable validity dates on ${cert.subject}`);
  }
  return { from, until };
}

/** Checks SAN and trust; throws AlexaVerificationError naming the rule broken. */
export function verifyChain(certs: X509Certificate[], roots: TrustedRoots): VerifiedChain {
  const [leaf] = certs;
  if (!leaf) throw new AlexaVerificationError('cert-invalid', 'empty certificate chain');
  // SAN only (never the subject CN), and no wildcard: Amazon names the host exactly.
  if (leaf.checkHost(ALEXA_SAN, { subject: 'never', wildcards: false, partialWildcards: false }) === undefined) {
    throw new AlexaVerificationError('cert-san', `leaf SAN is ${JSON.stringify(leaf.subjectAltName ?? '')}, without ${ALEXA_SAN}`);
  }
  if (leaf.ca) throw new AlexaVerificationError('cert-invalid', 'the leaf certificate is a CA certificate');

  let validFrom = -Infinity;
  let validUntil = Infinity;
  const include = (cert: X509Certificate): void => {
    const dates = window(cert);
    validFrom = Math.max(validFrom, dates.from);
    validUntil = Math.min(validUntil, dates.until);
  };

  // Walk up from the leaf; stop at the first certificate a trusted root vouches for. Extra
  // certificates after that (cross-signs, the root itself) are ignored, as TLS clients do.
  for (let index = 0; index < certs.length; index += 1) {
    const cert = certs[index] as X509Certificate;
    include(cert);
    if (index > 0 && roots.includes(cert)) return { leaf, validFrom, validUntil };
    const root = roots.issuerOf(cert);
    if (root) {
      include(root);
      return { leaf, validFrom, validUntil };
    }
    const next = certs[index + 1];
    if (!next) break;
    if (!next.ca || !cert.checkIssued(next) || !cert.verify(next.publicKey)) {
      throw new AlexaVerificationError('cert-untrusted', `certificate ${index} (${cert.subject}) is not signed by the next in the chain (${next.subject})`);
    }
  }
  throw new AlexaVerificationError('cert-untrusted', `the chain from ${leaf.subject} does not end at a trusted root`);
}

/** Throws unless every certificate used is in date at `now`. */
export function assertInDate(chain: VerifiedChain, now: Date): void {
  const at = now.getTime();
  if (at < chain.validFrom || at > chain.validUntil) {
    throw new AlexaVerificationError('cert-out-of-date',
      `chain valid ${new Date(chain.validFrom).toISOString()} to ${new Date(chain.validUntil).toISOString()}, now is ${now.toISOString()}`);
  }
}
