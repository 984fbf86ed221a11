/**
 * Demo Valley District Council's collections in UKBinCollectionData's API shape
 * (`GET /api/bin_collection/{council}`, swagger.yaml in that project), so the ukbcd connector talks
 * to it as it would to a real UKBinCollectionData server scraping a council's website: the next
 * eight weeks of dates per bin, each date on its own, bank-holiday moves simply on another day.
 */
import { Router, type Request, type Response } from 'express';
import { addDays, localDate, systemClock, type Clock } from '../core/dates';
import { normalisePostcode } from './addresses-routes';
import { isUsualDay, type Property, type ValleyData } from './sample-data';

const WEEKS_AHEAD = 8;

/** Errors as the API documents them: `{ code, message }`. */
function sendError(res: Response, code: number, message: string): void {
  res.status(code).json({ code, message });
}

/** The router to mount at `/ukbcd`. */
export function createUkbcdRouter(valley: ValleyData, clock: Clock = systemClock): Router {
  const router = Router();
  router.get('/api/bin_collection/:council', (req: Request<{ council: string }>, res: Response) => {
    if (req.params.council !== valley.council) {
      sendError(res, 500, `No scraper for council ${req.params.council.slice(0, 60)}`);
      return;
    }
    if (typeof req.query.url !== 'string' || req.query.url === '') {
      sendError(res, 400, "Missing query parameter 'url'");
      return;
    }
    const property = findProperty(valley.properties, req.query);
    if (!property) {
      sendError(res, 500, 'Could not find that address on the council website');
      return;
    }
    const today = localDate(clock.now(), 'Europe/London');
    res.json({ bins: scheduleFor(property, valley, today, addDays(today, 7 * WEEKS_AHEAD)) });
  });
  return router;
}

/** By UPRN when the caller sends one the council knows, else by postcode and house number or name. */
function findProperty(properties: Property[], query: Request['query']): Property | undefined {
  const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
  const byUprn = properties.find((property) => property.uprn === text(query.uprn));
  if (byUprn) return byUprn;
  const postcode = normalisePostcode(text(query.postcode));
  const house = text(query.house_number).toLowerCase();
  if (!postcode || !house) return undefined;
  return properties.find((property) => normalisePostcode(property.postcode) === postcode
    && (property.houseNumber?.toLowerCase() === house || property.houseName?.toLowerCase() === house));
}

function scheduleFor(property: Property, valley: ValleyData, from: string, to: string): { type: string; collectionDate: string }[] {
  const round = valley.rounds.find((candidate) => candidate.name === property.round);
  const bins: { type: string; date: string }[] = [];
  for (const collection of round?.collections ?? []) {
    if (collection.gardenSubscribersOnly && !property.gardenWaste) continue;
    // From a week before, so a collection brought forward from just inside the window is not lost.
    for (let usual = addDays(from, -7); usual < addDays(to, 7); usual = addDays(usual, 1)) {
      if (!isUsualDay(collection, usual)) continue;
      const date = valley.bankHolidayMoves.find((move) => move.usualDate === usual)?.movedTo ?? usual;
      if (date >= from && date < to) bins.push({ type: collection.what, date });
    }
  }
  return bins
    .sort((a, b) => a.date.localeCompare(b.date))
    .map(({ type, date }) => ({ type, collectionDate: `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}` }));
}
