/**
 * The demo council's address lookup, shaped like the OS Places API postcode search
 * (`GET /search/places/v1/postcode?postcode=…&key=…`), so the real connector talks to it unchanged.
 */
import { Router, type Request, type Response } from 'express';
import type { Property } from './sample-data';

/** Full postcodes only, upper case, one space optional: "AB1 2CD", "ab12cd". */
const POSTCODE = /^([A-Z]{1,2}[0-9][A-Z0-9]?)\s*([0-9][A-Z]{2})$/;
const MAX_RESULTS = 100;

/** OS Places answers errors as `{ error: { statuscode, message } }`. */
function sendError(res: Response, status: number, message: string): void {
  res.status(status).json({ error: { statuscode: status, message } });
}

/** The router to mount at `/search/places/v1`. */
export function createAddressesRouter(properties: Property[]): Router {
  const router = Router();
  router.get('/postcode', (req: Request, res: Response) => {
    const { key, postcode } = req.query;
    if (typeof key !== 'string' || key.trim() === '') {
      sendError(res, 401, 'Missing API key: add key=... to the query string.');
      return;
    }
    const normalised = typeof postcode === 'string' ? normalisePostcode(postcode) : undefined;
    if (!normalised) {
      const given = typeof postcode === 'string' ? postcode : '';
      sendError(res, 400, `Requested postcode must be a full postcode, e.g. AB1 2CD. Requested postcode was ${given.slice(0, 20)}`);
      return;
    }
    const offset = clampInt(req.query.offset, 0, 0, Number.MAX_SAFE_INTEGER);
    const maxResults = clampInt(req.query.maxresults, MAX_RESULTS, 1, MAX_RESULTS);
    const matches = properties.filter((property) => normalisePostcode(property.postcode) === normalised);
    const header = {
      uri: `${req.protocol}://${req.get('host') ?? 'localhost'}${req.baseUrl}/postcode?postcode=${encodeURIComponent(normalised)}`,
      query: `postcode=${normalised}`,
      offset,
      totalresults: matches.length,
      format: 'JSON',
      dataset: 'DPA',
      lr: 'EN,CY',
      maxresults: maxResults,
      epoch: 'demo',
      output_srs: 'EPSG:27700',
    };
    const page = matches.slice(offset, offset + maxResults);
    // Like OS Places: no `results` key at all when nothing matches.
    res.json(page.length > 0 ? { header, results: page.map((property) => ({ DPA: toDeliveryPoint(property) })) } : { header });
  });
  return router;
}

/** "ab12cd" → "AB1 2CD"; undefined when it is not a full postcode. */
export function normalisePostcode(text: string): string | undefined {
  const match = POSTCODE.exec(text.trim().toUpperCase());
  return match ? `${match[1]} ${match[2]}` : undefined;
}

function clampInt(value: unknown, fallback: number, min: number, max: number): number {
  const parsed = typeof value === 'string' ? Number.parseInt(value, 10) : Number.NaN;
  return Number.isFinite(parsed) ? Math.min(max, Math.max(min, parsed)) : fallback;
}

/** A property as an OS Places DPA record: PAF fields in upper case, numbers as strings. */
function toDeliveryPoint(property: Property): Record<string, string | number> {
  const upper = (text: string) => text.toUpperCase();
  const address = [property.flat, property.houseName, property.houseNumber, property.street, property.town]
    .filter((part): part is string => !!part).map(upper);
  const point: Record<string, string | number> = {
    UPRN: property.uprn,
    UDPRN: String(Number(property.uprn) % 100_000_000),
    ADDRESS: [...address, property.postcode].join(', '),
  };
  if (property.flat) point.SUB_BUILDING_NAME = upper(property.flat);
  if (property.houseName) point.BUILDING_NAME = upper(property.houseName);
  if (property.houseNumber) point.BUILDING_NUMBER = property.houseNumber;
  Object.assign(point, {
    THOROUGHFARE_NAME: upper(property.street),
    POST_TOWN: upper(property.town),
    POSTCODE: property.postcode,
    RPC: '1',
    STATUS: 'APPROVED',
    LOGICAL_STATUS_CODE: '1',
    CLASSIFICATION_CODE: property.flat ? 'RD06' : 'RD04',
    CLASSIFICATION_CODE_DESCRIPTION: property.flat ? 'Self Contained Flat (Includes Maisonette / Apartment)' : 'Terraced',
    COUNTRY_CODE: 'E',
    COUNTRY_CODE_DESCRIPTION: 'This record is within England',
    LANGUAGE: 'EN',
    ...(property.custodianCode ? { LOCAL_CUSTODIAN_CODE: property.custodianCode, LOCAL_CUSTODIAN_CODE_DESCRIPTION: property.custodianName ?? '' } : {}),
    MATCH: 1.0,
    MATCH_DESCRIPTION: 'EXACT',
  });
  return point;
}
