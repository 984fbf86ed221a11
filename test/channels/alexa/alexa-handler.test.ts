import type { RequestEnvelope, ResponseEnvelope, dialog } from 'ask-sdk-model';
import nock from 'nock';
import { createAlexaHandler } from '../../../src/channels/alexa/alexa-handler';
import { InvalidAlexaRequestError } from '../../../src/channels/alexa/check-envelope';
import { createSkill, type HandlerMap } from '../../../src/core/skill';
import { silentLogger } from '../../../src/core/logger';
import { createTestSkill } from '../../support/test-skill';
import { loadEnvelope } from './fixtures';

const API = 'https://api.eu.amazonalexa.com';
const USER = loadEnvelope('launch').session?.user.userId ?? '';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

function speechOf(out: ResponseEnvelope): string {
  const speech = out.response.outputSpeech;
  return speech?.type === 'SSML' ? speech.ssml : '';
}

/** The next request in a conversation: the fixture for `intent`, carrying the last response's session. */
function next(previous: ResponseEnvelope, intent: string, slots: Record<string, string> = {}, confirmationStatus = 'NONE'): RequestEnvelope {
  const envelope = loadEnvelope('get-bin-collection');
  envelope.session = { ...envelope.session!, attributes: previous.sessionAttributes ?? {} };
  const request = envelope.request as { intent: { name: string; confirmationStatus: string; slots: Record<string, unknown> } };
  request.intent = {
    name: intent,
    confirmationStatus,
    slots: Object.fromEntries(Object.entries(slots).map(([name, value]) => [name, { name, value, confirmationStatus: 'NONE' }])),
  };
  return envelope;
}

describe('the Alexa adapter with the real handlers', () => {
  test('opening the skill welcomes the resident and asks what they would like', async () => {
    const { skill } = createTestSkill();
    const out = await createAlexaHandler(skill)(loadEnvelope('launch'));
    expect(speechOf(out)).toMatch(/^<speak>Welcome to Demo Borough Council\..*\?<\/speak>$/);
    expect(out.response.reprompt?.outputSpeech).toBeDefined();
    expect(out.response.shouldEndSession).toBe(false);
  });

  test('a resident with a saved address hears their bin day', async () => {
    const { skill, profiles } = createTestSkill();
    await profiles.put({ userId: USER, address: { uprn: '100000000002', label: '12 High Street', postcode: 'AB1 2CD' } });
    const out = await createAlexaHandler(skill)(loadEnvelope('get-bin-collection'));
    expect(speechOf(out)).toMatch(/next collection is (this|on) Tuesday/);
    expect(speechOf(out)).toContain('green recycling bin');
    expect(out.response.shouldEndSession).toBe(false);
  });

  test('a new resident without the address permission gets a consent card, is asked the postcode, and ends up with their bin day', async () => {
    const { skill, profiles } = createTestSkill();
    const alexa = createAlexaHandler(skill, { intentSlots: { SetAddressIntent: ['postcode', 'houseNumber'] } });
    const device = nock(API).get(/\/v1\/devices\/.+\/settings\/address\/countryAndPostalCode$/).reply(403, { type: 'FORBIDDEN' });

    const first = await alexa(loadEnvelope('get-bin-collection'));
    expect(device.isDone()).toBe(true);
    expect(first.response.card).toEqual({ type: 'AskForPermissionsConsent', permissions: ['read::alexa:device:all:address:country_and_postal_code'] });
    expect((first.response.directives?.[0] as dialog.ElicitSlotDirective).slotToElicit).toBe('postcode');
    expect(speechOf(first)).toContain('postcode');

    const second = await alexa(next(first, 'SetAddressIntent', { postcode: 'a b one two c d' }));
    expect((second.response.directives?.[0] as dialog.ElicitSlotDirective).slotToElicit).toBe('houseNumber');
    expect(speechOf(second)).toMatch(/house number or name/);

    const third = await alexa(next(second, 'SetAddressIntent', { postcode: 'AB1 2CD', houseNumber: '12' }));
    expect(third.response.directives?.[0]?.type).toBe('Dialog.ConfirmIntent');
    expect(speechOf(third)).toContain('Is that 12 High Street?');

    const fourth = await alexa(next(third, 'SetAddressIntent', { postcode: 'AB1 2CD', houseNumber: '12' }, 'CONFIRMED'));
    expect(speechOf(fourth)).toContain('12 High Street');
    expect(speechOf(fourth)).toMatch(/next collection is (this|on) Tuesday/);
    expect((await profiles.get(USER))?.address?.uprn).toBe('100000000002');
  });

  test('a postcode shared on the device skips asking for it', async () => {
    const { skill } = createTestSkill();
    const device = nock(API).get(/countryAndPostalCode$/).reply(200, { countryCode: 'GB', postalCode: 'AB1 2CD' });
    const out = await createAlexaHandler(skill)(loadEnvelope('get-bin-collection'));
    expect(device.isDone()).toBe(true);
    expect((out.response.directives?.[0] as dialog.ElicitSlotDirective).slotToElicit).toBe('houseNumber');
  });

  test.each(['session-ended-user-initiated', 'session-ended-exceeded-max-reprompts', 'session-ended-error'])('%s gets an empty response', async (fixture) => {
    const { skill } = createTestSkill();
    const out = await createAlexaHandler(skill)(loadEnvelope(fixture));
    expect(out.response).toEqual({});
  });

  test('a session Alexa ended because our response was invalid is logged, with Alexa\'s reason', async () => {
    const warnings: object[] = [];
    const { skill } = createTestSkill();
    await createAlexaHandler(skill, { logger: { ...silentLogger, warn: (obj) => warnings.push(obj) } })(loadEnvelope('session-ended-error'));
    expect(warnings).toEqual([expect.objectContaining({ error: { type: 'INVALID_RESPONSE', message: expect.any(String) } })]);
  });

  test('every intent in the model gets a response Amazon certification accepts', async () => {
    const fixtures = ['get-bin-collection-match', 'get-bin-collection-no-match', 'set-bin-reminder', 'report-issue-match', 'check-report-status',
      'council-tax-charge', 'council-tax-payment', 'council-tax-balance-linked', 'amazon-yes', 'amazon-no', 'amazon-help',
      'amazon-stop', 'amazon-cancel', 'amazon-fallback', 'amazon-navigate-home', 'get-bin-collection-no-session'];
    const { skill, profiles } = createTestSkill();
    await profiles.put({ userId: USER, address: { uprn: '100000000002', label: '12 High Street', postcode: 'AB1 2CD' } });
    const alexa = createAlexaHandler(skill);
    for (const fixture of fixtures) {
      const out = await alexa(loadEnvelope(fixture));
      expect({ fixture, speaks: speechOf(out).length > '<speak></speak>'.length }).toEqual({ fixture, speaks: true });
      // Open sessions carry a reprompt; ended ones ask no question.
      if (out.response.shouldEndSession === false) expect({ fixture, reprompt: Boolean(out.response.reprompt) }).toEqual({ fixture, reprompt: true });
      else expect({ fixture, question: /\?<\/speak>$/.test(speechOf(out)) }).toEqual({ fixture, question: false });
    }
  });

  test('every answer is an Alexa response envelope, and a turn inside a session carries the dialog\'s state, an empty one on its last turn', async () => {
    const { skill } = createTestSkill();
    const alexa = createAlexaHandler(skill);
    const launch = await alexa(loadEnvelope('launch'));
    expect(launch).toMatchObject({ version: '1.0', userAgent: expect.stringMatching(/^council-voice Node\/v\d+/), sessionAttributes: {} });
    // Asking for the postcode: what the next turn needs travels in the attributes.
    nock(API).get(/countryAndPostalCode$/).reply(403, { type: 'FORBIDDEN' });
    const asking = await alexa(loadEnvelope('get-bin-collection'));
    expect(speechOf(asking)).toContain('postcode');
    expect(Object.keys(asking.sessionAttributes ?? {})).not.toEqual([]);
    const goodbye = await alexa(next(asking, 'AMAZON.StopIntent'));
    expect(goodbye.response.shouldEndSession).toBe(true);
    expect(goodbye.sessionAttributes).toEqual({});
  });

  test('stop says goodbye and ends the session', async () => {
    const { skill } = createTestSkill();
    const out = await createAlexaHandler(skill)(loadEnvelope('amazon-stop'));
    expect(out.response.shouldEndSession).toBe(true);
    expect(out.response.reprompt).toBeUndefined();
  });

  test('a CanFulfill request is answered with canFulfillIntent and no speech', async () => {
    const { skill } = createTestSkill();
    const out = await createAlexaHandler(skill)(loadEnvelope('can-fulfill-bin-collection'));
    expect(out.response.canFulfillIntent).toBeDefined();
    expect(out.response.outputSpeech).toBeUndefined();
  });
});

