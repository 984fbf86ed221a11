import type { ResponseEnvelope, services } from 'ask-sdk-model';
import nock from 'nock';
import { createAlexaHandler } from '../../../src/channels/alexa/alexa-handler';
import { createProgressSender, toSpeakDirective } from '../../../src/channels/alexa/progressive-response';
import { HttpClient } from '../../../src/connectors/http';
import { CouncilApiError } from '../../../src/core/errors';
import { allHandlers } from '../../../src/core/handlers';
import type { Logger } from '../../../src/core/logger';
import { createSkill } from '../../../src/core/skill';
import { createTestSkill } from '../../support/test-skill';
import { loadEnvelope } from './fixtures';

const API = 'https://api.eu.amazonalexa.com';
const ENVELOPE = loadEnvelope('get-bin-collection');
const TOKEN = ENVELOPE.context.System.apiAccessToken;
const USER = ENVELOPE.session?.user.userId ?? '';
const REQUEST_ID = ENVELOPE.request.requestId;

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

function directiveService() {
  return nock(API, { reqheaders: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' } });
}

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function words(out: ResponseEnvelope): string {
  const speech = out.response.outputSpeech;
  return (speech?.type === 'SSML' ? speech.ssml : '').replace(/<[^>]+>/g, '');
}

/**
 * The real skill and handlers, with the bin calendar answering after `binDelayMs`. The holding
 * line is due after 100 ms here rather than Alexa's usual second, to keep the suite quick.
 */
async function alexaWithBackEnd(binDelayMs: number, logger?: Logger) {
  const test = createTestSkill();
  test.bins.delayMs = binDelayMs;
  await test.profiles.put({ userId: USER, address: { uprn: '100000000002', label: '12 High Street', postcode: 'AB1 2CD' } });
  const services = logger ? { ...test.services, logger } : test.services;
  const skill = createSkill(allHandlers, services, { progressAfterMs: 100 });
  return createAlexaHandler(skill, { logger });
}

describe('progressive responses through the Directive service', () => {
  test('the directive is VoicePlayer.Speak for this request, its words as SSML', () => {
    const body: services.directive.SendDirectiveRequest = toSpeakDirective(REQUEST_ID, 'Just checking with the council…');
    expect(body).toEqual({
      header: { requestId: REQUEST_ID },
      directive: { type: 'VoicePlayer.Speak', speech: '<speak>Just checking with the council…</speak>' },
    });
  });

  test('when the council is slow, Alexa is told to say a holding line before the answer comes', async () => {
    const order: string[] = [];
    let sent: unknown;
    const scope = directiveService().post('/v1/directives', (body) => { sent = body; return true; }).reply(() => {
      order.push('holding line');
      return [204];
    });
    const alexa = await alexaWithBackEnd(600);
    const out = await alexa(ENVELOPE);
    order.push('answer');

    expect(scope.isDone()).toBe(true);
    expect(sent).toEqual(toSpeakDirective(REQUEST_ID, 'Just checking with the council…'));
    expect(order).toEqual(['holding line', 'answer']);
    expect(words(out)).toMatch(/next collection is (this|on) Tuesday/);
  });

  test('when the council answers quickly, nothing is sent', async () => {
    const scope = directiveService().post('/v1/directives').reply(204);
    const alexa = await alexaWithBackEnd(0);
    const out = await alexa(ENVELOPE);
    // Past the moment the holding line would have been due: it was cancelled, not late.
    await wait(250);
    expect(scope.isDone()).toBe(false);
    expect(words(out)).toMatch(/next collection is (this|on) Tuesday/);
  });

  test('a Directive service that refuses costs only the holding line: the answer still comes, and the failure is logged', async () => {
    const warnings: { obj: object; msg?: string }[] = [];
    const logger: Logger = { info: () => {}, error: () => {}, warn: (obj, msg) => warnings.push({ obj, msg }) };
    const scope = directiveService().post('/v1/directives').reply(403, { code: 'FORBIDDEN', message: 'The skill is not allowed to send directives at the moment.' });
    const alexa = await alexaWithBackEnd(600, logger);
    const out = await alexa(ENVELOPE);

    expect(scope.isDone()).toBe(true);
    expect(words(out)).toMatch(/next collection is (this|on) Tuesday/);
    expect(warnings.map((w) => w.msg)).toContain('progressive response failed');
  });

  test('only intent requests with an API token can have one', () => {
    const http = new HttpClient({ service: 'device', breaker: null });
    expect(createProgressSender(ENVELOPE, { http })).toBeDefined();
    expect(createProgressSender(loadEnvelope('launch'), { http })).toBeUndefined();
    expect(createProgressSender(loadEnvelope('can-fulfill-bin-collection'), { http })).toBeUndefined();
    const noToken = loadEnvelope('get-bin-collection');
    delete noToken.context.System.apiAccessToken;
    expect(createProgressSender(noToken, { http })).toBeUndefined();
  });

  test('the sender rejects with the typed error, for the core to log', async () => {
    directiveService().post('/v1/directives').reply(401, { code: 'UNAUTHORIZED' });
    const send = createProgressSender(ENVELOPE, { http: new HttpClient({ service: 'device', retries: 0, breaker: null }) });
    await expect(send?.('One moment.')).rejects.toBeInstanceOf(CouncilApiError);
  });
});
