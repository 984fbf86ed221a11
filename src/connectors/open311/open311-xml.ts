/**
 * Open311 GeoReport v2 in XML, the format the spec requires (JSON is optional, and several UK
 * servers, FixMyStreet's among them, answer XML only). Each XML answer is turned into the value
 * the JSON format carries for the same resource, so one set of schemas reads both.
 */
import { XMLParser } from 'fast-xml-parser';

/** Elements that repeat inside their wrapper: always lists, even when there is only one. */
const REPEATED = new Set(['service', 'attribute', 'value', 'request', 'error']);

const parser = new XMLParser({
  ignoreAttributes: true,
  // Every value stays text ("007" is a service code, not the number 7); the schemas coerce.
  parseTagValue: false,
  trimValues: true,
  isArray: (name, _path, isLeaf) => !isLeaf && REPEATED.has(name),
});

/** An XML document that is not GeoReport v2 (an HTML error page, a login form). */
export class NotOpen311XmlError extends Error {}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `<wrapper><item/>…</wrapper>` as a list; an empty wrapper (`<values/>`) is an empty list. */
function listIn(wrapper: unknown, item: string): unknown[] {
  if (!isObject(wrapper)) return [];
  const items = wrapper[item];
  return Array.isArray(items) ? items : [];
}

function toAttribute(attribute: unknown): unknown {
  if (!isObject(attribute)) return attribute;
  const values = listIn(attribute.values, 'value');
  return { ...attribute, values: values.length > 0 ? values : undefined };
}

function toDefinition(definition: unknown): unknown {
  if (!isObject(definition)) return definition;
  return { ...definition, attributes: listIn(definition.attributes, 'attribute').map(toAttribute) };
}

/**
 * The JSON-format value of a GeoReport v2 XML answer: `<services>` → the list of services,
 * `<service_definition>` → the definition, `<service_requests>` → the list of requests (POST
 * answers, tokens and statuses alike), `<errors>` → the list of errors.
 * Throws NotOpen311XmlError for anything else.
 */
export function readOpen311Xml(text: string): unknown {
  let document: unknown;
  try {
    document = parser.parse(text, true);
  } catch (error) {
    throw new NotOpen311XmlError(`not well-formed XML: ${(error as Error).message}`);
  }
  if (!isObject(document)) throw new NotOpen311XmlError('not XML');
  if ('services' in document) return listIn(document.services, 'service');
  if ('service_definition' in document) return toDefinition(document.service_definition);
  if ('service_requests' in document) return listIn(document.service_requests, 'request');
  if ('errors' in document) return listIn(document.errors, 'error');
  const root = Object.keys(document).find((key) => key !== '?xml');
  throw new NotOpen311XmlError(`root element <${root ?? ''}> is not GeoReport v2`);
}
