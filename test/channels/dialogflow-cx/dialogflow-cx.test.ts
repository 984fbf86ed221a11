import { askPageFor } from '../../../src/channels/dialogflow-cx/ask-pages';
import { createCxHandler } from '../../../src/channels/dialogflow-cx/cx-handler';
import type { CxWebhookRequest, CxWebhookResponse } from '../../../src/channels/dialogflow-cx/cx-types';
import { CX_REPROMPT_PARAMETER, CX_STATE_PARAMETER, decodeState } from '../../../src/channels/dialogflow-common/session-state';
import { NetworkError } from '../../../src/core/errors';
import { ask } from '../../../src/core/replies';
import { characters, money, type Speech } from '../../../src/core/speech';
import { createTestSkill, type TestSkill } from '../../support/test-skill';
import { continueCx, cxFixture } from '../dialogflow-common/google-fixtures';

const FLOW = 'projects/demo-council-voice/locations/europe-west2/agents/4c2b8a1e-7d5f-4a0b-9e61-2f3c8d7a9b10/flows/00000000-0000-0000-0000-000000000000';
const SESSION_USER = 'dfMessenger-52811093';
const HOME = { uprn: '100000000002', label: '12 High Street', postcode: 'AB1 2CD' };

function said(response: CxWebhookResponse): string {
  const texts = response.fulfillmentResponse?.messages.flatMap((m) => ('text' in m ? m.text.text : [])) ?? [];
  return texts.join(' ');
}

function ssmlOf(response: CxWebhookResponse): string {
  const audio = response.fulfillmentResponse?.messages.find((m) => 'outputAudioText' in m);
  return audio && 'outputAudioText' in audio ? audio.outputAudioText.ssml : '';
}

async function post(test: TestSkill, request: unknown, headers = {}) {
  const handler = createCxHandler(test.skill, { councilWebsite: 'https://www.demo-council.example/', accessToken: { header: 'x-council-token', parameter: 'council_token' } });
  const result = await handler(request, headers);
  return { status: result.status, response: result.body as CxWebhookResponse };
}

