import { toTurn } from '../../../src/channels/alexa/to-turn';
import type { Turn } from '../../../src/core/turn';
import { deviceDeps, loadEnvelope } from './fixtures';

function turnFor(name: string): Turn {
  const turn = toTurn(loadEnvelope(name), deviceDeps());
  if (!turn) throw new Error(`${name} gave no turn`);
  return turn;
}

describe('toTurn: an Alexa request as the skill sees it', () => {
  test('opening the skill is a launch for this resident, in a new session', () => {
    const turn = turnFor('launch');
    expect(turn).toMatchObject({ kind: 'launch', locale: 'en-GB', isNewSession: true, session: {}, slots: {} });
    expect(turn.userId).toMatch(/^amzn1\.ask\.account\./);
    expect(turn.requestId).toMatch(/^amzn1\.echo-api\.request\./);
    expect(turn.intent).toBeUndefined();
  });

  test.each([
    ['get-bin-collection', 'GetBinCollectionIntent'],
    ['set-bin-reminder', 'SetBinReminderIntent'],
    ['check-report-status', 'CheckReportStatusIntent'],
    ['council-tax-charge', 'CouncilTaxChargeIntent'],
    ['council-tax-payment', 'CouncilTaxPaymentIntent'],
    ['amazon-yes', 'yes'],
    ['amazon-no', 'no'],
    ['amazon-help', 'help'],
    ['amazon-stop', 'stop'],
    ['amazon-cancel', 'cancel'],
    ['amazon-fallback', 'fallback'],
    ['amazon-navigate-home', 'home'],
  ])('%s is the core intent %s', (fixture, intent) => {
    expect(turnFor(fixture)).toMatchObject({ kind: 'intent', intent, confirmation: 'NONE', isNewSession: false });
  });

  test('a slot entity resolution matched carries the resolved id and what the resident said', () => {
    expect(turnFor('get-bin-collection-match').slots).toEqual({ binType: { value: 'green bin', id: 'RECYCLING' } });
    expect(turnFor('council-tax-charge').slots).toEqual({ band: { value: 'd', id: 'D' } });
    expect(turnFor('report-issue-match').slots).toEqual({
      issueType: { value: 'hole in the road', id: 'POTHOLE' },
      location: { value: 'mill lane' },
    });
  });

  test('a slot resolution did not match keeps only what was said, so the handler can say it did not understand', () => {
    expect(turnFor('get-bin-collection-no-match').slots).toEqual({ binType: { value: 'purple bin' } });
  });

  test('empty slots are left out', () => {
    expect(turnFor('get-bin-collection').slots).toEqual({});
  });

  test('a spoken postcode arrives as said, for the handler to normalise', () => {
    const turn = turnFor('set-address-postcode');
    expect(turn.slots).toEqual({ postcode: { value: 's w one a one a a' } });
    expect(turn.session.dialog).toEqual({ intent: 'SetAddressIntent', slots: {}, awaitingSlot: 'postcode' });
    expect(turn.session.resume).toEqual({ intent: 'GetBinCollectionIntent', slots: {} });
  });

  test('a slot Alexa echoes from our updatedIntent keeps the id resolved on the earlier turn', () => {
    const turn = turnFor('report-issue-location-answer');
    expect(turn.slots.issueType).toEqual({ value: 'hole in the road', id: 'POTHOLE' });
    expect(turn.slots.location).toEqual({ value: 'outside the school on mill lane' });
  });

  test('an echoed slot whose value changed does not borrow the old id', () => {
    const envelope = loadEnvelope('report-issue-location-answer');
    const attributes = envelope.session?.attributes as { dialog: { slots: Record<string, { value: string; id: string }> } };
    attributes.dialog.slots.issueType = { value: 'graffiti', id: 'GRAFFITI' };
    expect(toTurn(envelope, deviceDeps())?.slots.issueType).toEqual({ value: 'hole in the road' });
  });

  test('the answer to a confirmation is carried', () => {
    expect(turnFor('report-issue-confirmed').confirmation).toBe('CONFIRMED');
    expect(turnFor('report-issue-denied').confirmation).toBe('DENIED');
  });

  test('session attributes from the previous turn become the session state', () => {
    expect(turnFor('yes-to-address').session).toEqual({
      dialog: {
        intent: 'SetAddressIntent',
        slots: { postcode: { value: 'SW1A 1AA' }, houseNumber: { value: '12' } },
        awaitingConfirmation: true,
        data: { uprn: '100023336956' },
      },
    });
  });

  test('a linked council account brings its access token; an unlinked one none', () => {
    expect(turnFor('council-tax-balance-linked').accessToken).toBe('demo-linked-account-token');
    expect(turnFor('council-tax-payment').accessToken).toBeUndefined();
  });

  test.each([
    ['session-ended-user-initiated', 'USER_INITIATED'],
    ['session-ended-exceeded-max-reprompts', 'EXCEEDED_MAX_REPROMPTS'],
    ['session-ended-error', 'ERROR'],
  ])('%s is a session end with reason %s', (fixture, reason) => {
    expect(turnFor(fixture)).toMatchObject({ kind: 'session-end', endReason: reason });
  });

  test('a request with no session (a one-shot from outside a conversation) is a new session with no state', () => {
    const turn = turnFor('get-bin-collection-no-session');
    expect(turn).toMatchObject({ kind: 'intent', intent: 'GetBinCollectionIntent', isNewSession: true, session: {} });
    // The user still comes from context.System.user.
    expect(turn.userId).toMatch(/^amzn1\.ask\.account\./);
  });

  test('a name-free CanFulfill request is answered without knowing who asked', () => {
    const turn = turnFor('can-fulfill-bin-collection');
    expect(turn).toMatchObject({ kind: 'can-fulfil', intent: 'GetBinCollectionIntent', userId: '', session: {} });
    expect(turn.slots).toEqual({ binType: { value: 'recycling', id: 'RECYCLING' } });
  });

  test('a screen is known only on devices that support APL', () => {
    expect(turnFor('launch-echo-show').device.hasScreen).toBe(true);
    expect(turnFor('launch').device.hasScreen).toBe(false);
  });

  test('request types the skill does not answer give no turn', () => {
    expect(toTurn(loadEnvelope('audio-player-playback-started'), deviceDeps())).toBeUndefined();
  });

  test('slots of the wrong shape are skipped, not fatal', () => {
    const envelope = loadEnvelope('get-bin-collection-match');
    const intent = (envelope.request as { intent: { slots: Record<string, unknown> } }).intent;
    intent.slots.junk = 'not a slot';
    intent.slots.alsoJunk = { name: 'alsoJunk', value: 42, resolutions: { resolutionsPerAuthority: 'nope' } };
    expect(toTurn(envelope, deviceDeps())?.slots).toEqual({ binType: { value: 'green bin', id: 'RECYCLING' } });
  });
});