describe('requests the skill does not handle', () => {
  test('an AudioPlayer event gets an empty response without calling the skill', async () => {
    const { services } = createTestSkill();
    const called: string[] = [];
    const record: HandlerMap = {
      'AMAZON.FallbackIntent': async (turn) => { called.push(turn.kind); return { speech: { parts: [] }, endSession: true }; },
    };
    const out = await createAlexaHandler(createSkill(record, services))(loadEnvelope('audio-player-playback-started'));
    expect(out.response).toEqual({});
    expect(called).toEqual([]);
  });

  test('an event inside a session keeps the attributes it came with, and one outside a session carries none', async () => {
    const { skill } = createTestSkill();
    const handler = createAlexaHandler(skill);
    const inSession = loadEnvelope('audio-player-playback-started');
    inSession.session = { ...loadEnvelope('launch').session!, attributes: { dialog: { step: 'postcode' } } };
    const kept = await handler(inSession);
    expect(kept).toMatchObject({ version: '1.0', response: {}, sessionAttributes: { dialog: { step: 'postcode' } } });
    const outside = await handler(loadEnvelope('audio-player-playback-started'));
    expect(outside.version).toBe('1.0');
    expect(outside.sessionAttributes).toBeUndefined();
  });

  test.each([
    ['a string', 'hello'],
    ['an array', []],
    ['no version', { request: { type: 'LaunchRequest', requestId: 'r1' } }],
    ['no request', { version: '1.0' }],
    ['a request without a type', { version: '1.0', request: { requestId: 'r1' } }],
    ['an intent request without an intent name', { version: '1.0', request: { type: 'IntentRequest', requestId: 'r1', intent: {} } }],
    ['session attributes that are not an object', { version: '1.0', session: { attributes: 'x' }, request: { type: 'LaunchRequest', requestId: 'r1' } }],
  ])('%s is refused as not an Alexa request', async (_name, body) => {
    const { skill } = createTestSkill();
    await expect(createAlexaHandler(skill)(body)).rejects.toBeInstanceOf(InvalidAlexaRequestError);
  });
});
