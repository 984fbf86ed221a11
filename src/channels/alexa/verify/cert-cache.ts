/**
 * Verified certificate chains by URL, kept until the first of their certificates expires and
 * never after: Amazon rotates the cert, and an expired one must be fetched (and fail) afresh.
 * Only chains that passed the SAN and trust checks are stored, and concurrent requests for the
 * same URL share one download.
 */
import type { VerifiedChain } from './cert-chain';

export class CertCache {
  private readonly chains = new Map<string, VerifiedChain>();
  private readonly loading = new Map<string, Promise<VerifiedChain>>();

  /** @param maxEntries Amazon uses one URL at a time; a few spare slots cover a rotation. */
  constructor(private readonly maxEntries = 16) {}

  /** The cached chain for `url` if still in date at `now`, else the result of `load` (stored if good). */
  async get(url: string, now: Date, load: () => Promise<VerifiedChain>): Promise<VerifiedChain> {
    const cached = this.chains.get(url);
    if (cached && now.getTime() <= cached.validUntil) return cached;
    this.chains.delete(url);

    const pending = this.loading.get(url);
    if (pending) return pending;
    const loaded = load().finally(() => this.loading.delete(url));
    this.loading.set(url, loaded);
    const chain = await loaded;
    if (now.getTime() <= chain.validUntil) this.store(url, chain);
    return chain;
  }

  private store(url: string, chain: VerifiedChain): void {
    if (this.chains.size >= this.maxEntries) {
      const oldest = this.chains.keys().next();
      if (!oldest.done) this.chains.delete(oldest.value);
    }
    this.chains.set(url, chain);
  }
}
