/**
 * One table of conversations, each written once and driven through the Alexa, Dialogflow CX and
 * Dialogflow ES adapters as real-shape JSON. What a resident notices (the words spoken, whether
 * the conversation ends, what they are asked next) must be identical on every platform.
 */
import nock from 'nock';
import { NetworkError } from '../../src/core/errors';
import { createReportsTestSkill } from '../support/reports-test-skill';
import type { TestSkill } from '../support/test-skill';
import { createAlexaDriver } from './alexa-driver';
import { createCxDriver } from './cx-driver';
import { createEsDriver } from './es-driver';
import type { NeutralReply, PlatformDriver, Step } from './neutral';

interface Conversation {
  name: string;
  /** The resident chose their home on an earlier visit. */
  savedAddress?: boolean;
  /** Sets the council's back ends up for the conversation (a failing server, say). */
  arrange?: (test: TestSkill) => void;
  steps: Step[];
  /** What the resident must notice, checked on the first platform; the others must match it. */
  expectations: (replies: NeutralReply[]) => void;
}

const HOME = { uprn: '100000000002', label: '12 High Street', postcode: 'AB1 2CD' };
const launch: Step = { launch: true };
const say = (intent: string, slots: Record<string, { value: string; id?: string }> = {}): Step => ({ intent, slots });
const text = (reply: NeutralReply | undefined) => reply?.text ?? '';

