/**
 * How the demo council's Open311 server writes an answer: JSON, or GeoReport v2 XML where each
 * list sits in a wrapper element named for it (`<services><service>…`, `<errors><error>…`), with
 * the XML declaration the spec asks for.
 */
import type { Response } from 'express';
import { XMLBuilder } from 'fast-xml-parser';

export type WireFormat = 'json' | 'xml';

/** The root element and the name of each item in it, per kind of answer. */
const XML_ROOTS = {
  services: 'service',
  service_requests: 'request',
  errors: 'error',
} as const;

const builder = new XMLBuilder({ format: true, indentBy: '  ', suppressEmptyNode: false });

/** Undefined and null become empty elements, as Open311 servers write absent values. */
function forXml(value: unknown): unknown {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(forXml);
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, forXml(v)]));
  return value;
}

function writeXml(res: Response, status: number, document: Record<string, unknown>): void {
  res.status(status).type('text/xml; charset=utf-8').send(`<?xml version="1.0" encoding="utf-8"?>\n${builder.build(forXml(document)) as string}`);
}

/** A list answer (services, requests, errors) in `format`. */
export function sendList(res: Response, format: WireFormat, root: keyof typeof XML_ROOTS, items: unknown[], status = 200): void {
  if (format === 'json') {
    res.status(status).json(items);
    return;
  }
  writeXml(res, status, { [root]: items.length > 0 ? { [XML_ROOTS[root]]: items } : '' });
}

/** A service definition; its attributes' allowed values nest as `<values><value>`. */
export function sendDefinition(res: Response, format: WireFormat, definition: { service_code: string; attributes: { values?: unknown[] }[] }): void {
  if (format === 'json') {
    res.json(definition);
    return;
  }
  const attributes = definition.attributes.map((a) => ({ ...a, values: a.values ? { value: a.values } : undefined }));
  writeXml(res, 200, { service_definition: { service_code: definition.service_code, attributes: attributes.length > 0 ? { attribute: attributes } : '' } });
}

/** Open311's error answer: `[{code, description}]`, or `<errors><error>`. */
export function sendErrors(res: Response, format: WireFormat, status: number, description: string): void {
  sendList(res, format, 'errors', [{ code: status, description }], status);
}
