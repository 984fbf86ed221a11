import { createEsHandler } from '../../../src/channels/dialogflow-es/es-handler';
import type { EsWebhookResponse } from '../../../src/channels/dialogflow-es/es-types';
import { decodeState, ES_STATE_LIFESPAN } from '../../../src/channels/dialogflow-common/session-state';
import { ask } from '../../../src/core/replies';
import type { Turn } from '../../../src/core/turn';
import { createTestSkill, type TestSkill } from '../../support/test-skill';
import { continueEs, esFixture } from '../dialogflow-common/google-fixtures';

const SESSION = 'projects/demo-council-voice/agent/sessions/ABwppHGmZ3v8c4sQn1T';
const GOOGLE_USER = 'ABwppHFq3b2JbV1Y7sZtOqXn';
const HOME = { uprn: '100000000002', label: '12 High Street', postcode: 'AB1 2CD' };

async function post(test: TestSkill, request: unknown) {
  const result = await createEsHandler(test.skill)(request);
  return { status: result.status, response: result.body as EsWebhookResponse };
}

function contextsOf(response: EsWebhookResponse): Record<string, number> {
  return Object.fromEntries(response.outputContexts.map((c) => [c.name.slice(c.name.lastIndexOf('/') + 1), c.lifespanCount]));
}

/** A skill that records the turns it is given and answers with nothing much. */
function recordingSkill(): { test: TestSkill; turns: Turn[] } {
  const test = createTestSkill();
  const turns: Turn[] = [];
  test.skill = { ...test.skill, handle: async (turn) => { turns.push(turn); return ask({ parts: [] }, { parts: [] }); } };
  return { test, turns };
}

describe('Dialogflow ES webhook', () => {
  it('welcomes the resident in text and in the Assistant payload, and keeps listening', async () => {
    const { status, response } = await post(createTestSkill(), esFixture('welcome'));
    expect(status).toBe(200);
    expect(response.fulfillmentText).toMatch(/^Welcome to Demo Borough Council\..*What would you like to do\?$/);
    expect(response.fulfillmentMessages).toEqual([{ text: { text: [response.fulfillmentText] } }]);
    const simple = response.payload.google.richResponse.items[0]?.simpleResponse;
    expect(simple?.textToSpeech).toMatch(/^<speak>Welcome to Demo Borough Council\./);
    expect(response.payload.google.expectUserResponse).toBe(true);
    expect(contextsOf(response)).toEqual({ council_voice_state: ES_STATE_LIFESPAN });
  });

  it('answers bin day for the Google user with a saved address', async () => {
    const test = createTestSkill();
    await test.profiles.put({ userId: GOOGLE_USER, address: HOME });
    const { response } = await post(test, esFixture('get-bin-collection-recycling'));
    expect(response.fulfillmentText).toMatch(/^Your green recycling bin is next collected .*Tuesday.*\?$/);
  });

  it('reads the resolved id from the parameters and what was said from the contexts', async () => {
    const { test, turns } = recordingSkill();
    await post(test, esFixture('get-bin-collection-recycling'));
    expect(turns[0]).toMatchObject({ kind: 'intent', intent: 'GetBinCollectionIntent', slots: { binType: { value: 'green bin', id: 'RECYCLING' } }, userId: GOOGLE_USER, locale: 'en-GB', isNewSession: false });
    // An empty parameter ("") is a slot the resident did not fill.
    expect(turns[0]?.slots.date).toBeUndefined();
  });

  it('asks for the postcode by voice with an await context, then for the house', async () => {
    const test = createTestSkill();
    const first = esFixture('get-bin-collection');
    const one = await post(test, first);
    expect(one.response.fulfillmentText).toBe("To tell you that, I need your address first. What's your postcode?");
    expect(contextsOf(one.response)).toEqual({ council_voice_state: ES_STATE_LIFESPAN, await_setaddressintent_postcode: 1 });

    const two = await post(test, continueEs(esFixture('ask-postcode'), { request: first, response: one.response }));
    expect(two.response.fulfillmentText).toBe("Thanks. What's your house number or name?");
    expect(contextsOf(two.response)).toEqual({ council_voice_state: ES_STATE_LIFESPAN, await_setaddressintent_housenumber: 1 });
  });

  it('ends the conversation on stop and deletes the state context', async () => {
    const { response } = await post(createTestSkill(), esFixture('stop'));
    expect(response.fulfillmentText).toMatch(/Goodbye\.|Bye for now\./);
    expect(response.payload.google.expectUserResponse).toBe(false);
    expect(response.outputContexts).toEqual([{ name: `${SESSION}/contexts/council_voice_state`, lifespanCount: 0 }]);
  });

  it('answers the default fallback from a text integration, for that conversation only', async () => {
    const { test, turns } = recordingSkill();
    await post(test, esFixture('fallback-messenger'));
    expect(turns[0]).toMatchObject({ intent: 'fallback', userId: 'dfMessenger-7732401', locale: 'en-GB', isNewSession: true });
    const { response } = await post(createTestSkill(), esFixture('fallback-messenger'));
    expect(response.fulfillmentText).toMatch(/^Sorry, I didn't catch that\./);
  });

  it('passes the linked account token on', async () => {
    const { test, turns } = recordingSkill();
    await post(test, esFixture('help-linked'));
    await post(test, esFixture('stop'));
    expect(turns.map((t) => t.accessToken)).toEqual(['ya29.council-demo-token', undefined]);
  });

  it('maps the welcome event and Google built-in names to our intents', async () => {
    const { test, turns } = recordingSkill();
    await post(test, esFixture('welcome'));
    await post(test, esFixture('help-linked'));
    expect(turns.map((t) => t.kind === 'launch' ? 'launch' : t.intent)).toEqual(['launch', 'help']);
  });

  it('starts afresh when the state context has been tampered with', async () => {
    const request = esFixture('help-linked');
    request.queryResult.outputContexts = [{ name: `${SESSION}/contexts/council_voice_state`, lifespanCount: 2, parameters: { state: '["not", "state"]' } }];
    const { status, response } = await post(createTestSkill(), request);
    expect(status).toBe(200);
    expect(decodeState(response.outputContexts[0]?.parameters?.state)).toEqual({});
  });

  describe('refuses what is not an ES fulfillment request with 400', () => {
    const cases: [string, unknown][] = [
      ['an array', [{ session: 's' }]],
      ['no queryResult', { session: 'projects/p/agent/sessions/s' }],
      ['no session', { queryResult: { action: 'help' } }],
      ['contexts that are not a list', { session: 'projects/p/agent/sessions/s', queryResult: { outputContexts: { name: 'x' } } }],
      ['a context without a name', { session: 'projects/p/agent/sessions/s', queryResult: { outputContexts: [{ lifespanCount: 2 }] } }],
    ];
    it.each(cases)('%s', async (_name, body) => {
      const { status, response } = await post(createTestSkill(), body);
      expect(status).toBe(400);
      expect(response).toEqual(expect.objectContaining({ error: 'not a Dialogflow ES webhook request' }));
    });
  });
});
