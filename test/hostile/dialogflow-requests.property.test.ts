/**
 * Hostile Dialogflow requests: the real-shape CX and ES fixtures, broken thousands of ways, thrown
 * at the webhook handlers directly and at POST /dialogflow/cx and /dialogflow/es. A webhook
 * answers 200 with a response its platform accepts, or 400 with a JSON error; never a 500 and
 * never a thrown error.
 */
import fc from 'fast-check';
import request from 'supertest';
import { createCxHandler } from '../../src/channels/dialogflow-cx/cx-handler';
import { createEsHandler } from '../../src/channels/dialogflow-es/es-handler';
import type { WebhookHandler } from '../../src/channels/dialogflow-common/webhook';
import { ALEXA_MODEL, createHostileApp, loadFixtures, userIdsIn, type Fixture, type HostileApp } from '../support/hostile-app';
import {
  applyMutations, deeplyNested, hostileValue, hugeString, mutation, nastyString, PROTOTYPE_KEYS, stringifyDeep, withOwnProtoKey, withValueAt,
} from '../support/hostile-json';
import { cxResponseProblems, errorBodyProblems, esResponseProblems } from '../support/platform-responses';

const cxFixtures = loadFixtures('dialogflow-cx');
const esFixtures = loadFixtures('dialogflow-es');
const MAX_BODY = 256 * 1024;

/** Our intents as the Google agents name them, the agents' own names, and names no agent has. */
const GOOGLE_INTENTS = Object.keys(ALEXA_MODEL).map((name) => name.replace(/^AMAZON\./, ''));
const SLOT_NAMES = [...new Set(Object.values(ALEXA_MODEL).flat())];
const intentName = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...GOOGLE_INTENTS, 'Welcome', 'Default Welcome Intent', 'Default Fallback Intent', 'input.welcome', 'input.unknown') },
  { weight: 2, arbitrary: fc.constantFrom(...PROTOTYPE_KEYS, 'help', 'SetAddressIntent - postcode', 'NoSuchIntent') },
  { weight: 1, arbitrary: nastyString },
);

const spoken = fc.oneof(
  fc.constantFrom('a b one two c d', 'AB1 2CD', '12', 'RECYCLING', 'POTHOLE', 'D', 'band d', 'mill lane', '400121', '2026-12-01T12:00:00+00:00'),
  nastyString,
  hugeString(20_000),
);

/** A parameter value as CX or ES might send it: text, numbers, dates as objects, lists, or junk. */
const parameterValue = fc.oneof(
  spoken,
  fc.double(),
  fc.record({ year: fc.oneof(fc.integer(), hostileValue), month: fc.oneof(fc.integer(), hostileValue), day: fc.oneof(fc.integer(), hostileValue) }, { requiredKeys: [] }),
  fc.array(spoken, { maxLength: 3 }),
  hostileValue,
);

/** Session state as a client might send it back: ours, broken, or not ours at all. */
const stateValue = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom('', '{}', '{"dialog":', 'null', '[]', '"text"', '{"dialog":{"intent":"toString","awaitingSlot":"postcode"}}'),
  fc.record({
    dialog: fc.record({
      intent: fc.oneof(fc.constantFrom(...Object.keys(ALEXA_MODEL), ...PROTOTYPE_KEYS), hostileValue),
      slots: fc.oneof(fc.dictionary(fc.constantFrom(...SLOT_NAMES), fc.record({ value: spoken, id: fc.string() }, { requiredKeys: [] })), hostileValue),
      awaitingSlot: fc.oneof(fc.constantFrom(...SLOT_NAMES), hostileValue),
      awaitingConfirmation: fc.oneof(fc.boolean(), hostileValue),
      data: hostileValue,
    }, { requiredKeys: [] }),
    resume: hostileValue,
  }, { requiredKeys: [] }).chain((state) => fc.constantFrom<unknown>(state, stringifyDeep(state))),
  fc.constant(20_000).map((depth) => ({ deep: deeplyNested(depth) })),
  fc.constant(`{"deep":${'['.repeat(20_000)}${']'.repeat(20_000)}}`),
  hostileValue,
);

const session = fc.oneof(
  fc.constant('projects/demo-council-voice/locations/europe-west2/agents/4c2b8a1e-7d5f-4a0b-9e61-2f3c8d7a9b10/sessions/s-1'),
  fc.constant('projects/demo-council-voice/agent/sessions/ABwppHGmZ3v8c4sQn1T'),
  nastyString,
  hugeString(20_000),
);

