/**
 * The root certificates a chain may end at. By default Node's bundled Mozilla roots, the same set
 * Node's own TLS trusts; tests hand in their own CA instead.
 */
import { X509Certificate } from 'node:crypto';

/** Parsed roots, looked up by subject and by fingerprint. */
export class TrustedRoots {
  private readonly bySubject = new Map<string, X509Certificate[]>();
  private readonly fingerprints = new Set<string>();

  constructor(pems: readonly string[]) {
    for (const pem of pems) {
      const root = new X509Certificate(pem);
      this.fingerprints.add(root.fingerprint256);
      this.bySubject.set(root.subject, [...(this.bySubject.get(root.subject) ?? []), root]);
    }
  }

  /** True when this very certificate is one of the roots. */
  includes(cert: X509Certificate): boolean {
    return this.fingerprints.has(cert.fingerprint256);
  }

  /** The root that signed this certificate, if any: same name is not enough, the signature must verify. */
  issuerOf(cert: X509Certificate): X509Certificate | undefined {
    return this.bySubject.get(cert.issuer)?.find((root) => cert.checkIssued(root) && cert.verify(root.publicKey));
  }
}

/** Node's roots, from node:tls loaded only now: a Lambda function, which checks no signatures, never loads TLS for them. */
function bundledRoots(): readonly string[] {
  return process.getBuiltinModule('node:tls').rootCertificates;
}

// Parsing ~140 roots takes a noticeable moment, so each distinct list is parsed once.
const parsed = new WeakMap<readonly string[], TrustedRoots>();

/** The parsed form of a root list, parsed on first use. */
export function trustedRootsFor(pems: readonly string[] = bundledRoots()): TrustedRoots {
  let roots = parsed.get(pems);
  if (!roots) {
    roots = new TrustedRoots(pems);
    parsed.set(pems, roots);
  }
  return roots;
}
