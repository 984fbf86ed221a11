/**
 * Finds the properties at a postcode through the OS Places API (Ordnance Survey's AddressBase
 * gazetteer), the address lookup most UK councils already licence under the PSGA.
 */
import { loadOnFirstUse } from './load-on-first-use';
import type { Address, AddressFinder } from '../core/council';
import { CouncilDataError } from '../core/errors';
import { HttpClient, redactUrl, type HttpCall } from './http';
import { compareDeliveryPoints, spokenLabel, toTitleCase, type DeliveryPoint } from './os-places/spoken-address';

export interface OsPlacesOptions {
  /** Base URL, e.g. `https://api.os.uk/search/places/v1`. */
  url: string;
  key: string;
  timeoutMs?: number;
  onCall?: (call: HttpCall) => void;
}

/** The answer's schema, loaded with zod on the first lookup. */
const schemas = loadOnFirstUse(() => import('./os-places/os-places-schema'));

type DeliveryPointRecord = DeliveryPoint & { LANGUAGE?: string; LOCAL_CUSTODIAN_CODE?: number | string };

/** OS Places answers at most 100 results per page. */
const PAGE_SIZE = 100;
/** Even the largest blocks of flats fit in a few pages; stop there rather than loop on a bad header. */
const MAX_PAGES = 5;

export class OsPlacesAddressFinder implements AddressFinder {
  private readonly http: HttpClient;
  private readonly baseUrl: string;

  constructor(private readonly options: OsPlacesOptions) {
    this.http = new HttpClient({ service: 'addresses', timeoutMs: options.timeoutMs, onCall: options.onCall });
    this.baseUrl = options.url.replace(/\/+$/, '');
  }

  /** Every property at `postcode`, labelled as residents say them and in street-number order. */
  async findAddresses(postcode: string): Promise<Address[]> {
    const points: DeliveryPointRecord[] = [];
    for (let page = 0; page < MAX_PAGES; page++) {
      const result = await this.fetchPage(postcode, page * PAGE_SIZE);
      if (!result) return [];
      points.push(...result.points);
      if (result.points.length === 0 || points.length >= result.total) break;
    }
    return deduplicate(points).sort(compareDeliveryPoints).map(toAddress);
  }

  /** One page of results; undefined when OS Places calls the postcode malformed (400). */
  private async fetchPage(postcode: string, offset: number): Promise<{ total: number; points: DeliveryPointRecord[] } | undefined> {
    const query = new URLSearchParams({ postcode, key: this.options.key, dataset: 'DPA', maxresults: String(PAGE_SIZE) });
    if (offset > 0) query.set('offset', String(offset));
    const url = `${this.baseUrl}/postcode?${query.toString()}`;
    // A malformed postcode is the resident's slip, not the council's failure: it has no addresses.
    const response = await this.http.getJson(url, { acceptStatuses: [400] });
    if (response.status === 400) return undefined;
    const parsed = (await schemas()).pageSchema.safeParse(response.body);
    if (!parsed.success) {
      const where = parsed.error.issues[0]?.path.join('.') || 'body';
      throw new CouncilDataError('addresses', redactUrl(url), `unexpected shape at ${where}`);
    }
    const points = (parsed.data.results ?? []).flatMap((result) => (result.DPA ? [result.DPA] : []));
    return { total: parsed.data.header.totalresults, points };
  }
}

/** Welsh addresses come twice (EN and CY records for one UPRN): keep one, the English if present. */
function deduplicate(points: DeliveryPointRecord[]): DeliveryPointRecord[] {
  const byUprn = new Map<string, DeliveryPointRecord>();
  for (const point of points) {
    const existing = byUprn.get(point.UPRN);
    if (!existing || (existing.LANGUAGE !== 'EN' && point.LANGUAGE === 'EN')) byUprn.set(point.UPRN, point);
  }
  return [...byUprn.values()];
}

function toAddress(point: DeliveryPointRecord): Address {
  const address: Address = { uprn: point.UPRN, label: spokenLabel(point), postcode: point.POSTCODE };
  const number = point.BUILDING_NUMBER?.trim();
  if (number) address.buildingNumber = number;
  const name = point.BUILDING_NAME?.trim();
  if (name) address.buildingName = toTitleCase(name);
  const street = point.THOROUGHFARE_NAME?.trim() || point.DEPENDENT_THOROUGHFARE_NAME?.trim();
  if (street) address.street = toTitleCase(street);
  const town = point.POST_TOWN?.trim();
  if (town) address.town = toTitleCase(town);
  const custodian = Number(point.LOCAL_CUSTODIAN_CODE);
  if (point.LOCAL_CUSTODIAN_CODE !== undefined && Number.isInteger(custodian) && custodian > 0) address.custodianCode = custodian;
  return address;
}
