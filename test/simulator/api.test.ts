/**
 * POST /simulator/api/turns, as the page, the CLI and the conversation tests use it: a turn runs
 * through the real adapter of the chosen platform, against the demo council over real HTTP.
 */
import express from 'express';
import request from 'supertest';
import { createSimulator } from '../../src/simulator/create-simulator';
import { SIMULATOR_NOW, startSimulatorApp, type SimulatorApp } from './support/simulator-app';

let app: SimulatorApp;
let counter = 0;

beforeAll(async () => {
  app = await startSimulatorApp();
});

afterAll(async () => {
  await app.close();
});

/** A fresh resident and session for each conversation, so saved addresses do not leak between tests. */
function resident(platform: string, device: object = {}) {
  counter += 1;
  const ids = { sessionId: `session-${counter}`, userId: `resident-${counter}`, platform, device };
  return async (body: object) => {
    const response = await request(app.url).post('/simulator/api/turns').send({ ...ids, ...body });
    return response;
  };
}

describe('a bin-day conversation on Alexa, with the postcode shared by the device', () => {
  it('finds the address, confirms it and tells the bin day, showing what happened on the way', async () => {
    const say = resident('alexa', { postcode: 'AB1 2CD', permissions: ['address'] });

    const first = await say({ text: 'when is my bin day' });
    expect(first.status).toBe(200);
    expect(first.body.intent).toEqual({ name: 'GetBinCollectionIntent', confidence: 1 });
    expect(first.body.reply).toMatchObject({ text: "Thanks. What's your house number or name?", endSession: false });
    expect(first.body.reply.reprompt).toEqual(expect.any(String));
    expect(first.body.reply.ssml).toMatch(/^<speak>.*<\/speak>$/);
    // The request Alexa would send, with its APIs pointed at the simulator itself.
    expect(first.body.platformRequest.request).toMatchObject({ type: 'IntentRequest', intent: { name: 'GetBinCollectionIntent' } });
    expect(first.body.platformRequest.context.System.apiEndpoint).toBe(`${app.url}/simulator/alexa-api`);
    expect(first.body.platformResponse.response.shouldEndSession).toBe(false);
    // The device address API (answered by the simulator) and the council's address lookup.
    expect(first.body.calls).toEqual([
      expect.objectContaining({ method: 'GET', url: expect.stringContaining('/settings/address/countryAndPostalCode'), status: 200, ms: expect.any(Number) }),
      expect.objectContaining({ method: 'GET', url: expect.stringContaining('/search/places/v1/postcode'), status: 200 }),
    ]);
    expect(first.body.awaiting).toEqual({ intent: 'SetAddressIntent', slot: 'houseNumber' });
    expect(first.body.ms).toEqual(expect.any(Number));
    expect(first.body.warnings).toEqual([]);

    const second = await say({ text: '2' });
    expect(second.body.intent.name).toBe('SetAddressIntent');
    expect(second.body.slots).toEqual({ houseNumber: { value: '2' } });
    expect(second.body.platformRequest.request.dialogState).toBe('IN_PROGRESS');
    expect(second.body.platformRequest.session.new).toBe(false);
    expect(second.body.reply.text).toBe('Is that 2 High Street?');

    const third = await say({ text: 'yes' });
    expect(third.body.reply.text).toContain('Your next collection is on Tuesday 1 December: the green recycling bin');
    expect(third.body.calls).toEqual([expect.objectContaining({ url: expect.stringContaining('/waste/100090000002/calendar.ics'), status: 200 })]);

    const fourth = await say({ text: 'is the food caddy collected next tuesday' });
    expect(fourth.body.slots).toEqual({ binType: { value: 'food caddy', id: 'FOOD' }, date: { value: '2026-12-01' } });
    expect(fourth.body.reply.text).toMatch(/^Yes/);
  });

  it('sets bin reminders through the simulated Reminders API when the resident allows it', async () => {
    const say = resident('alexa', { postcode: 'AB1 2CD', permissions: ['address', 'reminders'] });
    await say({ text: 'when is my bin day' });
    await say({ text: '2' });
    await say({ text: 'yes' });
    const reminded = await say({ text: 'remind me the night before bin day' });
    expect(reminded.body.intent.name).toBe('SetBinReminderIntent');
    const reminderCalls = reminded.body.calls.filter((c: { url: string }) => c.url.endsWith('/simulator/alexa-api/v1/alerts/reminders'));
    expect(reminderCalls.length).toBeGreaterThan(0);
    expect(reminderCalls.every((c: { method: string; status: number }) => c.method === 'POST' && c.status === 201)).toBe(true);
    expect(reminded.body.progress).toEqual([]);
  });

  it('tells the skill when the device has a screen, and shows what it would display', async () => {
    const say = resident('alexa', { postcode: 'AB1 2CD', permissions: ['address'], hasScreen: true });
    await say({ text: 'when is my bin day' });
    await say({ text: '2' });
    const shown = await say({ text: 'yes' });
    expect(shown.body.platformRequest.context.System.device.supportedInterfaces).toHaveProperty(['Alexa.Presentation.APL']);
    expect(shown.body.platformResponse.response.directives.map((d: { type: string }) => d.type)).toContain('Alexa.Presentation.APL.RenderDocument');
  });

  it('asks for the permission with a consent card when the device has not shared it', async () => {
    const say = resident('alexa', { postcode: 'AB1 2CD', permissions: [] });
    const reply = await say({ text: 'when is my bin day' });
    expect(reply.body.reply.card).toMatchObject({ type: 'AskForPermissionsConsent' });
    expect(reply.body.reply.text).toContain("What's your postcode?");
    expect(reply.body.calls[0]).toMatchObject({ url: expect.stringContaining('countryAndPostalCode'), status: 403 });
  });
});