const parameters = fc.dictionary(fc.oneof(fc.constantFrom(...SLOT_NAMES), fc.constantFrom(...PROTOTYPE_KEYS), fc.string({ maxLength: 8 })), parameterValue, { maxKeys: 4 })
  .map((entries) => JSON.parse(stringifyDeep(entries)) as Record<string, unknown>);

/** A CX WebhookRequest built from a fixture with its parts chosen by fast-check. */
const cxRequest = fc.record({
  base: fc.constantFrom(...cxFixtures),
  tag: fc.oneof(fc.constant(undefined), intentName),
  displayName: fc.oneof(fc.constant(undefined), intentName),
  intentParameters: fc.dictionary(fc.constantFrom(...SLOT_NAMES, '__proto__'), fc.record({ originalValue: fc.oneof({ weight: 4, arbitrary: spoken }, { weight: 1, arbitrary: hostileValue }), resolvedValue: parameterValue }, { requiredKeys: [] }), { maxKeys: 3 }),
  form: fc.array(fc.record({ displayName: fc.oneof(fc.constantFrom(...SLOT_NAMES), nastyString), state: fc.constantFrom('FILLED', 'EMPTY', 'INVALID'), value: parameterValue }, { requiredKeys: ['displayName'] }), { maxLength: 3 }),
  currentPage: fc.oneof(fc.constant(undefined), fc.constantFrom(
    'projects/p/locations/l/agents/a/flows/00000000-0000-0000-0000-000000000000/pages/START_PAGE',
    'projects/p/locations/l/agents/a/flows/f/pages/p',
    'projects/p/locations/l/agents/a/flows/f/pages/',
    '/flows/x/pages/y',
  ), nastyString, hugeString(30_000)),
  session,
  sessionParameters: parameters,
  state: stateValue,
  languageCode: fc.oneof(fc.constantFrom('en-gb', 'en', 'cy', 'EN_us'), nastyString),
  payload: fc.oneof(fc.constant(undefined), fc.record({ userId: fc.oneof(spoken, hostileValue), telephony: fc.oneof(fc.record({ caller_id: fc.oneof(spoken, hostileValue) }), hostileValue) }, { requiredKeys: [] })),
}).map((r) => {
  let body: unknown = withValueAt(r.base.body, ['fulfillmentInfo', 'tag'], r.tag);
  body = withValueAt(body, ['intentInfo', 'displayName'], r.displayName);
  body = withValueAt(body, ['intentInfo', 'parameters'], JSON.parse(stringifyDeep(r.intentParameters)));
  body = withValueAt(body, ['pageInfo', 'formInfo', 'parameterInfo'], r.form);
  body = withValueAt(body, ['pageInfo', 'currentPage'], r.currentPage);
  body = withValueAt(body, ['sessionInfo'], { session: r.session, parameters: { ...r.sessionParameters, council_voice_state: r.state } });
  body = withValueAt(body, ['languageCode'], r.languageCode);
  return withValueAt(body, ['payload'], r.payload);
});

/** An ES WebhookRequest built from a fixture with its parts chosen by fast-check. */
const esRequest = fc.record({
  base: fc.constantFrom(...esFixtures),
  action: fc.oneof(fc.constant(undefined), intentName),
  displayName: fc.oneof(fc.constant(undefined), intentName),
  isFallback: fc.oneof(fc.constant(undefined), fc.boolean()),
  parameters,
  originals: parameters,
  stateContext: fc.record({ lifespanCount: fc.oneof(fc.integer({ min: -2, max: 50 }), fc.double()), state: stateValue }),
  otherContexts: fc.array(fc.record({ name: fc.oneof(nastyString, fc.constant('await_setaddressintent_postcode')), lifespanCount: fc.integer({ min: 0, max: 5 }), parameters: fc.oneof(parameters, fc.constant(undefined)) }), { maxLength: 3 }),
  session,
  languageCode: fc.oneof(fc.constantFrom('en-gb', 'en', 'cy'), nastyString),
  user: fc.oneof(fc.constant(undefined), fc.record({ userId: fc.oneof(spoken, hostileValue), accessToken: fc.oneof(spoken, hostileValue) }, { requiredKeys: [] }), hostileValue),
}).map((r) => {
  const context = (id: string) => `${r.session}/contexts/${id}`;
  const contexts = [
    { name: context('council_voice_state'), lifespanCount: r.stateContext.lifespanCount, parameters: { state: r.stateContext.state } },
    { name: context('__system_counters__'), parameters: Object.fromEntries(Object.entries(r.originals).map(([k, v]) => [`${k}.original`, v])) },
    ...r.otherContexts.map((c) => ({ ...c, name: context(c.name) })),
  ];
  let body: unknown = withValueAt(r.base.body, ['session'], r.session);
  body = withValueAt(body, ['queryResult', 'action'], r.action);
  body = withValueAt(body, ['queryResult', 'intent', 'displayName'], r.displayName);
  body = withValueAt(body, ['queryResult', 'intent', 'isFallback'], r.isFallback);
  body = withValueAt(body, ['queryResult', 'parameters'], r.parameters);
  body = withValueAt(body, ['queryResult', 'outputContexts'], contexts);
  body = withValueAt(body, ['queryResult', 'languageCode'], r.languageCode);
  return withValueAt(body, ['originalDetectIntentRequest', 'payload', 'user'], r.user);
});

