/**
 * The query string for one property: the resident's address details the council's scraper needs
 * (its input.json says which), then the council's fixed extras from the config.
 */
import type { PropertyRef } from '../../core/council';

/** Address details a UKBinCollectionData scraper may take, by their query parameter names. */
export type AddressField = 'uprn' | 'postcode' | 'house_number';

export const ALL_ADDRESS_FIELDS: AddressField[] = ['uprn', 'postcode', 'house_number'];

/** The query parameters for `property`; the config's `params` win over address details, `{uprn}` in them is filled in. */
export function buildQuery(property: PropertyRef, fields: AddressField[] = ALL_ADDRESS_FIELDS, params: Record<string, string | number | boolean> = {}): URLSearchParams {
  const query = new URLSearchParams();
  const values: Record<AddressField, string | undefined> = {
    uprn: property.uprn,
    postcode: property.postcode,
    house_number: houseNumberOf(property),
  };
  for (const field of fields) {
    const value = values[field];
    if (value) query.set(field, value);
  }
  // Some councils' pages carry the property in the URL (Glasgow's ...PrintCalendar.aspx?UPRN=...).
  for (const [name, value] of Object.entries(params)) query.set(name, String(value).replaceAll('{uprn}', property.uprn));
  return query;
}

/**
 * What scrapers call the house number (the PAON): the building number, else the building's name,
 * else the first word of a saved label like "12 High Street".
 */
export function houseNumberOf(property: PropertyRef): string | undefined {
  if (property.buildingNumber) return property.buildingNumber;
  if (property.buildingName) return property.buildingName;
  return /^(\d+[A-Za-z]?)\b/.exec(property.label ?? '')?.[1];
}