describe.each(['dialogflow-cx', 'dialogflow-es'])('the same conversation on %s, with the postcode said aloud', (platform) => {
  it('collects the postcode and house number on the platform\'s own terms and tells the bin day', async () => {
    const say = resident(platform);
    const first = await say({ text: 'when is my bin day' });
    expect(first.status).toBe(200);
    expect(first.body.reply.text).toBe("To tell you that, I need your address first. What's your postcode?");
    expect(first.body.awaiting).toEqual({ intent: 'SetAddressIntent', slot: 'postcode' });
    if (platform === 'dialogflow-cx') expect(first.body.platformRequest.fulfillmentInfo.tag).toBe('GetBinCollectionIntent');
    else expect(first.body.platformRequest.queryResult.action).toBe('GetBinCollectionIntent');

    const second = await say({ text: 'a b one two c d' });
    expect(second.body.slots).toEqual({ postcode: { value: 'a b one two c d' } });
    expect(second.body.reply.text).toBe("Thanks. What's your house number or name?");
    expect(second.body.calls).toEqual([expect.objectContaining({ url: expect.stringContaining('/search/places/v1/postcode'), status: 200 })]);

    await say({ text: 'number 2' });
    const last = await say({ text: 'yes please' });
    expect(last.body.reply.text).toContain('Tuesday 1 December');
    expect(last.body.reply.endSession).toBe(false);
  });
});

describe('sessions', () => {
  it('start with a launch, and end when the skill says goodbye', async () => {
    const say = resident('alexa');
    const launch = await say({ text: null, event: 'launch' });
    expect(launch.body.intent.name).toBe('launch');
    expect(launch.body.platformRequest.request.type).toBe('LaunchRequest');
    expect(launch.body.platformRequest.session.new).toBe(true);
    expect(launch.body.reply.text).toMatch(/\?$/);

    const bye = await say({ text: 'stop' });
    expect(bye.body.reply.endSession).toBe(true);
    expect(bye.body.sessionEnded).toBe(true);

    // The same session id now starts afresh, as a new conversation with the device would.
    const again = await say({ text: 'help' });
    expect(again.body.platformRequest.session.new).toBe(true);
  });

  it('treat "open demo council" as opening the skill, and "ask demo council ..." as a one-shot question', async () => {
    const open = await resident('dialogflow-es')({ text: 'open demo council' });
    expect(open.body.intent.name).toBe('launch');
    expect(open.body.platformRequest.queryResult.action).toBe('input.welcome');
    const ask = await resident('alexa')({ text: 'ask demo council how much is band d' });
    expect(ask.body.intent.name).toBe('CouncilTaxChargeIntent');
    expect(ask.body.slots.band.id).toBe('D');
  });

  it('take an intent and slots instead of words, resolving the slot as the platform would', async () => {
    const reply = await resident('dialogflow-cx')({ intent: 'CouncilTaxChargeIntent', slots: { band: 'band d' } });
    expect(reply.body.slots).toEqual({ band: { value: 'band d', id: 'D' } });
    expect(reply.body.platformRequest.intentInfo.parameters.band).toEqual({ originalValue: 'band d', resolvedValue: 'D' });
    expect(reply.body.reply.text).toContain('£1,980.12');
  });

  it('take an intent typed with its slots, to test a handler without the words', async () => {
    const reply = await resident('alexa')({ text: 'CouncilTaxChargeIntent band=D' });
    expect(reply.body.intent.name).toBe('CouncilTaxChargeIntent');
    expect(reply.body.platformRequest.request.intent.slots.band.resolutions.resolutionsPerAuthority[0].values[0].value.id).toBe('D');
    expect(reply.body.reply.text).toContain('Band D');
  });

  it('send the sentence the model cannot place as the fallback, and say what it was nearest to', async () => {
    const reply = await resident('alexa')({ text: 'play some jazz in the kitchen' });
    expect(reply.body.intent.name).toBe('fallback');
    expect(reply.body.platformRequest.request.intent.name).toBe('AMAZON.FallbackIntent');
    expect(reply.body.understanding.reason.how).toBe('out of domain');
    expect(reply.body.reply.endSession).toBe(false);
  });
});