const mutatedFixture = (fixtures: Fixture[]) => fc.tuple(fc.constantFrom(...fixtures), fc.array(mutation, { minLength: 1, maxLength: 4 }))
  .map(([fixture, mutations]) => applyMutations(fixture.body, mutations));

// ---- checks --------------------------------------------------------------------------------

type Platform = 'cx' | 'es';

function sessionOf(body: unknown): string | undefined {
  const value = (body as { session?: unknown } | null)?.session;
  return typeof value === 'string' ? value : undefined;
}

function answerProblems(platform: Platform, body: unknown, answer: unknown): string[] {
  return platform === 'cx' ? cxResponseProblems(answer) : esResponseProblems(answer, sessionOf(body));
}

/** The webhook's answer to `body`: 200 and valid for the platform, or 400 with a JSON error. */
async function answerDirectly(platform: Platform, webhook: WebhookHandler, body: unknown): Promise<number> {
  const result = await webhook(body, {});
  expect([200, 400]).toContain(result.status);
  expect(() => JSON.stringify(result.body)).not.toThrow();
  if (result.status === 200) expect(answerProblems(platform, body, result.body)).toEqual([]);
  else expect(errorBodyProblems(result.body)).toEqual([]);
  return result.status;
}

async function answerOverHttp(url: string, platform: Platform, body: unknown): Promise<number> {
  const text = stringifyDeep(body);
  const res = await request(url).post(`/dialogflow/${platform}`).timeout(10_000).set('content-type', 'application/json').send(text);
  expect(res.status).toBe(Buffer.byteLength(text) > MAX_BODY ? 413 : res.status === 200 ? 200 : 400);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  if (res.status === 200) expect(answerProblems(platform, body, res.body)).toEqual([]);
  else expect(errorBodyProblems(res.body)).toEqual([]);
  return res.status;
}

function count(statuses: Map<number, number>, status: number): void {
  statuses.set(status, (statuses.get(status) ?? 0) + 1);
}

// ---- the properties ---------------------------------------------------------------------

