/**
 * Cancelled usual days travel with the collections (so residents hear about them); these keep
 * them apart where only real collections count (the next bin day, reminders, cards).
 */
import type { Collection } from '../council';

/** Collections that will happen, soonest first. */
export function happening(collections: Collection[]): Collection[] {
  return collections.filter((c) => c.status !== 'cancelled');
}

/** Usual collection days that will not happen, soonest first. */
export function cancelled(collections: Collection[]): Collection[] {
  return collections.filter((c) => c.status === 'cancelled');
}
