/**
 * mySociety's open311-adapter marks some service attributes `automated`. Residents are asked
 * none of them: `server_set` ones are never sent, and `hidden_field` ones are sent only when the
 * report itself already holds the value (its description, where it is, the property's UPRN).
 */
import type { IssueReport } from '../../core/council';
import type { Open311Attribute } from './open311-wire';

/** Attribute codes the adapters use, and which part of the report fills each. */
const FROM_REPORT = new Map<string, (report: IssueReport) => string | undefined>([
  ['title', (r) => r.description],
  ['description', (r) => r.description],
  ['detail', (r) => r.description],
  ['details', (r) => r.description],
  ['location', (r) => r.location],
  ['address', (r) => r.location],
  ['address_string', (r) => r.location],
  ['closest_address', (r) => r.location],
  ['site_address', (r) => r.location],
  ['uprn', (r) => r.uprn],
  ['property_uprn', (r) => r.uprn],
  ['lat', (r) => r.lat?.toString()],
  ['latitude', (r) => r.lat?.toString()],
  ['long', (r) => r.long?.toString()],
  ['lng', (r) => r.long?.toString()],
  ['longitude', (r) => r.long?.toString()],
]);

/** True when the resident may be asked this attribute: it is not automated. */
export function isAskable(attribute: Open311Attribute): boolean {
  return attribute.automated === undefined;
}

/** The value to send for a `hidden_field` attribute, when the report holds it; never for `server_set`. */
export function automatedValue(attribute: Open311Attribute, report: IssueReport): string | undefined {
  if (attribute.automated !== 'hidden_field') return undefined;
  const value = FROM_REPORT.get(attribute.code.toLowerCase())?.(report)?.trim();
  return value || undefined;
}
