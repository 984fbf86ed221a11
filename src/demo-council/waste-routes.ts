/**
 * The demo council's bin collection feeds: one iCalendar file per property at
 * `/waste/{uprn}/calendar.ics`, the URL residents (and the skill) subscribe to.
 */
import { Router, type Request, type Response } from 'express';
import { buildCollectionCalendar } from './collection-calendar';
import type { SampleData } from './sample-data';

/** The router to mount at `/waste`. */
export function createWasteRouter(data: SampleData): Router {
  // Feeds change only when the data files do, so build each once.
  const feeds = new Map(data.properties.map((property) => [property.uprn, buildCollectionCalendar(property, data.rounds)]));
  const router = Router();
  router.get('/:uprn/calendar.ics', (req: Request<{ uprn: string }>, res: Response) => {
    const feed = feeds.get(req.params.uprn);
    if (!feed) {
      res.status(404).type('text/plain').send('No collection calendar for that property.\n');
      return;
    }
    res.set('Cache-Control', 'public, max-age=3600');
    res.type('text/calendar; charset=utf-8').send(feed);
  });
  return router;
}
