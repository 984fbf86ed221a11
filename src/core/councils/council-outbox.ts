/**
 * One council's delivery queue in the deployment's outbox: what it files is marked with the
 * council, and what it claims is only the council's own, so a council that is down keeps its
 * reports waiting without holding up anyone else's.
 */
import type { NewOutboxEntry, OutboxEntry, ReportOutbox } from '../outbox';

export interface CouncilOutboxOptions {
  /**
   * Also take reports filed without a council: those from before the deployment had several
   * councils, which were all the first council's.
   */
  alsoUnmarked?: boolean;
}

/** `outbox` seen as `councilId`'s queue. Forgetting a resident still reaches every council's entries. */
export function councilOutbox(outbox: ReportOutbox, councilId: string, options: CouncilOutboxOptions = {}): ReportOutbox {
  return {
    enqueue: (entry: NewOutboxEntry) => outbox.enqueue({ ...entry, councilId }),
    get: (id) => outbox.get(id),
    async claimDue(now: Date, leaseUntil: Date, limit: number): Promise<OutboxEntry[]> {
      const own = await outbox.claimDue(now, leaseUntil, limit, councilId);
      if (!options.alsoUnmarked || own.length >= limit) return own;
      return [...own, ...await outbox.claimDue(now, leaseUntil, limit - own.length)];
    },
    markSent: (id, result, at) => outbox.markSent(id, result, at),
    markRetry: (id, error, retryAt) => outbox.markRetry(id, error, retryAt),
    markRejected: (id, error, at) => outbox.markRejected(id, error, at),
    forgetUser: (userId, knownIds) => outbox.forgetUser(userId, knownIds),
  };
}
