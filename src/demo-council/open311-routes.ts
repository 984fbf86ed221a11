/**
 * The demo council's Open311 GeoReport v2 endpoint, mounted at `/open311/v2`, in both formats
 * (`.json` and `.xml` paths): services, services/{code}, POST requests, GET requests (the search),
 * tokens/{token} and requests/{id}, with errors as `[{code, description}]` or `<errors>`.
 * New reports live in memory.
 */
import { randomUUID } from 'node:crypto';
import express, { Router, type Request, type Response } from 'express';
import { addDays, localDate, weekdayName } from '../core/dates';
import { sendDefinition, sendErrors, sendList, type WireFormat } from './open311-answer';
import { loadOpen311Data, type DemoRequest, type DemoService, type Open311Data } from './open311-data';

export interface Open311RouterOptions {
  data?: Open311Data;
  /** How long a batch service's token waits for its id; from the data file by default. */
  tokenDelayMs?: number;
  now?: () => Date;
  /** The formats served; both by default (an XML-only server is what many UK councils run). */
  formats?: WireFormat[];
}

type Form = Record<string, string | string[] | undefined>;

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
  // server_set values are the sending system's own (a report URL): a client that has none sends none.
  for (const attribute of service.attributes.filter((a) => a.variable && a.automated !== 'server_set')) {
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
    const format: WireFormat = req.path.endsWith('.xml') ? 'xml' : 'json';
    if (named && named !== data.jurisdictionId) return sendErrors(res, format, 404, `jurisdiction_id ${named} not found`);
    next();
  });

  const describeRequest = (request: DemoRequest) => ({
    ...request,
    service_name: serviceFor(request.service_code)?.service_name,
    agency_responsible: 'Demo Borough Council',
    service_notice: '',
    zipcode: null,
    media_url: null,
  });

  for (const format of options.formats ?? ['json', 'xml']) {
    router.get(`/services.${format}`, (_req, res) => {
      sendList(res, format, 'services', data.services.map((s) => ({
        service_code: s.service_code,
        service_name: s.service_name,
        description: s.description ?? '',
        metadata: s.attributes.length > 0,
        type: s.type,
        keywords: s.keywords,
        group: s.group ?? '',
      })));
    });

    router.get(`/services/:code.${format}`, (req: Request<{ code: string }>, res: Response) => {
      const service = serviceFor(req.params.code);
      if (!service) return sendErrors(res, format, 404, `service_code ${req.params.code} not found`);
      sendDefinition(res, format, { service_code: service.service_code, attributes: service.attributes });
    });

    router.post(`/requests.${format}`, (req: Request, res: Response) => {
      const form = (req.body ?? {}) as Form;
      if (first(form.api_key) !== data.apiKey) return sendErrors(res, format, 403, 'api_key is missing or not valid');
      const code = first(form.service_code);
      if (!code) return sendErrors(res, format, 400, 'service_code is required');
      const service = serviceFor(code);
      if (!service) return sendErrors(res, format, 404, `service_code ${code} not found`);
      const problem = problemWith(form, service);
      if (problem) return sendErrors(res, format, 400, problem);

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
        return sendList(res, format, 'service_requests', [{ token, service_notice: notice, account_id: null }], 201);
      }
      const id = String(nextId++);
      requests.set(id, { service_request_id: id, ...request });
      sendList(res, format, 'service_requests', [{ service_request_id: id, service_notice: notice, account_id: null }], 201);
    });

    router.get(`/tokens/:token.${format}`, (req: Request<{ token: string }>, res: Response) => {
      const pending = tokens.get(req.params.token);
      if (!pending) return sendErrors(res, format, 404, `token ${req.params.token} not found`);
      // The nightly batch has run: the report gets its number now.
      if (!pending.id && now().getTime() >= pending.readyAt) {
        pending.id = String(nextId++);
        requests.set(pending.id, { service_request_id: pending.id, ...pending.request });
      }
      sendList(res, format, 'service_requests', [pending.id ? { service_request_id: pending.id, token: req.params.token } : { token: req.params.token }]);
    });

    router.get(`/requests/:id.${format}`, (req: Request<{ id: string }>, res: Response) => {
      const request = requests.get(req.params.id);
      if (!request) return sendErrors(res, format, 404, `service_request_id ${req.params.id} not found`);
      sendList(res, format, 'service_requests', [describeRequest(request)]);
    });

    // GeoReport v2's search: by service code and a window on when requests were made.
    router.get(`/requests.${format}`, (req: Request, res: Response) => {
      const query = req.query as Record<string, unknown>;
      const text = (name: string) => (typeof query[name] === 'string' ? query[name] : undefined);
      const from = text('start_date') ? Date.parse(text('start_date') ?? '') : Number.NEGATIVE_INFINITY;
      const to = text('end_date') ? Date.parse(text('end_date') ?? '') : Number.POSITIVE_INFINITY;
      if (Number.isNaN(from) || Number.isNaN(to)) return sendErrors(res, format, 400, 'start_date and end_date must be ISO 8601 date-times');
      const code = text('service_code');
      const found = [...requests.values()].filter((r) => (!code || r.service_code === code)
        && Date.parse(r.requested_datetime) >= from && Date.parse(r.requested_datetime) <= to);
      sendList(res, format, 'service_requests', found.map(describeRequest));
    });
  }

  return router;
}
