/**
 * In-memory twins of the council back ends, for handler tests: same interfaces as the real
 * connectors, with data the test sets and a record of what was asked.
 */
import type { Address, AddressFinder, BinCollections, BinInspection, Collection, PropertyRef } from '../../src/core/council';
import { addDays } from '../../src/core/dates';
import type { ProfileStore, ResidentProfile } from '../../src/core/profile';

export class InMemoryAddressFinder implements AddressFinder {
  readonly lookups: string[] = [];
  failWith?: Error;
  constructor(private readonly byPostcode: Record<string, Address[]> = {}) {}

  async findAddresses(postcode: string): Promise<Address[]> {
    this.lookups.push(postcode);
    if (this.failWith) throw this.failWith;
    return this.byPostcode[postcode] ?? [];
  }
}

export class InMemoryBinCollections implements BinCollections {
  failWith?: Error;
  /** How long each lookup takes, to exercise deadlines. */
  delayMs = 0;
  constructor(private readonly byUprn: Record<string, Collection[]> = {}) {}

  /** The properties asked about, as the handlers passed them. */
  readonly asked: PropertyRef[] = [];

  async upcomingCollections(property: PropertyRef, fromDate: string, days: number): Promise<Collection[]> {
    this.asked.push(property);
    if (this.delayMs) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    if (this.failWith) throw this.failWith;
    const until = addDays(fromDate, days);
    return (this.byUprn[property.uprn] ?? []).filter((c) => c.date >= fromDate && c.date < until).sort((a, b) => a.date.localeCompare(b.date));
  }

  async inspect(property: PropertyRef, fromDate: string, days: number): Promise<BinInspection> {
    return { collections: await this.upcomingCollections(property, fromDate, days), unmatched: [] };
  }
}

export class InMemoryProfileStore implements ProfileStore {
  readonly profiles = new Map<string, ResidentProfile>();

  async get(userId: string): Promise<ResidentProfile | undefined> {
    const found = this.profiles.get(userId);
    return found && structuredClone(found);
  }

  async put(profile: ResidentProfile): Promise<void> {
    this.profiles.set(profile.userId, structuredClone(profile));
  }

  async delete(userId: string): Promise<void> {
    this.profiles.delete(userId);
  }
}