const conversations: Conversation[] = [
  {
    name: 'bin day with a saved address',
    savedAddress: true,
    steps: [launch, say('GetBinCollectionIntent'), say('stop')],
    expectations: ([welcome, answer, bye]) => {
      expect(text(welcome)).toMatch(/^Welcome back/);
      expect(text(answer)).toMatch(/^Your next collection is .*Tuesday.*: the green recycling bin and the food caddy\./);
      expect(answer?.endSession).toBe(false);
      expect(bye?.endSession).toBe(true);
    },
  },
  {
    name: 'bin day with the address dialog, asked by voice',
    steps: [
      say('GetBinCollectionIntent', { binType: { value: 'green bin', id: 'RECYCLING' } }),
      say('SetAddressIntent', { postcode: { value: 'a b one two c d' } }),
      say('SetAddressIntent', { houseNumber: { value: '12' } }),
      say('yes'),
    ],
    expectations: ([postcode, house, confirm, answer]) => {
      expect(postcode).toMatchObject({ asks: 'slot:SetAddressIntent.postcode', endSession: false });
      expect(text(postcode)).toBe("To tell you that, I need your address first. What's your postcode?");
      expect(house).toMatchObject({ asks: 'slot:SetAddressIntent.houseNumber' });
      expect(confirm).toMatchObject({ asks: 'confirm:SetAddressIntent', speech: '<speak>Is that 12 High Street?</speak>' });
      expect(text(answer)).toMatch(/^Thanks, I've saved 12 High Street\. Your green recycling bin is next collected .*Tuesday/);
      expect(answer?.asks).toBeUndefined();
    },
  },
  {
    name: 'report a problem, up to confirmation and sending',
    steps: [
      say('ReportIssueIntent', { issueType: { value: 'pothole', id: 'POTHOLE' }, location: { value: 'mill lane' } }),
      say('ReportIssueIntent', { description: { value: 'a deep hole by the bus stop' } }),
      say('ReportIssueIntent', { description: { value: 'deeper than a tennis ball' } }),
      say('yes'),
    ],
    expectations: ([what, depth, readBack, sent]) => {
      expect(what).toMatchObject({ asks: 'slot:ReportIssueIntent.description', endSession: false });
      expect(text(depth)).toMatch(/^How deep is the pothole\?/);
      expect(readBack?.asks).toBe('confirm:ReportIssueIntent');
      expect(text(readBack)).toBe("Here's your report: a pothole. Where: mill lane. What you said: a deep hole by the bus stop. Shall I send it to Demo Borough Council?");
      expect(sent?.speech).toContain('<say-as interpret-as="characters">400121</say-as>');
      expect(sent).toMatchObject({ endSession: false });
      expect(sent?.asks).toBeUndefined();
    },
  },
  {
    name: 'council tax band charge',
    steps: [say('CouncilTaxChargeIntent', { band: { value: 'd', id: 'D' } })],
    expectations: ([charge]) => {
      expect(charge?.speech).toContain('£1,980.12</sub>');
      expect(charge?.endSession).toBe(false);
    },
  },
  {
    name: 'help',
    steps: [launch, say('help')],
    expectations: ([, help]) => {
      expect(text(help)).toMatch(/^You can ask: when is my bin day\?.*What would you like to do\?$/);
      expect(help?.endSession).toBe(false);
    },
  },
  {
    name: 'stop',
    steps: [launch, say('stop')],
    expectations: ([, bye]) => {
      expect(text(bye)).toMatch(/Goodbye\.|Bye for now\./);
      expect(bye).toMatchObject({ endSession: true });
      expect(bye?.asks).toBeUndefined();
    },
  },
  {
    name: 'fallback',
    steps: [launch, say('fallback')],
    expectations: ([, fallback]) => {
      expect(text(fallback)).toMatch(/^Sorry, I didn't catch that\./);
      expect(fallback?.endSession).toBe(false);
    },
  },
  {
    name: 'an intent the skill does not know',
    steps: [say('PayParkingFineIntent', { reference: { value: 'p c n one two three' } })],
    expectations: ([reply]) => {
      expect(text(reply)).toMatch(/^Sorry, I didn't catch that\./);
      expect(reply?.endSession).toBe(false);
    },
  },
  {
    name: 'a council server that is down',
    savedAddress: true,
    arrange: (test) => { test.bins.failWith = new NetworkError('bins', 'http://127.0.0.1:4010/waste/100000000002/calendar.ics', new Error('ECONNREFUSED')); },
    steps: [say('GetBinCollectionIntent')],
    expectations: ([apology]) => {
      expect(text(apology)).toContain('0300 123 4567');
      expect(text(apology)).not.toMatch(/error|exception|ECONNREFUSED/i);
      expect(apology?.endSession).toBe(false);
    },
  },
];

const platforms: [string, (test: TestSkill) => PlatformDriver][] = [
  ['Alexa', (test) => createAlexaDriver(test.skill)],
  ['Dialogflow CX', (test) => createCxDriver(test.skill)],
  ['Dialogflow ES', (test) => createEsDriver(test.skill)],
];

async function run(conversation: Conversation, makeDriver: (test: TestSkill) => PlatformDriver): Promise<NeutralReply[]> {
  const test = createReportsTestSkill();
  const driver = makeDriver(test);
  if (conversation.savedAddress) await test.profiles.put({ userId: driver.userId, address: HOME });
  conversation.arrange?.(test);
  const replies: NeutralReply[] = [];
  for (const step of conversation.steps) replies.push(await driver.send(step));
  return replies;
}

describe('the same conversation on every platform', () => {
  beforeAll(() => {
    nock.disableNetConnect();
    // The Echo has no postcode set, so Alexa too asks by voice, as Google always does.
    nock('https://api.eu.amazonalexa.com')
      .get(/\/v1\/devices\/[^/]+\/settings\/address\/countryAndPostalCode$/)
      .reply(200, { countryCode: 'GB', postalCode: null })
      .persist();
  });
  afterAll(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it.each(conversations.map((c) => [c.name, c] as const))('%s', async (_name, conversation) => {
    const [first, ...others] = platforms;
    if (!first) throw new Error('no platforms');
    const expected = await run(conversation, first[1]);
    conversation.expectations(expected);
    for (const [name, makeDriver] of others) {
      expect({ platform: name, replies: await run(conversation, makeDriver) }).toEqual({ platform: name, replies: expected });
    }
  });
});
