import type { RequestEnvelope, ResponseEnvelope, services } from 'ask-sdk-model';
import nock from 'nock';
import { createAlexaHandler } from '../../../src/channels/alexa/alexa-handler';
import { createReminderService, hasRemindersPermission } from '../../../src/channels/alexa/reminders-api';
import { HttpClient } from '../../../src/connectors/http';
import { silentLogger } from '../../../src/core/logger';
import type { ReminderRequest, ReminderService } from '../../../src/core/turn';
import { createTestSkill } from '../../support/test-skill';
import { loadEnvelope } from './fixtures';

const API = 'https://api.eu.amazonalexa.com';
const TOKEN = loadEnvelope('set-bin-reminder-granted').context.System.apiAccessToken;
const USER = loadEnvelope('set-bin-reminder-granted').session?.user.userId ?? '';
const HIGH_STREET = { uprn: '100000000002', label: '12 High Street', postcode: 'AB1 2CD' };

const REMINDER: ReminderRequest = {
  scheduledLocalTime: '2026-11-30T19:00:00',
  timeZone: 'Europe/London',
  text: 'Bin day tomorrow: put out the green recycling bin and the food caddy.',
  locale: 'en-GB',
};

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

/** Alexa's Reminders API, expecting the request's own token. */
function remindersApi() {
  return nock(API, { reqheaders: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' } });
}

function serviceFor(envelope: RequestEnvelope = loadEnvelope('set-bin-reminder-granted')): ReminderService {
  const service = createReminderService(envelope, { http: new HttpClient({ service: 'reminders', timeoutMs: 500, retries: 0, breaker: null }), logger: silentLogger });
  if (!service) throw new Error('expected a reminder service for this fixture');
  return service;
}

const CREATED = { alertToken: 'a1b2c3d4-0000-4000-8000-000000000001', createdTime: '2026-11-27T10:00:00.000Z', updatedTime: '2026-11-27T10:00:00.000Z', status: 'ON', version: '1', href: '/v1/alerts/reminders/a1b2c3d4-0000-4000-8000-000000000001' };

describe('the reminders permission', () => {
  test('is granted when Alexa lists the reminders scope as GRANTED', () => {
    expect(hasRemindersPermission(loadEnvelope('set-bin-reminder-granted'))).toBe(true);
    expect(serviceFor().hasPermission).toBe(true);
  });

  test('is not granted without the scope, or with it DENIED, even with a consent token for another permission', () => {
    expect(hasRemindersPermission(loadEnvelope('set-bin-reminder'))).toBe(false);
    const denied = loadEnvelope('set-bin-reminder-granted');
    denied.context.System.user.permissions = { consentToken: 'token-for-the-address', scopes: { 'alexa::alerts:reminders:skill:readwrite': { status: 'DENIED' } } };
    expect(hasRemindersPermission(denied)).toBe(false);
  });

  test('a request with a consent token but no scopes is worth a try (a 401 then asks for the permission)', () => {
    const older = loadEnvelope('set-bin-reminder-granted');
    older.context.System.user.permissions = { consentToken: 'token' };
    expect(hasRemindersPermission(older)).toBe(true);
  });

  test('without an API token there is no reminder service at all (the skill offers the calendar instead)', () => {
    const envelope = loadEnvelope('launch-without-api-access-token');
    expect(createReminderService(envelope, { http: new HttpClient({ service: 'reminders' }), logger: silentLogger })).toBeUndefined();
  });
});

describe('creating a reminder through the Reminders API', () => {
  test('POSTs a SCHEDULED_ABSOLUTE reminder at local time in the council\'s zone and returns the alertToken', async () => {
    let sent: services.reminderManagement.ReminderRequest | undefined;
    const scope = remindersApi().post('/v1/alerts/reminders', (body: services.reminderManagement.ReminderRequest) => { sent = body; return true; }).reply(200, CREATED);
    await expect(serviceFor().create(REMINDER)).resolves.toEqual({ kind: 'created', id: CREATED.alertToken });
    expect(scope.isDone()).toBe(true);
    expect(sent).toEqual({
      requestTime: expect.any(String),
      trigger: { type: 'SCHEDULED_ABSOLUTE', scheduledTime: '2026-11-30T19:00:00.000', timeZoneId: 'Europe/London' },
      alertInfo: { spokenInfo: { content: [{ locale: 'en-GB', text: REMINDER.text }] } },
      pushNotification: { status: 'ENABLED' },
    });
    expect(Number.isNaN(Date.parse(sent?.requestTime ?? ''))).toBe(false);
  });

  test('201 Created is success too', async () => {
    const scope = remindersApi().post('/v1/alerts/reminders').reply(201, CREATED);
    await expect(serviceFor().create(REMINDER)).resolves.toEqual({ kind: 'created', id: CREATED.alertToken });
    expect(scope.isDone()).toBe(true);
  });

  test.each([
    [401, 'UNAUTHORIZED', 'no-permission'],
    [403, 'FORBIDDEN', 'no-permission'],
    [429, 'TOO_MANY_REQUESTS', 'rate-limited'],
    [500, 'INTERNAL_SERVER_ERROR', 'failed'],
    [503, 'SERVICE_UNAVAILABLE', 'failed'],
  ])('answers %i %s as %s, and never retries the POST', async (status, code, kind) => {
    const scope = remindersApi().post('/v1/alerts/reminders').times(2).reply(status, { code, message: 'as Amazon words it' });
    await expect(serviceFor().create(REMINDER)).resolves.toEqual({ kind });
    // A second attempt could set the same reminder twice: one of the two interceptors is left.
    expect(scope.pendingMocks()).toHaveLength(1);
  });

  test('a network failure or an answer without an alertToken is a failure, not a reminder', async () => {
    remindersApi().post('/v1/alerts/reminders').replyWithError({ code: 'ECONNRESET' });
    await expect(serviceFor().create(REMINDER)).resolves.toEqual({ kind: 'failed' });
    const scope = remindersApi().post('/v1/alerts/reminders').reply(200, { status: 'ON' });
    await expect(serviceFor().create(REMINDER)).resolves.toEqual({ kind: 'failed' });
    expect(scope.isDone()).toBe(true);
  });
});

describe('deleting a reminder', () => {
  test('DELETEs it by its alertToken', async () => {
    const scope = remindersApi().delete(`/v1/alerts/reminders/${CREATED.alertToken}`).reply(200, {});
    await expect(serviceFor().remove(CREATED.alertToken)).resolves.toBe(true);
    expect(scope.isDone()).toBe(true);
  });

  test('a reminder that has already gone (404) counts as removed', async () => {
    const scope = remindersApi().delete('/v1/alerts/reminders/gone').reply(404, { code: 'NOT_FOUND', message: 'Alert not found' });
    await expect(serviceFor().remove('gone')).resolves.toBe(true);
    expect(scope.isDone()).toBe(true);
  });

  test('a failure to delete is reported, not thrown', async () => {
    const scope = remindersApi().delete('/v1/alerts/reminders/kept').reply(500, { code: 'INTERNAL_SERVER_ERROR' });
    await expect(serviceFor().remove('kept')).resolves.toBe(false);
    expect(scope.isDone()).toBe(true);
  });
});

describe('bin reminders through the Alexa adapter, against the Reminders API', () => {
  /** What the resident hears: the SSML's words. */
  function speechOf(out: ResponseEnvelope): string {
    const speech = out.response.outputSpeech;
    const ssml = speech?.type === 'SSML' ? speech.ssml : '';
    return ssml.replace(/<[^>]+>/g, '').replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  }

  async function setUp() {
    const test = createTestSkill();
    await test.profiles.put({ userId: USER, address: HIGH_STREET });
    return { ...test, alexa: createAlexaHandler(test.skill) };
  }

  test('"remind me the night before bin day" creates one reminder per coming collection, and "stop" deletes them', async () => {
    const { alexa, profiles } = await setUp();
    const times: string[] = [];
    let next = 0;
    const create = remindersApi().post('/v1/alerts/reminders', (body: services.reminderManagement.ReminderRequest) => {
      times.push(body.trigger?.scheduledTime ?? '');
      return true;
    }).times(4).reply(200, () => ({ ...CREATED, alertToken: `token-${++next}` }));

    const set = await alexa(loadEnvelope('set-bin-reminder-granted'));
    expect(create.isDone()).toBe(true);
    // The evening before each of High Street's next four collections, from the calendar.
    expect(times).toEqual(['2026-11-30T19:00:00.000', '2026-12-07T19:00:00.000', '2026-12-14T19:00:00.000', '2026-12-21T19:00:00.000']);
    expect(speechOf(set)).toContain("Done. I'll remind you at 7pm the evening before your next 4 collections");
    expect((await profiles.get(USER))?.reminderIds).toEqual(['token-1', 'token-2', 'token-3', 'token-4']);

    const remove = ['token-1', 'token-2', 'token-3', 'token-4'].map((id) => remindersApi().delete(`/v1/alerts/reminders/${id}`).reply(200, {}));
    const stop = await alexa(loadEnvelope('stop-bin-reminders-granted'));
    expect(remove.every((scope) => scope.isDone())).toBe(true);
    expect(speechOf(stop)).toContain("Done. I've turned off your bin reminders.");
    expect((await profiles.get(USER))?.reminderIds).toEqual([]);
  });

  test('without the permission, nothing is sent to Amazon and the resident gets a consent card for reminders', async () => {
    const { alexa } = await setUp();
    const create = remindersApi().post('/v1/alerts/reminders').reply(200, CREATED);
    const out = await alexa(loadEnvelope('set-bin-reminder'));
    expect(create.isDone()).toBe(false);
    expect(out.response.card).toEqual({ type: 'AskForPermissionsConsent', permissions: ['alexa::alerts:reminders:skill:readwrite'] });
    expect(speechOf(out)).toContain('I need your permission');
  });

  test.each([
    [401, /I need your permission/],
    [429, /Alexa is busy setting reminders/],
    [500, /couldn't set your bin reminders just now/],
  ])('a %i from the Reminders API gets a clear sentence and keeps the session open', async (status, expected) => {
    const { alexa } = await setUp();
    const scope = remindersApi().post('/v1/alerts/reminders').reply(status, { code: 'ERROR' });
    const out = await alexa(loadEnvelope('set-bin-reminder-granted'));
    expect(scope.isDone()).toBe(true);
    expect(speechOf(out)).toMatch(expected);
    expect(out.response.shouldEndSession).toBe(false);
  });
});