describe('requests the simulator refuses', () => {
  it('explains what is missing or wrong, as JSON', async () => {
    const none = await request(app.url).post('/simulator/api/turns').send({ platform: 'alexa' });
    expect(none.status).toBe(400);
    expect(none.body.error).toMatch(/give "text"/);
    const platform = await request(app.url).post('/simulator/api/turns').send({ text: 'hello', platform: 'siri' });
    expect(platform.status).toBe(400);
    expect(platform.body.error).toContain('alexa, dialogflow-cx, dialogflow-es');
    const broken = await request(app.url).post('/simulator/api/turns').set('content-type', 'application/json').send('{"text": ');
    expect(broken.status).toBe(400);
    expect(broken.body).toEqual({ error: 'The body is not valid JSON.' });
    const locale = await request(app.url).post('/simulator/api/turns').send({ text: 'hello', locale: 'fr-FR' });
    expect(locale.status).toBe(400);
  });

  it('answers 501 for a platform whose adapter is not wired in', async () => {
    const partial = express().use('/simulator', createSimulator(app.composition, { bridges: [] }));
    const reply = await request(partial).post('/simulator/api/turns').send({ text: 'when is my bin day', platform: 'dialogflow-cx' });
    expect(reply.status).toBe(501);
    expect(reply.body.error).toBe('Dialogflow CX is not available yet: its adapter is not wired into this server.');
  });

  it('refuses other machines unless the council allows them', async () => {
    const fromAfar = express()
      .use((req, _res, next) => {
        Object.defineProperty(req.socket, 'remoteAddress', { value: '203.0.113.9', configurable: true });
        next();
      })
      .use('/simulator', createSimulator(app.composition, { allowRemote: false }));
    const refused = await request(fromAfar).get('/simulator/api/platforms');
    expect(refused.status).toBe(403);
    const shared = express().use('/simulator', createSimulator(app.composition, { allowRemote: true }));
    expect((await request(shared).get('/simulator/api/platforms')).status).toBe(200);
  });

  it('answers the Reminders API from the device panel\'s permission', async () => {
    const withPermission = await resident('alexa', { permissions: ['reminders'] })({ text: 'help' });
    const token = withPermission.body.platformRequest.context.System.apiAccessToken as string;
    const reminder = { requestTime: '2026-11-27T10:00:00', trigger: { type: 'SCHEDULED_ABSOLUTE', scheduledTime: '2026-11-30T19:00:00', timeZoneId: 'Europe/London' } };
    const created = await request(app.url).post('/simulator/alexa-api/v1/alerts/reminders').set('authorization', `Bearer ${token}`).send(reminder);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ alertToken: expect.any(String), status: 'ON' });
    const listed = await request(app.url).get('/simulator/alexa-api/v1/alerts/reminders').set('authorization', `Bearer ${token}`);
    expect(listed.body.totalCount).toBe('1');
    const removed = await request(app.url).delete(`/simulator/alexa-api/v1/alerts/reminders/${created.body.alertToken}`).set('authorization', `Bearer ${token}`);
    expect(removed.status).toBe(200);

    const without = await resident('alexa', { permissions: [] })({ text: 'help' });
    const refused = await request(app.url).post('/simulator/alexa-api/v1/alerts/reminders')
      .set('authorization', `Bearer ${without.body.platformRequest.context.System.apiAccessToken}`).send(reminder);
    expect(refused.status).toBe(401);
  });

  it('accepts a progressive response on the Directive service, as Alexa does', async () => {
    const turn = await resident('alexa')({ text: 'help' });
    const token = turn.body.platformRequest.context.System.apiAccessToken as string;
    const speak = { header: { requestId: 'r1' }, directive: { type: 'VoicePlayer.Speak', speech: '<speak>Just a moment.</speak>' } };
    const accepted = await request(app.url).post('/simulator/alexa-api/v1/directives').set('authorization', `Bearer ${token}`).send(speak);
    expect(accepted.status).toBe(204);
    const wrong = await request(app.url).post('/simulator/alexa-api/v1/directives').set('authorization', `Bearer ${token}`).send({ directive: { type: 'Other' } });
    expect(wrong.status).toBe(400);
  });

  it('answers the Alexa APIs only for a token it gave out', async () => {
    const reply = await request(app.url).get('/simulator/alexa-api/v1/devices/x/settings/address/countryAndPostalCode').set('authorization', 'Bearer made-up');
    expect(reply.status).toBe(401);
  });
});

describe('the page and its data', () => {
  it('serves the page and lists the platforms with the council\'s name', async () => {
    const page = await request(app.url).get('/simulator/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    const platforms = await request(app.url).get('/simulator/api/platforms');
    expect(platforms.body).toEqual({
      council: 'Demo Borough Council',
      invocationName: 'demo council',
      platforms: [
        { name: 'alexa', label: 'Alexa', available: true },
        { name: 'dialogflow-cx', label: 'Dialogflow CX', available: true },
        { name: 'dialogflow-es', label: 'Dialogflow ES', available: true },
      ],
    });
  });

  it('stands on the composition\'s clock, so staff and tests agree on "tomorrow"', async () => {
    const reply = await resident('alexa')({ text: 'is my bin collected tomorrow' });
    expect(SIMULATOR_NOW.startsWith('2026-11-27')).toBe(true);
    expect(reply.body.slots.date).toEqual({ value: '2026-11-28' });
  });
});
