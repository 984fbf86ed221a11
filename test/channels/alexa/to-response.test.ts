import type { ResponseEnvelope, dialog } from 'ask-sdk-model';
import { toResponseEnvelope } from '../../../src/channels/alexa/to-response';
import type { Reply } from '../../../src/core/reply';
import { characters, money, text } from '../../../src/core/speech';
import { createTurn, type Turn } from '../../../src/core/turn';

const intentTurn = createTurn({ kind: 'intent', intent: 'GetBinCollectionIntent' });
const question = (more: Partial<Reply> = {}): Reply => ({
  speech: text('Your next collection is on Tuesday 1 December. Anything else?'),
  reprompt: text('Anything else?'),
  endSession: false,
  ...more,
});

function render(reply: Reply, turn: Turn = intentTurn, intentSlots?: Record<string, string[]>): ResponseEnvelope {
  // Through JSON, as Alexa receives it.
  return JSON.parse(JSON.stringify(toResponseEnvelope(reply, turn, { intentSlots }))) as ResponseEnvelope;
}

describe('toResponseEnvelope: what Alexa is told to say and do', () => {
  test('a question is spoken as SSML, with a reprompt, and keeps the session open', () => {
    const out = render(question());
    expect(out.version).toBe('1.0');
    expect(out.response.outputSpeech).toEqual({ type: 'SSML', ssml: '<speak>Your next collection is on Tuesday 1 December. Anything else?</speak>' });
    expect(out.response.reprompt?.outputSpeech).toEqual({ type: 'SSML', ssml: '<speak>Anything else?</speak>' });
    expect(out.response.shouldEndSession).toBe(false);
  });

  test('a goodbye ends the session and carries no reprompt', () => {
    const out = render({ speech: text('Goodbye.'), reprompt: text('Anything else?'), endSession: true });
    expect(out.response.shouldEndSession).toBe(true);
    expect(out.response.reprompt).toBeUndefined();
  });

  test('money and reference numbers are marked up for speech, and text is escaped', () => {
    const out = render(question({ speech: { parts: [{ type: 'text', text: 'Band D is ' }, money(198012), { type: 'text', text: ' & your reference is ' }, characters('1234')] } }));
    expect(out.response.outputSpeech).toEqual({
      type: 'SSML',
      ssml: '<speak>Band D is <sub alias="one thousand nine hundred and eighty pounds and twelve pence">£1,980.12</sub> &amp; your reference is <say-as interpret-as="characters">1234</say-as></speak>',
    });
  });

  test('a card is a Simple card with plain text', () => {
    const out = render(question({ card: { title: 'Bin day', text: 'Tuesday 1 December: green recycling bin, food caddy' } }));
    expect(out.response.card).toEqual({ type: 'Simple', title: 'Bin day', content: 'Tuesday 1 December: green recycling bin, food caddy' });
  });

  test('the session state the skill keeps goes to sessionAttributes', () => {
    const session = { dialog: { intent: 'SetAddressIntent', slots: { postcode: { value: 'AB1 2CD' } }, awaitingSlot: 'houseNumber' } };
    expect(render(question({ session })).sessionAttributes).toEqual(session);
    expect(render(question()).sessionAttributes).toEqual({});
  });

  test('asking for a slot is Dialog.ElicitSlot with the intent and its slots so far', () => {
    const out = render(question({
      speech: text("Thanks. What's your house number or name?"),
      next: { type: 'elicit-slot', intent: 'SetAddressIntent', slot: 'houseNumber', slots: { postcode: { value: 'AB1 2CD' } } },
    }), intentTurn, { SetAddressIntent: ['postcode', 'houseNumber'] });
    const directive = out.response.directives?.[0] as dialog.ElicitSlotDirective;
    expect(out.response.directives).toHaveLength(1);
    expect(directive).toEqual({
      type: 'Dialog.ElicitSlot',
      slotToElicit: 'houseNumber',
      updatedIntent: {
        name: 'SetAddressIntent',
        confirmationStatus: 'NONE',
        slots: {
          postcode: { name: 'postcode', value: 'AB1 2CD', confirmationStatus: 'NONE' },
          houseNumber: { name: 'houseNumber', confirmationStatus: 'NONE' },
        },
      },
    });
    expect(out.response.outputSpeech?.type).toBe('SSML');
    expect(out.response.shouldEndSession).toBe(false);
  });

  test('a slot known only by its id is sent as the id, so Alexa carries something', () => {
    const out = render(question({ next: { type: 'elicit-slot', intent: 'ReportIssueIntent', slot: 'location', slots: { issueType: { id: 'POTHOLE' } } } }));
    const directive = out.response.directives?.[0] as dialog.ElicitSlotDirective;
    expect(directive.updatedIntent?.slots?.issueType?.value).toBe('POTHOLE');
  });

  test('a dialog directive always has speech: the reprompt stands in when the speech is empty', () => {
    const out = render({ speech: { parts: [] }, reprompt: text('What is your postcode?'), endSession: false, next: { type: 'elicit-slot', intent: 'SetAddressIntent', slot: 'postcode', slots: {} } });
    expect(out.response.outputSpeech).toEqual({ type: 'SSML', ssml: '<speak>What is your postcode?</speak>' });
  });

  test('a dialog directive keeps the session open even if the reply said to end it', () => {
    const out = render({ speech: text('Is that 12 High Street?'), endSession: true, next: { type: 'confirm-intent', intent: 'SetAddressIntent', slots: {} } });
    expect(out.response.shouldEndSession).toBe(false);
  });

  test('confirming is Dialog.ConfirmIntent with the slots to confirm', () => {
    const out = render(question({
      speech: text('Is that 12 High Street?'),
      next: { type: 'confirm-intent', intent: 'SetAddressIntent', slots: { postcode: { value: 'AB1 2CD' }, houseNumber: { value: '12' } } },
    }));
    expect(out.response.directives).toEqual([{
      type: 'Dialog.ConfirmIntent',
      updatedIntent: {
        name: 'SetAddressIntent',
        confirmationStatus: 'NONE',
        slots: {
          postcode: { name: 'postcode', value: 'AB1 2CD', confirmationStatus: 'NONE' },
          houseNumber: { name: 'houseNumber', value: '12', confirmationStatus: 'NONE' },
        },
      },
    }]);
  });

  test.each([
    ['address', 'read::alexa:device:all:address:country_and_postal_code'],
    ['reminders', 'alexa::alerts:reminders:skill:readwrite'],
  ] as const)('asking for the %s permission sends a consent card for %s', (permission, scope) => {
    const out = render({ speech: text("I've sent a card to your Alexa app."), endSession: true, next: { type: 'ask-permission', permission } });
    expect(out.response.card).toEqual({ type: 'AskForPermissionsConsent', permissions: [scope] });
    expect(out.response.shouldEndSession).toBe(true);
  });

  test('a consent card can go with a question that asks for the slot by voice', () => {
    const out = render(question({
      permissionCard: 'address',
      next: { type: 'elicit-slot', intent: 'SetAddressIntent', slot: 'postcode', slots: {} },
      card: { title: 'ignored', text: 'one card per response' },
    }));
    expect(out.response.card).toEqual({ type: 'AskForPermissionsConsent', permissions: ['read::alexa:device:all:address:country_and_postal_code'] });
    expect(out.response.directives?.[0]?.type).toBe('Dialog.ElicitSlot');
  });

  test('asking to link an account sends a LinkAccount card', () => {
    const out = render({ speech: text('Please link your council account in the Alexa app.'), endSession: true, next: { type: 'link-account' } });
    expect(out.response.card).toEqual({ type: 'LinkAccount' });
  });

  test('a silent reply is an empty response', () => {
    expect(render({ speech: { parts: [] }, endSession: true, silent: true }).response).toEqual({});
  });

  test('after a session has ended, nothing is said whatever the reply', () => {
    const out = render(question(), createTurn({ kind: 'session-end', endReason: 'USER_INITIATED' }));
    expect(out.response).toEqual({});
    expect(out.sessionAttributes).toBeUndefined();
  });

  test('a CanFulfill answer carries only canFulfillIntent; slot MAYBE becomes NO on Alexa', () => {
    const out = render({
      speech: { parts: [] },
      endSession: true,
      canFulfil: { canFulfill: 'YES', slots: { binType: { canUnderstand: 'YES', canFulfill: 'MAYBE' } } },
    }, createTurn({ kind: 'can-fulfil', intent: 'GetBinCollectionIntent' }));
    expect(out.response).toEqual({ canFulfillIntent: { canFulfill: 'YES', slots: { binType: { canUnderstand: 'YES', canFulfill: 'NO' } } } });
    expect(out.sessionAttributes).toBeUndefined();
  });

  test('a CanFulfill request the skill gave no answer for is a NO', () => {
    const out = render(question(), createTurn({ kind: 'can-fulfil', intent: 'GetBinCollectionIntent' }));
    expect(out.response).toEqual({ canFulfillIntent: { canFulfill: 'NO' } });
  });
});
