/**
 * What the skill remembers about a resident, and the store interface it lives behind
 * (SQLite locally, DynamoDB on Lambda).
 */

export interface SavedAddress {
  uprn: string;
  label: string;
  postcode: string;
  /** Kept for back ends that find a property by postcode and house (UKBinCollectionData). */
  buildingNumber?: string;
  buildingName?: string;
  /** In a deployment of several councils, the one that owns this address (see core/councils). */
  councilId?: string;
}

export interface ResidentProfile {
  userId: string;
  address?: SavedAddress;
  /** The reference (or pending token) of the resident's last report, for "what's happening with my report". */
  lastReport?: { reference?: string; token?: string; outboxId?: string };
  /** Reminders this skill created, so "stop my bin reminders" deletes only ours. */
  reminderIds?: string[];
  /** The collection date of the last reminder set, so the skill can offer to renew them. */
  remindersUntil?: string;
}

export interface ProfileStore {
  get(userId: string): Promise<ResidentProfile | undefined>;
  put(profile: ResidentProfile): Promise<void>;
  /** Removes everything held about the resident. */
  delete(userId: string): Promise<void>;
}
