/**
 * An in-memory twin of the council tax account API, for handler tests: accounts by access
 * token, tokens the council has stopped accepting, and bands by UPRN.
 */
import type { CouncilTax, TaxAccount } from '../../src/core/council';
import { AccountLinkError } from '../../src/core/errors';

export class InMemoryCouncilTax implements CouncilTax {
  /** Tokens presented, in order, so tests can see whether the API was asked at all. */
  readonly tokensSeen: string[] = [];
  failWith?: Error;

  constructor(
    private readonly accounts: Record<string, TaxAccount> = {},
    private readonly rejectedTokens: string[] = [],
    private readonly bands: Record<string, string> = {},
  ) {}

  async account(accessToken: string): Promise<TaxAccount> {
    this.tokensSeen.push(accessToken);
    if (this.failWith) throw this.failWith;
    const account = this.accounts[accessToken];
    if (!account || this.rejectedTokens.includes(accessToken)) throw new AccountLinkError('401 invalid_token');
    return structuredClone(account);
  }

  async bandFor(uprn: string): Promise<string | undefined> {
    if (this.failWith) throw this.failWith;
    return this.bands[uprn];
  }
}
