/**
 * A tiny certificate authority for tests: issues real X.509 certificates (DER built by hand,
 * signed with node:crypto) so the Alexa verifier is tested against the same kind of chain Amazon
 * serves, without openssl, the network or a transitive dependency that may vanish.
 * Test-only code: it knows just enough ASN.1 to write RSA certificates with the extensions
 * the verifier reads (basic constraints, key usage, key identifiers, DNS subject alt names).
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign, X509Certificate, type KeyObject } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// --- DER ---------------------------------------------------------------------------------------

function encodeLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function tlv(tag: number, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  return Buffer.concat([Buffer.from([tag]), encodeLength(body.length), body]);
}

const sequence = (...parts: Buffer[]): Buffer => tlv(0x30, ...parts);
const set = (...parts: Buffer[]): Buffer => tlv(0x31, ...parts);
const nullValue = (): Buffer => tlv(0x05);
const boolean = (value: boolean): Buffer => tlv(0x01, Buffer.from([value ? 0xff : 0x00]));
const octetString = (value: Buffer): Buffer => tlv(0x04, value);
const bitString = (value: Buffer, unusedBits = 0): Buffer => tlv(0x03, Buffer.from([unusedBits]), value);
const utf8String = (value: string): Buffer => tlv(0x0c, Buffer.from(value, 'utf8'));
const explicit = (tagNumber: number, content: Buffer): Buffer => tlv(0xa0 | tagNumber, content);

/** A non-negative INTEGER: a leading zero keeps the top bit from reading as a sign. */
function integer(value: Buffer): Buffer {
  let bytes = value;
  while (bytes.length > 1 && bytes[0] === 0 && (bytes[1] ?? 0) < 0x80) bytes = bytes.subarray(1);
  if ((bytes[0] ?? 0) >= 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
  return tlv(0x02, bytes);
}

function objectId(dotted: string): Buffer {
  const [first = 0, second = 0, ...rest] = dotted.split('.').map(Number);
  const bytes = [first * 40 + second];
  for (const arc of rest) {
    const groups: number[] = [];
    for (let value = arc; ; value = Math.floor(value / 128)) {
      groups.unshift(value % 128);
      if (value < 128) break;
    }
    groups.forEach((group, index) => bytes.push(index < groups.length - 1 ? group | 0x80 : group));
  }
  return tlv(0x06, Buffer.from(bytes));
}

/** UTCTime up to 2049, GeneralizedTime after, as RFC 5280 requires. */
function time(date: Date): Buffer {
  const iso = date.toISOString();
  const digits = iso.slice(0, 19).replace(/[-:T]/g, '');
  return date.getUTCFullYear() < 2050
    ? tlv(0x17, Buffer.from(`${digits.slice(2)}Z`, 'ascii'))
    : tlv(0x18, Buffer.from(`${digits}Z`, 'ascii'));
}

const OID = {
  sha256WithRsa: '1.2.840.113549.1.1.11',
  commonName: '2.5.4.3',
  organisation: '2.5.4.10',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  subjectKeyId: '2.5.29.14',
  authorityKeyId: '2.5.29.35',
};

function distinguishedName(commonName: string): Buffer {
  return sequence(
    set(sequence(objectId(OID.organisation), utf8String('Council Voice Test PKI'))),
    set(sequence(objectId(OID.commonName), utf8String(commonName))),
  );
}

function extension(oid: string, critical: boolean, value: Buffer): Buffer {
  return sequence(objectId(oid), ...(critical ? [boolean(true)] : []), octetString(value));
}

// --- certificates ------------------------------------------------------------------------------

/** A key pair and the certificate issued for it. */
export interface TestCert {
  pem: string;
  x509: X509Certificate;
  privateKey: KeyObject;
  publicKey: KeyObject;
  commonName: string;
  keyId: Buffer;
}

export interface CertSpec {
  commonName: string;
  /** Who signs it; omitted for a self-signed root. */
  issuer?: TestCert;
  /** Reuse a key pair (generating RSA keys is the slow part of these tests). */
  keys?: { privateKey: KeyObject; publicKey: KeyObject };
  notBefore: Date;
  notAfter: Date;
  ca?: boolean;
  dnsNames?: string[];
}

type KeyPair = { privateKey: KeyObject; publicKey: KeyObject };

/** A 2048-bit RSA key pair, the size Amazon's own certificates use. */
export function generateRsaKeys(): KeyPair {
  return generateKeyPairSync('rsa', { modulusLength: 2048 });
}

/**
 * RSA keys for the test PKI, kept in the temp directory between runs: generating four 2048-bit
 * keys takes seconds on a busy machine, and the keys are not what is under test (every
 * certificate is still issued afresh). Written via rename, so parallel workers never read half a file.
 */
function reusableTestKeys(count: number): KeyPair[] {
  const file = path.join(tmpdir(), `council-voice-test-rsa-keys-${count}.json`);
  try {
    const pems = JSON.parse(readFileSync(file, 'utf8')) as string[];
    if (pems.length === count) {
      return pems.map((pem) => ({ privateKey: createPrivateKey(pem), publicKey: createPublicKey(pem) }));
    }
  } catch {
    // No usable cache yet: generate below.
  }
  const keys = Array.from({ length: count }, generateRsaKeys);
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(temp, JSON.stringify(keys.map(({ privateKey }) => privateKey.export({ type: 'pkcs8', format: 'pem' }))));
  renameSync(temp, file);
  return keys;
}

function toPem(der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

/** Issues one certificate (self-signed when `issuer` is omitted). */
export function issueCert(spec: CertSpec): TestCert {
  const keys = spec.keys ?? generateRsaKeys();
  const spki = keys.publicKey.export({ type: 'spki', format: 'der' });
  const keyId = createHash('sha1').update(spki).digest();
  const signer = spec.issuer ?? { privateKey: keys.privateKey, keyId, commonName: spec.commonName };

  const extensions = [
    extension(OID.basicConstraints, true, sequence(...(spec.ca ? [boolean(true)] : []))),
    // CA: keyCertSign + cRLSign; leaf: digitalSignature + keyEncipherment.
    extension(OID.keyUsage, true, spec.ca ? bitString(Buffer.from([0x06]), 1) : bitString(Buffer.from([0xa0]), 5)),
    extension(OID.subjectKeyId, false, octetString(keyId)),
    extension(OID.authorityKeyId, false, sequence(tlv(0x80, signer.keyId))),
  ];
  if (spec.dnsNames?.length) {
    extensions.push(extension(OID.subjectAltName, false,
      sequence(...spec.dnsNames.map((name) => tlv(0x82, Buffer.from(name, 'ascii'))))));
  }

  const algorithm = sequence(objectId(OID.sha256WithRsa), nullValue());
  const tbs = sequence(
    explicit(0, integer(Buffer.from([2]))),
    integer(randomBytes(16)),
    algorithm,
    distinguishedName(signer.commonName),
    sequence(time(spec.notBefore), time(spec.notAfter)),
    distinguishedName(spec.commonName),
    spki,
    explicit(3, sequence(...extensions)),
  );
  const signature = sign('sha256', tbs, signer.privateKey);
  const der = sequence(tbs, algorithm, bitString(signature));
  const pem = toPem(der);
  return { pem, x509: new X509Certificate(pem), ...keys, commonName: spec.commonName, keyId };
}

/** The certificates the Alexa tests sign with, all valid around {@link PKI_NOW}. */
export interface TestPki {
  root: TestCert;
  intermediate: TestCert;
  /** SAN echo-api.amazon.com, issued by the intermediate. */
  leaf: TestCert;
  /** Issued by the intermediate, but for another name. */
  wrongSanLeaf: TestCert;
  /** Right SAN, right issuer, expired a year before PKI_NOW. */
  expiredLeaf: TestCert;
  /** Right SAN, signed by a CA nobody trusts (same name as ours, different key). */
  untrustedLeaf: TestCert;
  /** Right SAN, right issuer, expires ten minutes after PKI_NOW. */
  shortLivedLeaf: TestCert;
  /** PEM chains as Amazon serves them: leaf first, then the intermediate. */
  chain(leaf: TestCert): string;
  /** The trusted roots to hand the verifier. */
  trustedRoots: string[];
}

/** The clock the test PKI is built around. */
export const PKI_NOW = new Date('2030-06-01T12:00:00.000Z');

const days = (count: number): number => count * 24 * 60 * 60 * 1000;

/** Builds a root, an intermediate and the leaves the tests need (four RSA keys; see reusableTestKeys). */
export function createTestPki(): TestPki {
  const now = PKI_NOW.getTime();
  const from = new Date(now - days(30));
  const until = new Date(now + days(365));
  const [caKeys, intermediateKeys, leafKeys, rogueKeys] = reusableTestKeys(4) as [KeyPair, KeyPair, KeyPair, KeyPair];

  const root = issueCert({ commonName: 'Test Root CA', ca: true, keys: caKeys, notBefore: new Date(now - days(3650)), notAfter: new Date(now + days(3650)) });
  const intermediate = issueCert({ commonName: 'Test Intermediate CA', ca: true, issuer: root, keys: intermediateKeys, notBefore: new Date(now - days(365)), notAfter: new Date(now + days(1825)) });
  const echo = (extra: Partial<CertSpec> = {}): TestCert => issueCert({
    commonName: 'echo-api.amazon.com', dnsNames: ['echo-api.amazon.com'], issuer: intermediate,
    keys: leafKeys, notBefore: from, notAfter: until, ...extra,
  });
  const rogueRoot = issueCert({ commonName: 'Test Root CA', ca: true, keys: rogueKeys, notBefore: new Date(now - days(3650)), notAfter: new Date(now + days(3650)) });

  return {
    root,
    intermediate,
    leaf: echo(),
    wrongSanLeaf: echo({ commonName: 'echo-api.amazon.com.evil.example', dnsNames: ['echo-api.amazon.com.evil.example', 'evil.example'] }),
    expiredLeaf: echo({ notBefore: new Date(now - days(730)), notAfter: new Date(now - days(365)) }),
    untrustedLeaf: echo({ issuer: rogueRoot }),
    shortLivedLeaf: echo({ notAfter: new Date(now + 10 * 60 * 1000) }),
    chain: (leaf) => leaf.pem + (leaf.x509.checkIssued(intermediate.x509) ? intermediate.pem : rogueRoot.pem),
    trustedRoots: [root.pem],
  };
}
