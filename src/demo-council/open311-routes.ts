/**
 * The demo council's Open311 GeoReport v2 endpoint (JSON format), mounted at `/open311/v2`:
 * services.json, services/{code}.json, POST requests.json, tokens/{token}.json and
 * requests/{id}.json, with errors as `[{code, description}]`. New reports live in memory.
 */
import { randomUUID } from 'node:crypto';
import express, { Router, type Request, type Response } from 'express';
import { addDays, localDate, weekdayName } from '../core/dates';
import { loadOpen311Data, type DemoRequest, type DemoService, type Open311Data } from './open311-data';

export interface Open311RouterOptions {
  data?: Open311Data;
  /** How long a batch service's token waits for its id; from the data file by default. */
  tokenDelayMs?: number;
  now?: () => Date;
}

type Form = Record<string, string | string[] | undefined>;

function sendErrors(res: Response, status: number, description: string): void {
  res.status(status).json([{ code: status, description }]);
}

/** `days` working days (Monday to Friday) after `from`, at 5pm UK time, as Open311 wants it. */
function workingDaysAfter(from: Date, days: number): string {
  let date = localDate(from, 'Europe/London');
  for (let added = 0; added < days;) {
    date = addDays(date, 1);
    if (!['Saturday', 'Sunday'].includes(weekdayName(date, 'en-GB'))) added++;
  }
  return `${date}T17:00:00Z`;
}

function first(value: string | string[] | undefined): string | undefined {
  return (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
}

/** The resident's answers, `attribute[code]` or `attribute[code][]` → values. */
function answersIn(form: Form): Map<string, string[]> {
  const answers = new Map<string, string[]>();
  for (const [key, value] of Object.entries(form)) {
    const code = /^attribute\[([^\]]+)\](\[\])?$/.exec(key)?.[1];
    if (!code || value === undefined) continue;
    answers.set(code, (Array.isArray(value) ? value : [value]).map((v) => v.trim()).filter(Boolean));
  }
  return answers;
}

/** What is wrong with a new report, in the words an Open311 server would use; undefined if nothing. */
function problemWith(form: Form, service: DemoService): string | undefined {
  const hasPosition = first(form.lat) !== undefined && first(form.long) !== undefined;
  if (!hasPosition && !first(form.address_string) && !first(form.address_id)) {
    return 'a location is required: address_string, address_id, or lat and long';
  }
  const answers = answersIn(form);
  for (const attribute of service.attributes.filter((a) => a.variable)) {
    const given = answers.get(attribute.code) ?? [];
    if (attribute.required && given.length === 0) return `attribute[${attribute.code}] is required: ${attribute.description}`;
    const allowed = attribute.values?.map((v) => v.key);
    const wrong = allowed && given.find((value) => !allowed.includes(value));
    if (wrong) return `attribute[${attribute.code}] must be one of: ${allowed.join(', ')}`;
  }
  return undefined;
}

/** The router to mount at `/open311/v2`. */
export function createOpen311Router(options: Open311RouterOptions = {}): Router {
  const data = options.data ?? loadOpen311Data();
  const now = options.now ?? (() => new Date());
  const tokenDelayMs = options.tokenDelayMs ?? data.tokenDelayMs;
  const requests = new Map<string, DemoRequest>(data.requests.map((r) => [r.service_request_id, r]));
  const tokens = new Map<string, { readyAt: number; request: Omit<DemoRequest, 'service_request_id'>; id?: string }>();
  let nextId = data.nextId;
  const serviceFor = (code: string | undefined) => data.services.find((s) => s.service_code === code);

  const router = Router();
  router.use(express.urlencoded({ extended: false, limit: '20kb' }));
  // One jurisdiction: a caller naming another has the wrong endpoint.
  router.use((req: Request, res: Response, next) => {
    const named = first((req.body as Form | undefined)?.jurisdiction_id) ?? (typeof req.query.jurisdiction_id === 'string' ? req.query.jurisdiction_id : undefined);
    if (named && named !== data.jurisdictionId) return sendErrors(res, 404, `jurisdiction_id ${named} not found`);
    next();
  });

  router.get('/services.json', (_req, res) => {
    res.json(data.services.map((s) => ({
      service_code: s.service_code,
      service_name: s.service_name,
      description: s.description ?? '',
      metadata: s.attributes.length > 0,
      type: s.type,
      keywords: s.keywords,
      group: s.group ?? '',
    })));
  });

  router.get('/services/:code.json', (req: Request<{ code: string }>, res: Response) => {
    const service = serviceFor(req.params.code);
    if (!service) return sendErrors(res, 404, `service_code ${req.params.code} not found`);
    res.json({ service_code: service.service_code, attributes: service.attributes });
  });

  router.post('/requests.json', (req: Request, res: Response) => {
    const form = (req.body ?? {}) as Form;
    if (first(form.api_key) !== data.apiKey) return sendErrors(res, 403, 'api_key is missing or not valid');
    const code = first(form.service_code);
    if (!code) return sendErrors(res, 400, 'service_code is required');
    const service = serviceFor(code);
    if (!service) return sendErrors(res, 404, `service_code ${code} not found`);
    const problem = problemWith(form, service);
    if (problem) return sendErrors(res, 400, problem);

    const at = now();
    const notice = `We aim to deal with this within ${service.expectedWorkingDays} working days.`;
    const request: Omit<DemoRequest, 'service_request_id'> = {
      service_code: service.service_code,
      status: 'open',
      status_notes: 'Received. It is with the team that deals with it.',
      description: first(form.description),
      address: first(form.address_string),
      address_id: first(form.address_id),
      lat: first(form.lat) ? Number(first(form.lat)) : undefined,
      long: first(form.long) ? Number(first(form.long)) : undefined,
      requested_datetime: at.toISOString(),
      updated_datetime: at.toISOString(),
      expected_datetime: workingDaysAfter(at, service.expectedWorkingDays),
    };
    if (service.type === 'batch') {
      const token = randomUUID();
      tokens.set(token, { readyAt: at.getTime() + tokenDelayMs, request });
      return res.status(201).json([{ token, service_notice: notice, account_id: null }]);
    }
    const id = String(nextId++);
    requests.set(id, { service_request_id: id, ...request });
    res.status(201).json([{ service_request_id: id, service_notice: notice, account_id: null }]);
  });

  router.get('/tokens/:token.json', (req: Request<{ token: string }>, res: Response) => {
    const pending = tokens.get(req.params.token);
    if (!pending) return sendErrors(res, 404, `token ${req.params.token} not found`);
    // The nightly batch has run: the report gets its number now.
    if (!pending.id && now().getTime() >= pending.readyAt) {
      pending.id = String(nextId++);
      requests.set(pending.id, { service_request_id: pending.id, ...pending.request });
    }
    res.json([pending.id ? { service_request_id: pending.id, token: req.params.token } : { token: req.params.token }]);
  });

  router.get('/requests/:id.json', (req: Request<{ id: string }>, res: Response) => {
    const request = requests.get(req.params.id);
    if (!request) return sendErrors(res, 404, `service_request_id ${req.params.id} not found`);
    const service = serviceFor(request.service_code);
    res.json([{
      ...request,
      service_name: service?.service_name,
      agency_responsible: 'Demo Borough Council',
      service_notice: '',
      zipcode: null,
      media_url: null,
    }]);
  });

  return router;
}
