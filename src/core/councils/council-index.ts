/**
 * Which council owns an address, in a deployment of several: an index from postcode prefixes
 * (areas, districts, sectors) and from local custodian codes to councils, built once at start-up.
 * Finding the owner is three map lookups, never a scan, however many councils there are.
 */

/** What a council says is its own (from its config file). */
export interface CouncilClaim {
  id: string;
  /** Postcode areas, districts or sectors, normalised upper case: `DB`, `DB1`, `DB3 4`. */
  postcodes?: readonly string[];
  custodianCode?: number;
}

/** Two councils claim the same addresses and nothing can tell them apart. */
export class OwnershipConflict extends Error {
  constructor(readonly first: string, readonly second: string, readonly claim: string) {
    super(`councils ${first} and ${second} both claim ${claim}`);
    this.name = 'OwnershipConflict';
  }
}

/** The prefixes a normalised postcode (`AB1 2CD`) falls under, longest first. */
export function prefixesOf(postcode: string): string[] {
  const [outward = '', inward = ''] = postcode.toUpperCase().trim().split(/\s+/);
  const area = /^[A-Z]+/.exec(outward)?.[0];
  const prefixes: string[] = [];
  if (inward) prefixes.push(`${outward} ${inward.charAt(0)}`);
  if (outward) prefixes.push(outward);
  if (area && area !== outward) prefixes.push(area);
  return prefixes;
}

export class CouncilIndex {
  private readonly byPrefix = new Map<string, string[]>();
  private readonly byCustodian = new Map<number, string>();
  private readonly custodianOf = new Map<string, number>();

  /** Throws OwnershipConflict when two councils' claims could never be told apart. */
  constructor(claims: readonly CouncilClaim[]) {
    for (const claim of claims) {
      if (claim.custodianCode !== undefined) {
        const holder = this.byCustodian.get(claim.custodianCode);
        if (holder !== undefined) throw new OwnershipConflict(holder, claim.id, `custodian code ${claim.custodianCode}`);
        this.byCustodian.set(claim.custodianCode, claim.id);
        this.custodianOf.set(claim.id, claim.custodianCode);
      }
      for (const prefix of new Set(claim.postcodes ?? [])) {
        const holders = this.byPrefix.get(prefix) ?? [];
        holders.push(claim.id);
        this.byPrefix.set(prefix, holders);
      }
    }
    // A shared prefix (a border) is decided by custodian code, so each council on it needs one.
    for (const [prefix, holders] of this.byPrefix) {
      if (holders.length < 2) continue;
      const undecidable = holders.find((id) => !this.custodianOf.has(id));
      if (undecidable !== undefined) {
        const other = holders.find((id) => id !== undecidable) ?? undecidable;
        throw new OwnershipConflict(other, undecidable, `postcode ${prefix}, and ${undecidable} has no custodianCode to tell its addresses apart`);
      }
    }
  }

  /** Councils whose postcodes hold `postcode` (the longest matching prefix's), possibly several on a border. */
  councilsForPostcode(postcode: string): readonly string[] {
    for (const prefix of prefixesOf(postcode)) {
      const holders = this.byPrefix.get(prefix);
      if (holders) return holders;
    }
    return [];
  }

  /** The council that owns an address: its postcode narrows, its custodian code decides. */
  ownerOf(address: { postcode: string; custodianCode?: number }): string | undefined {
    const byPostcode = this.councilsForPostcode(address.postcode);
    if (byPostcode.length === 1) return byPostcode[0];
    const byCode = address.custodianCode === undefined ? undefined : this.byCustodian.get(address.custodianCode);
    if (byCode === undefined) return undefined;
    return byPostcode.length === 0 || byPostcode.includes(byCode) ? byCode : undefined;
  }
}
