import { createTurn } from '../../../src/core/turn';
import { NetworkError } from '../../../src/core/errors';
import { YES } from '../../../src/core/intents';
import { OutboxSender } from '../../../src/connectors/outbox-sender';
import { createSeveralCouncils } from '../../support/several-councils';
import { Conversation, heard } from '../../support/test-skill';

const BINS = 'GetBinCollectionIntent';

/** Gives the resident's address by voice after asking for their bin day; the reply to the confirmation. */
async function binDayAt(chat: Conversation, postcode: string, house: string) {
  await chat.say(BINS);
  await chat.say('SetAddressIntent', { postcode: { value: postcode } });
  const confirm = await chat.say('SetAddressIntent', { houseNumber: { value: house } });
  return { confirm, answer: confirm.next?.type === 'confirm-intent' ? await chat.say(YES) : confirm };
}

describe('one service for several councils: whose council answers', () => {
  it('speaks as the service until the address is known, then routes by postcode to the council that owns it', async () => {
    const test = createSeveralCouncils();
    const chat = new Conversation(test.skill);
    expect(heard(await chat.launch())).toContain('Welcome to Council Services.');
    const { answer } = await binDayAt(chat, 'H S 1 1 A A', '5');
    expect(heard(answer)).toMatch(/^Thanks, I've saved 5 Hill Road\. That address is looked after by Hillside District Council, so I'll ask them from now on\. Your next collection is on Thursday 3 December: the brown garden bin/);
    expect((await test.profiles.get('resident-1'))?.address?.councilId).toBe('hillside');
    // Later turns, in a new session, are Hillside's.
    const later = new Conversation(test.skill);
    expect(heard(await later.launch())).toContain('Hillside District Council');
  });

  it('reads a placed resident\'s profile once a turn: the read that chooses the council is the one the handler uses', async () => {
    const test = createSeveralCouncils();
    await binDayAt(new Conversation(test.skill), 'H S 1 1 A A', '5');
    const reads = jest.spyOn(test.profiles, 'get');
    const answer = await new Conversation(test.skill).say(BINS);
    expect(heard(answer)).toContain('Thursday 3 December: the brown garden bin');
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it('on a border postcode, lets the custodian code of the chosen home decide', async () => {
    const test = createSeveralCouncils();
    const one = await binDayAt(new Conversation(test.skill, 'resident-1'), 'B D 1 1 A A', '1');
    expect(heard(one.answer)).toContain('Hillside District Council');
    expect(heard(one.answer)).toContain('Wednesday 2 December: the black bin');
    const two = await binDayAt(new Conversation(test.skill, 'resident-2'), 'B D 1 1 A A', '2');
    expect(heard(two.answer)).toContain('Riverside City Council');
    expect(heard(two.answer)).toContain('Friday 4 December: the blue glass box');
    expect((await test.profiles.get('resident-2'))?.address?.councilId).toBe('riverside');
  });

  it('finds the council by custodian code when no council claims the postcode', async () => {
    const test = createSeveralCouncils();
    const { answer } = await binDayAt(new Conversation(test.skill), 'R V 7 2 Q S', '3');
    expect(heard(answer)).toContain('Riverside City Council');
  });

  it('for an address no council of the service owns, names the councils it covers and GOV.UK, and saves nothing', async () => {
    const test = createSeveralCouncils();
    const chat = new Conversation(test.skill);
    await chat.say(BINS);
    const reply = await chat.say('SetAddressIntent', { postcode: { value: 'T Q 9 9 Z Z' } });
    expect(heard(reply)).toBe(
      "Sorry, this service can't answer for TQ9 9ZZ: it isn't in the area of a council the service works with. "
      + 'It covers Demo Borough Council, Hillside District Council and Riverside City Council. '
      + "To find your own council's services, search GOV.UK for find your local council.",
    );
    expect(reply.endSession).toBe(false);
    expect(reply.session?.dialog).toBeUndefined();
    expect(await test.profiles.get('resident-1')).toBeUndefined();
  });

  it('moves a resident who gives a new address to the council that owns it', async () => {
    const test = createSeveralCouncils();
    const chat = new Conversation(test.skill);
    await binDayAt(chat, 'A B 1 2 C D', '12');
    expect((await test.profiles.get('resident-1'))?.address?.councilId).toBe('demo');
    await chat.say('SetAddressIntent');
    await chat.say('SetAddressIntent', { postcode: { value: 'H S 1 1 A A' } });
    const moved = await chat.say(YES);
    expect(heard(moved)).toBe("Thanks, I've saved 5 Hill Road. That address is looked after by Hillside District Council, so I'll ask them from now on. What would you like to do now? You can ask for your bin day.");
    expect((await test.profiles.get('resident-1'))?.address).toMatchObject({ uprn: '400000000001', councilId: 'hillside' });
    const bins = await chat.say(BINS);
    expect(heard(bins)).toContain('Thursday 3 December: the brown garden bin');
  });

  it('sends a report to the council that owns the resident\'s address, into that council\'s queue', async () => {
    const test = createSeveralCouncils();
    const chat = new Conversation(test.skill);
    await binDayAt(chat, 'B D 1 1 A A', '2');
    await chat.say('ReportIssueIntent', { issueType: { id: 'GRAFFITI', value: 'graffiti' }, location: { value: 'the underpass' }, description: { value: 'paint on the wall' } });
    const sent = await chat.say(YES);
    expect(heard(sent)).toContain('Riverside City Council');
    expect(test.twins.riverside.reporter.received.map((r) => r.location)).toEqual(['the underpass']);
    expect(test.twins.hillside.reporter.received).toEqual([]);
    expect(test.outbox.all().map((e) => e.councilId)).toEqual(['riverside']);
  });

  it('after a move, asks the council that took the last report about it, not the new one', async () => {
    const test = createSeveralCouncils();
    test.twins.riverside.reporter.next.push({ kind: 'accepted', reference: '700123' });
    test.twins.riverside.reporter.statuses['700123'] = { reference: '700123', status: 'open', serviceName: 'Graffiti', statusNotes: 'Cleaners booked' };
    test.twins.hillside.reporter.statuses['700124'] = { reference: '700124', status: 'open', serviceName: 'Pothole', statusNotes: 'Hillside crew booked' };
    const chat = new Conversation(test.skill);
    await binDayAt(chat, 'B D 1 1 A A', '2');
    await chat.say('ReportIssueIntent', { issueType: { id: 'GRAFFITI', value: 'graffiti' }, location: { value: 'the underpass' }, description: { value: 'paint on the wall' } });
    await chat.say(YES);
    // The resident moves to Hillside, whose system has never heard of 700123.
    await chat.say('SetAddressIntent');
    await chat.say('SetAddressIntent', { postcode: { value: 'H S 1 1 A A' } });
    await chat.say(YES);
    expect((await test.profiles.get('resident-1'))?.address?.councilId).toBe('hillside');

    const lastAndByNumber: Record<string, { value: string }>[] = [{}, { reference: { value: '700123' } }];
    for (const slots of lastAndByNumber) {
      const status = heard(await new Conversation(test.skill).say('CheckReportStatusIntent', slots));
      expect(status).toBe('Report 7 0 0 1 2 3, Graffiti, is still open. The latest note says: Cleaners booked. Is there anything else I can help with?');
    }
    // A number that is not the last report is the resident's council's business now.
    const other = heard(await new Conversation(test.skill).say('CheckReportStatusIntent', { reference: { value: '700124' } }));
    expect(other).toContain('Hillside crew booked');
  });

  it('keeps one council\'s outage its own: another council\'s resident is answered and its waiting reports delivered', async () => {
    const test = createSeveralCouncils();
    const outage = new NetworkError('reports', 'https://hillside.example/open311', new Error('ECONNREFUSED'));
    test.twins.hillside.bins.failWith = outage;
    test.twins.hillside.reporter.next.push({ kind: 'fail', error: outage }, { kind: 'fail', error: outage });
    test.twins.riverside.reporter.next.push({ kind: 'fail', error: new NetworkError('reports', 'https://riverside.example/open311', new Error('reset')) });

    // Both residents report while their council's system fails: both reports wait.
    for (const [user, house] of [['hill', '1'], ['river', '2']] as const) {
      const chat = new Conversation(test.skill, user);
      await binDayAt(chat, 'B D 1 1 A A', house);
      await chat.say('ReportIssueIntent', { issueType: { id: 'GRAFFITI', value: 'graffiti' }, location: { value: `${user} street` }, description: { value: 'paint' } });
      await chat.say(YES);
    }
    // Hillside is still down; Riverside's resident is answered.
    const hillside = new Conversation(test.skill, 'hill');
    expect(heard(await hillside.say(BINS))).toContain('https://www.hillside.example/');
    const riverside = new Conversation(test.skill, 'river');
    expect(heard(await riverside.say(BINS))).toContain('Friday 4 December');

    // Each council's sender takes its own queue: Riverside's report goes, Hillside's waits.
    const later = () => new Date('2026-11-27T11:00:00Z');
    for (const id of ['hillside', 'riverside'] as const) {
      const council = test.councils.find(id);
      await new OutboxSender({ outbox: council!.outbox!, reporter: test.twins[id].reporter, clock: { now: later } }).runOnce();
    }
    expect(test.twins.riverside.reporter.received.map((r) => r.location)).toEqual(['river street']);
    expect(test.twins.hillside.reporter.received).toEqual([]);
    const states = Object.fromEntries(test.outbox.all().map((e) => [e.councilId, e.state]));
    expect(states).toEqual({ hillside: 'pending', riverside: 'sent' });
  });
});

describe('account linking in a deployment of several councils', () => {
  it('answers the balance for a council that accepts the service\'s sign-in, and points the others to their website', async () => {
    const test = createSeveralCouncils({ signIn: ['hillside'] });
    const hill = new Conversation(test.skill, 'hill');
    await binDayAt(hill, 'H S 1 1 A A', '5');
    expect(heard(await hill.say('CouncilTaxBalanceIntent', {}, { accessToken: 'token-1' }))).toContain('£123.45');
    const river = new Conversation(test.skill, 'river');
    await binDayAt(river, 'B D 1 1 A A', '2');
    const reply = await river.say('CouncilTaxBalanceIntent', {}, { accessToken: 'token-1' });
    expect(heard(reply)).toContain("I can't check council tax balances for Riverside City Council by voice");
    expect(heard(reply)).toContain('https://www.riverside.example/');
    expect(reply.next).toBeUndefined();
    expect(test.twins.riverside.councilTax.tokensSeen).toEqual([]);
  });

  it('asks for the address first when a resident with no council asks for their balance, then answers', async () => {
    const test = createSeveralCouncils({ signIn: ['hillside'] });
    const chat = new Conversation(test.skill);
    const first = await chat.say('CouncilTaxBalanceIntent', {}, { accessToken: 'token-1' });
    expect(heard(first)).toBe("To tell you that, I need your address first. What's your postcode?");
    await chat.say('SetAddressIntent', { postcode: { value: 'H S 1 1 A A' } }, { accessToken: 'token-1' });
    const answer = await chat.say(YES, {}, { accessToken: 'token-1' });
    expect(heard(answer)).toContain('£123.45');
  });
});

describe('name-free requests (CanFulfill) in a deployment of several councils', () => {
  const canFulfil = (intent: string, userId: string) => createTurn({ kind: 'can-fulfil', intent, userId, slots: { issueType: { value: 'pothole', id: 'POTHOLE' } } });

  it('before the resident\'s council is known: YES when every council takes it, MAYBE when some do; then their own council\'s answer', async () => {
    const test = createSeveralCouncils();
    expect((await test.skill.handle(canFulfil('ReportIssueIntent', 'stranger'))).canFulfil?.canFulfill).toBe('YES');
    // Riverside takes no reports by voice.
    (test.councils.find('riverside')!.council as { reports?: unknown }).reports = undefined;
    expect((await test.skill.handle(canFulfil('ReportIssueIntent', 'stranger'))).canFulfil?.canFulfill).toBe('MAYBE');
    await binDayAt(new Conversation(test.skill, 'hill'), 'H S 1 1 A A', '5');
    expect((await test.skill.handle(canFulfil('ReportIssueIntent', 'hill'))).canFulfil?.canFulfill).toBe('YES');
    await binDayAt(new Conversation(test.skill, 'river'), 'B D 1 1 A A', '2');
    expect((await test.skill.handle(canFulfil('ReportIssueIntent', 'river'))).canFulfil?.canFulfill).toBe('NO');
  });
});
