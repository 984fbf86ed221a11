import nock from 'nock';
import { createAlexaHandler } from '../../../src/channels/alexa/alexa-handler';
import type { HttpCall } from '../../../src/connectors/http';
import type { ProfileStore, ResidentProfile } from '../../../src/core/profile';
import { allHandlers } from '../../../src/core/handlers';
import { createSkill } from '../../../src/core/skill';
import { createTestSkill } from '../../support/test-skill';
import { loadEnvelope } from './fixtures';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

/** A profile store that records every use, to prove a name-free request makes none. */
class WatchedProfiles implements ProfileStore {
  readonly uses: string[] = [];
  async get(userId: string): Promise<ResidentProfile | undefined> { this.uses.push(`get ${userId}`); return undefined; }
  async put(profile: ResidentProfile): Promise<void> { this.uses.push(`put ${profile.userId}`); }
  async delete(userId: string): Promise<void> { this.uses.push(`delete ${userId}`); }
}

/** The real handlers, a watched profile store, a slow bin calendar, and a record of every HTTP call. */
function setUp() {
  const test = createTestSkill();
  test.bins.delayMs = 300;
  const profiles = new WatchedProfiles();
  const calls: HttpCall[] = [];
  // Progress is due at once, so a name-free request that started one would be caught.
  const skill = createSkill(allHandlers, { ...test.services, profiles }, { progressAfterMs: 0 });
  return { alexa: createAlexaHandler(skill, { onCall: (call) => calls.push(call) }), profiles, calls };
}

describe('name-free requests (CanFulfillIntentRequest)', () => {
  test('a request with no session and no user id gets only canFulfillIntent, judged per slot', async () => {
    const envelope = loadEnvelope('can-fulfill-name-free');
    expect(envelope.session).toBeUndefined();
    expect(envelope.context.System.user).toBeUndefined();

    const { alexa } = setUp();
    const out = await alexa(envelope);
    expect(out.response).toEqual({
      canFulfillIntent: {
        canFulfill: 'YES',
        slots: {
          binType: { canUnderstand: 'YES', canFulfill: 'YES' },
          date: { canUnderstand: 'YES', canFulfill: 'YES' },
        },
      },
    });
    expect(out.sessionAttributes).toBeUndefined();
  });

  test('a slot value the skill cannot resolve is a NO, so Alexa offers the request elsewhere', async () => {
    const envelope = loadEnvelope('can-fulfill-name-free');
    const slots = (envelope.request as { intent: { slots: Record<string, unknown> } }).intent.slots;
    slots.binType = { name: 'binType', value: 'skip hire', resolutions: { resolutionsPerAuthority: [{ authority: 'amzn1.er-authority.echo-sdk.x.BIN_TYPE', status: { code: 'ER_SUCCESS_NO_MATCH' } }] } };
    const out = await setUp().alexa(envelope);
    expect(out.response.canFulfillIntent?.canFulfill).toBe('NO');
    expect(out.response.canFulfillIntent?.slots?.binType).toEqual({ canUnderstand: 'NO', canFulfill: 'NO' });
  });

  test('an intent that is not ours is a NO', async () => {
    const envelope = loadEnvelope('can-fulfill-name-free');
    (envelope.request as { intent: { name: string; slots?: unknown } }).intent = { name: 'PlayRelaxingSoundsIntent' };
    const out = await setUp().alexa(envelope);
    expect(out.response).toEqual({ canFulfillIntent: { canFulfill: 'NO' } });
  });

  test.each(['can-fulfill-name-free', 'can-fulfill-bin-collection'])('%s changes nothing: no HTTP call, no profile read or write, no holding line', async (fixture) => {
    const { alexa, profiles, calls } = setUp();
    // Were the skill to reach Alexa's APIs (device address, reminders, progressive response), these would see it.
    const amazon = nock('https://api.eu.amazonalexa.com').post(/.*/).reply(204).get(/.*/).reply(200, {});
    const out = await alexa(loadEnvelope(fixture));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(out.response.canFulfillIntent).toBeDefined();
    expect(out.response.outputSpeech).toBeUndefined();
    expect(out.response.directives).toBeUndefined();
    expect(out.response.card).toBeUndefined();
    expect(calls).toEqual([]);
    expect(profiles.uses).toEqual([]);
    expect(amazon.pendingMocks()).toHaveLength(2);
  });
});
