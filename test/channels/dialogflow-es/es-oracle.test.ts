/**
 * Our ES codec against `actions-on-google`'s `dialogflow()` app, the reference implementation of
 * the format, on the same requests: it must read the same intent, parameters, account token and
 * state, and its answer must carry the same speech, contexts and end-of-conversation signal as
 * actions-on-google's serialisation of the same reply. (The library stays out of the request
 * path; see src/channels/dialogflow-es/es-handler.ts.)
 */
import { dialogflow, SimpleResponse } from 'actions-on-google';
import { awaitedSlot } from '../../../src/channels/dialogflow-common/awaited-slot';
import { askContextFor } from '../../../src/channels/dialogflow-es/ask-contexts';
import { esWebhookRequestSchema, type EsWebhookRequest, type EsWebhookResponse } from '../../../src/channels/dialogflow-es/es-types';
import { toEsResponse } from '../../../src/channels/dialogflow-es/to-response';
import { toTurn } from '../../../src/channels/dialogflow-es/to-turn';
import { renderSpeech } from '../../../src/channels/dialogflow-common/render-speech';
import { decodeState, encodeState, ES_STATE_CONTEXT, ES_STATE_LIFESPAN } from '../../../src/channels/dialogflow-common/session-state';
import { readModelFacts } from '../../../src/channels/dialogflow-common/webhook';
import { FALLBACK } from '../../../src/core/intents';
import type { Reply } from '../../../src/core/reply';
import type { Turn } from '../../../src/core/turn';
import { createTestSkill } from '../../support/test-skill';
import { continueEs, esFixture } from '../dialogflow-common/google-fixtures';

const facts = readModelFacts();

interface OracleReading {
  intent: string;
  action: string;
  parameters: Record<string, unknown>;
  token?: string;
  userId?: unknown;
  state: unknown;
}

/** Runs `request` through actions-on-google, answering with `reply` through its own API. */
async function runOracle(request: EsWebhookRequest, reply: Reply): Promise<{ reading: OracleReading; body: Record<string, unknown> }> {
  const app = dialogflow();
  let reading: OracleReading | undefined;
  app.fallback((conv) => {
    reading = {
      intent: conv.intent,
      action: conv.action,
      parameters: conv.parameters as Record<string, unknown>,
      token: conv.user.access.token,
      userId: conv.user.raw.userId,
      state: conv.contexts.get(ES_STATE_CONTEXT)?.parameters.state,
    };
    const { ssml, text } = renderSpeech(reply.speech);
    const words = new SimpleResponse({ speech: ssml, text });
    if (reply.endSession) {
      conv.contexts.set(ES_STATE_CONTEXT, 0);
      conv.close(words);
      return;
    }
    conv.contexts.set(ES_STATE_CONTEXT, ES_STATE_LIFESPAN, { state: encodeState(reply.session) });
    const asked = awaitedSlot(reply, facts.slots);
    if (asked) conv.contexts.set(askContextFor(asked.intent, asked.slot).context, 1);
    conv.ask(words);
  });
  const result = await app.handler(request as never, {});
  if (!reading) throw new Error('actions-on-google did not call the handler');
  return { reading, body: JSON.parse(JSON.stringify(result.body)) as Record<string, unknown> };
}

function expectSameReading(turn: Turn, reading: OracleReading): void {
  expect(turn.accessToken).toBe(reading.token);
  expect(turn.session).toEqual(decodeState(reading.state));
  if (typeof reading.userId === 'string') expect(turn.userId).toBe(reading.userId);
  if (turn.kind === 'intent' && turn.intent !== FALLBACK) {
    expect(turn.intent).toBe(reading.action || reading.intent);
  }
  for (const [name, slot] of Object.entries(turn.slots)) expect(reading.parameters[name]).toBe(slot.id ?? slot.value);
}

function expectSameAnswer(ours: EsWebhookResponse, oracle: Record<string, unknown>): void {
  const theirs = oracle as { payload: EsWebhookResponse['payload']; outputContexts?: unknown[]; fulfillmentText?: string };
  expect(ours.payload).toEqual(theirs.payload);
  expect(ours.outputContexts).toEqual(theirs.outputContexts ?? []);
  // actions-on-google writes fulfillmentText only for the Dialogflow console; when it does, it is our text.
  if (theirs.fulfillmentText !== undefined) expect(ours.fulfillmentText).toBe(theirs.fulfillmentText);
}

async function compare(request: EsWebhookRequest, handle: (turn: Turn) => Promise<Reply>): Promise<EsWebhookResponse> {
  const parsed = esWebhookRequestSchema.parse(request);
  const turn = toTurn(parsed, { slots: facts.slots });
  const reply = await handle(turn);
  const ours = toEsResponse(reply, parsed, { slots: facts.slots });
  const oracle = await runOracle(request, reply);
  expectSameReading(turn, oracle.reading);
  expectSameAnswer(ours, oracle.body);
  return ours;
}

describe('ES codec against actions-on-google', () => {
  it.each(['welcome', 'get-bin-collection-recycling', 'get-bin-collection', 'fallback-messenger', 'stop', 'help-linked', 'ask-postcode'])(
    'reads and answers %s.json the same way',
    async (name) => {
      const { skill, profiles } = createTestSkill();
      await profiles.put({ userId: 'ABwppHFq3b2JbV1Y7sZtOqXn', address: { uprn: '100000000002', label: '12 High Street', postcode: 'AB1 2CD' } });
      await compare(esFixture(name), (turn) => skill.handle(turn));
    },
  );

  it('carries a whole address dialog the same way, turn by turn', async () => {
    const { skill } = createTestSkill();
    const handle = (turn: Turn) => skill.handle(turn);
    let request = esFixture('get-bin-collection');
    let response = await compare(request, handle);
    for (const name of ['ask-postcode', 'stop']) {
      request = continueEs(esFixture(name), { request, response });
      response = await compare(request, handle);
    }
    expect(response.payload.google.expectUserResponse).toBe(false);
  });
});