describe('Dialogflow CX webhook', () => {
  it('welcomes the resident and keeps the conversation open, with a reprompt for silence', async () => {
    const { status, response } = await post(createTestSkill(), cxFixture('welcome'));
    expect(status).toBe(200);
    expect(said(response)).toMatch(/^Welcome to Demo Borough Council\..*What would you like to do\?$/);
    expect(ssmlOf(response)).toMatch(/^<speak>Welcome to Demo Borough Council\./);
    expect(response.targetPage).toBeUndefined();
    expect(response.sessionInfo?.parameters[CX_REPROMPT_PARAMETER]).toContain('when is my bin day');
    expect(decodeState(response.sessionInfo?.parameters[CX_STATE_PARAMETER])).toEqual({});
  });

  it('answers bin day for a saved address, reading the resolved bin type', async () => {
    const test = createTestSkill();
    await test.profiles.put({ userId: SESSION_USER, address: HOME });
    const { response } = await post(test, cxFixture('get-bin-collection-recycling'));
    expect(said(response)).toMatch(/^Your green recycling bin is next collected .*Tuesday.*\?$/);
    // The intent parameter CX copied into the session is cleared, so it cannot fill a later form.
    expect(response.sessionInfo?.parameters.binType).toBeNull();
  });

  it('asks for the postcode by voice, moving to the Ask page, then asks for the house', async () => {
    const test = createTestSkill();
    const first = cxFixture('get-bin-collection');
    const one = await post(test, first);
    expect(said(one.response)).toBe("To tell you that, I need your address first. What's your postcode?");
    expect(one.response.targetPage).toBe(`${FLOW}/pages/${askPageFor('SetAddressIntent', 'postcode').id}`);

    const second = continueCx(cxFixture('ask-page-postcode'), { request: first, response: one.response });
    const two = await post(test, second);
    expect(said(two.response)).toBe("Thanks. What's your house number or name?");
    expect(two.response.targetPage).toBe(`${FLOW}/pages/${askPageFor('SetAddressIntent', 'houseNumber').id}`);
    // The filled postcode leaves the session, or the next Ask page's form would see it.
    expect(two.response.sessionInfo?.parameters.postcode).toBeNull();
  });

  it('goes back to the start page after an answer given on an Ask page', async () => {
    const test = createTestSkill({ handlers: { SetAddressIntent: async (_turn, ctx) => ask(ctx.t.speak('common:help'), ctx.t.speak('common:helpReprompt')), 'fallback': async () => ask({ parts: [] }, { parts: [] }) } });
    const request = cxFixture('ask-page-postcode');
    request.pageInfo = { ...request.pageInfo, currentPage: `${FLOW}/pages/${askPageFor('SetAddressIntent', 'postcode').id}` };
    const { response } = await post(test, request);
    expect(response.targetPage).toBe(`${FLOW}/pages/START_PAGE`);
  });

  it('ends the session on stop through the END_SESSION page, and forgets the state', async () => {
    const { response } = await post(createTestSkill(), cxFixture('stop'));
    expect(said(response)).toMatch(/^(Goodbye\.|Thanks for calling Demo Borough Council\. Goodbye\.|Bye for now\.)$/);
    expect(response.targetPage).toBe(`${FLOW}/pages/END_SESSION`);
    expect(response.sessionInfo?.parameters[CX_STATE_PARAMETER]).toBeNull();
    expect(response.sessionInfo?.parameters[CX_REPROMPT_PARAMETER]).toBeNull();
  });

  it('answers a no-match with the fallback and keeps listening', async () => {
    const { response } = await post(createTestSkill(), cxFixture('no-match'));
    expect(said(response)).toMatch(/^Sorry, I didn't catch that\./);
    expect(response.targetPage).toBeUndefined();
  });

  it('answers a tag the skill does not know with the fallback', async () => {
    const request = cxFixture('no-match');
    request.fulfillmentInfo = { tag: 'PayParkingFineIntent' };
    const { status, response } = await post(createTestSkill(), request);
    expect(status).toBe(200);
    expect(said(response)).toMatch(/^Sorry, I didn't catch that\./);
  });

  it('apologises with the council phone number when the council server is down', async () => {
    const test = createTestSkill();
    test.addresses.failWith = new NetworkError('addresses', 'http://127.0.0.1:4010/search/places/v1/postcode', new Error('ECONNREFUSED'));
    const first = cxFixture('get-bin-collection');
    const one = await post(test, first);
    const { status, response } = await post(test, continueCx(cxFixture('ask-page-postcode'), { request: first, response: one.response }));
    expect(status).toBe(200);
    expect(said(response)).toContain('0300 123 4567');
    expect(response.targetPage).toBe(`${FLOW}/pages/START_PAGE`);
  });

  it('knows a caller on the phone line again, without keeping their number', async () => {
    const test = createTestSkill();
    const seen: string[] = [];
    test.skill = { ...test.skill, handle: async (turn) => { seen.push(turn.userId); return ask({ parts: [] }, { parts: [] }); } };
    await post(test, cxFixture('telephony-help'));
    const another = cxFixture('telephony-help');
    another.sessionInfo.session = another.sessionInfo.session.replace('telephony-01H9X6Z', 'telephony-01HA2B3');
    await post(test, another);
    expect(seen[0]).toMatch(/^tel:[0-9a-f]{32}$/);
    expect(seen[1]).toBe(seen[0]);
    expect(seen[0]).not.toContain('1632960123');
  });

  it('reads the account token from the header or session parameter the council configured', async () => {
    const test = createTestSkill();
    const tokens: (string | undefined)[] = [];
    test.skill = { ...test.skill, handle: async (turn) => { tokens.push(turn.accessToken); return ask({ parts: [] }, { parts: [] }); } };
    await post(test, cxFixture('welcome'), { 'x-council-token': 'Bearer header-token' });
    const withParameter = cxFixture('welcome');
    withParameter.sessionInfo.parameters = { council_token: 'parameter-token' };
    await post(test, withParameter);
    await post(test, cxFixture('welcome'));
    expect(tokens).toEqual(['header-token', 'parameter-token', undefined]);
  });

  it('renders money and references as Google-valid SSML, and as readable text', async () => {
    const speech: Speech = { parts: [{ type: 'text', text: 'Band D is ' }, money(198012), { type: 'text', text: '. Your reference is ' }, characters('40012'), { type: 'text', text: '.' }] };
    const test = createTestSkill({ handlers: { launch: async () => ask(speech, speech), 'fallback': async () => ask(speech, speech) } });
    const { response } = await post(test, cxFixture('welcome'));
    expect(ssmlOf(response)).toBe('<speak>Band D is <sub alias="one thousand nine hundred and eighty pounds and twelve pence">£1,980.12</sub>. Your reference is <say-as interpret-as="characters">40012</say-as>.</speak>');
    expect(said(response)).toBe('Band D is £1,980.12. Your reference is 4 0 0 1 2.');
  });

  it('shows the council website in chat when the resident must link their account', async () => {
    const test = createTestSkill({ handlers: {
      launch: async () => ({ ...ask({ parts: [{ type: 'text', text: 'To hear your balance, link your council account on our website.' }] }, { parts: [] }), next: { type: 'link-account' } }),
      'fallback': async () => ask({ parts: [] }, { parts: [] }),
    } });
    const { response } = await post(test, cxFixture('welcome'));
    expect(said(response)).toBe('To hear your balance, link your council account on our website. https://www.demo-council.example/');
  });

  describe('refuses what is not a CX webhook request with 400', () => {
    const cases: [string, unknown][] = [
      ['a JSON array', []],
      ['a string', 'hello'],
      ['null', null],
      ['no sessionInfo', { fulfillmentInfo: { tag: 'help' } }],
      ['a numeric session', { sessionInfo: { session: 42 } }],
      ['a tag that is not a string', { sessionInfo: { session: 'projects/p/locations/l/agents/a/sessions/s' }, fulfillmentInfo: { tag: ['help'] } }],
      ['parameters that are not a map', { sessionInfo: { session: 'projects/p/locations/l/agents/a/sessions/s', parameters: 'x' } }],
    ];
    it.each(cases)('%s', async (_name, body) => {
      const { status, response } = await post(createTestSkill(), body);
      expect(status).toBe(400);
      expect(response).toEqual(expect.objectContaining({ error: 'not a Dialogflow CX webhook request' }));
    });
  });

  it('starts afresh when the state parameter has been tampered with', async () => {
    const request: CxWebhookRequest = cxFixture('no-match');
    request.sessionInfo.parameters = { [CX_STATE_PARAMETER]: '{not json' };
    const { status, response } = await post(createTestSkill(), request);
    expect(status).toBe(200);
    expect(said(response)).toMatch(/^Sorry, I didn't catch that\./);
  });
});