describe('hostile Dialogflow requests', () => {
  let hostile: HostileApp;
  let cx: WebhookHandler;
  let es: WebhookHandler;

  beforeAll(async () => {
    hostile = await createHostileApp(userIdsIn([...cxFixtures, ...esFixtures]));
    const options = { councilWebsite: hostile.composition.config.council.website };
    cx = createCxHandler(hostile.test.skill, options);
    es = createEsHandler(hostile.test.skill, options);
  });
  afterAll(() => hostile.close());

  test('every fixture answers as it is (the starting points are valid)', async () => {
    for (const fixture of cxFixtures) await expect(answerDirectly('cx', cx, structuredClone(fixture.body))).resolves.toBe(200);
    for (const fixture of esFixtures) await expect(answerDirectly('es', es, structuredClone(fixture.body))).resolves.toBe(200);
  });

  test.each([
    ['cx', () => cx, cxFixtures],
    ['es', () => es, esFixtures],
  ] as const)('%s: mutated fixtures get 200 and a valid response, or 400', async (platform, webhook, fixtures) => {
    const statuses = new Map<number, number>();
    await fc.assert(fc.asyncProperty(mutatedFixture(fixtures), async (body) => {
      count(statuses, await answerDirectly(platform, webhook(), body));
    }), { numRuns: 500 });
    expect(statuses.get(200)).toBeGreaterThan(60);
    expect(statuses.get(400)).toBeGreaterThan(20);
  }, 60_000);

  test('cx: tags, intents, parameters, Ask-page forms, pages, sessions and state of every kind', async () => {
    const statuses = new Map<number, number>();
    await fc.assert(fc.asyncProperty(cxRequest, async (body) => {
      count(statuses, await answerDirectly('cx', cx, body));
    }), { numRuns: 700 });
    // Most are answered; the rest break the schema (a session that is empty, a heard value that is not text).
    expect(statuses.get(200)).toBeGreaterThan(300);
  }, 60_000);

  test('es: actions, intents, parameters, contexts, sessions and state of every kind', async () => {
    const statuses = new Map<number, number>();
    await fc.assert(fc.asyncProperty(esRequest, async (body) => {
      count(statuses, await answerDirectly('es', es, body));
    }), { numRuns: 700 });
    expect(statuses.get(200)).toBeGreaterThan(350);
  }, 60_000);

  test.each([
    ['cx', () => cxFixtures, ['fulfillmentInfo', 'tag']],
    ['es', () => esFixtures, ['queryResult', 'action']],
  ] as const)('%s: an intent named like an Object.prototype member is answered as an unknown intent', async (platform, fixtures, path) => {
    const webhook = platform === 'cx' ? cx : es;
    const base = fixtures().find((f) => f.name === 'get-bin-collection')!;
    const said = async (name: string) => (await webhook(withValueAt(base.body, [...path], name), {})).body as Record<string, unknown>;
    const unknown = await said('NoSuchIntent');
    for (const name of PROTOTYPE_KEYS) {
      const answer = await said(name);
      expect(answerProblems(platform, base.body, answer)).toEqual([]);
      expect(platform === 'cx' ? answer.fulfillmentResponse : answer.fulfillmentText).toEqual(platform === 'cx' ? unknown.fulfillmentResponse : unknown.fulfillmentText);
    }
  });

  test('state nested thousands deep, as an object or a string, is treated as no state', async () => {
    const deepText = `{"dialog":{"intent":"ReportIssueIntent","slots":{}},"deep":${'['.repeat(50_000)}${']'.repeat(50_000)}}`;
    for (const state of [deepText, JSON.parse(deepText) as unknown]) {
      const cxBody = withValueAt(cxFixtures.find((f) => f.name === 'get-bin-collection')!.body, ['sessionInfo', 'parameters'], { council_voice_state: state });
      await expect(answerDirectly('cx', cx, cxBody)).resolves.toBe(200);
      const esBase = esFixtures.find((f) => f.name === 'get-bin-collection')!.body;
      const esBody = withValueAt(esBase, ['queryResult', 'outputContexts'], [{ name: `${String(esBase.session)}/contexts/council_voice_state`, lifespanCount: 5, parameters: { state } }]);
      await expect(answerDirectly('es', es, esBody)).resolves.toBe(200);
    }
  });

  test('a date parameter whose parts are not numbers is read as no date, whatever they hold', async () => {
    const base = cxFixtures.find((f) => f.name === 'get-bin-collection')!.body;
    for (const part of [deeplyNested(50_000), { toString: null }, withOwnProtoKey(1), 'x'.repeat(100_000), null]) {
      const date = { year: part, month: part, day: part };
      const body = withValueAt(base, ['intentInfo', 'parameters'], { date: { originalValue: 'tuesday', resolvedValue: date } });
      await expect(answerDirectly('cx', cx, body)).resolves.toBe(200);
      const es = esFixtures.find((f) => f.name === 'get-bin-collection')!.body;
      await expect(answerDirectly('es', createEsHandler(hostile.test.skill), withValueAt(es, ['queryResult', 'parameters', 'date'], date))).resolves.toBe(200);
    }
  });

  test.each(['cx', 'es'] as const)('over HTTP, %s: 200 with a valid response, 400 or 413 with a JSON error, never a 500', async (platform) => {
    const statuses = new Map<number, number>();
    const arbitrary = platform === 'cx' ? fc.oneof(cxRequest, mutatedFixture(cxFixtures)) : fc.oneof(esRequest, mutatedFixture(esFixtures));
    await fc.assert(fc.asyncProperty(arbitrary, async (body) => {
      count(statuses, await answerOverHttp(hostile.url, platform, body));
    }), { numRuns: 150 });
    expect(statuses.get(200)).toBeGreaterThan(40);
    // And the server still answers the plain request.
    const fixture = (platform === 'cx' ? cxFixtures : esFixtures).find((f) => f.name === 'welcome')!;
    await expect(answerOverHttp(hostile.url, platform, fixture.body)).resolves.toBe(200);
  }, 60_000);

  test.each(['cx', 'es'] as const)('over HTTP, %s: any JSON at all gets 200 or 400, never a 500', async (platform) => {
    await fc.assert(fc.asyncProperty(fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.jsonValue({ maxDepth: 2 }).map(withOwnProtoKey)), async (body) => {
      await answerOverHttp(hostile.url, platform, body);
    }), { numRuns: 100 });
  }, 60_000);
});
