import { NetworkError } from '../../../src/core/errors';
import { ReportRejectedError } from '../../../src/core/reports/errors';
import { toSsml } from '../../../src/core/speech';
import { createTurn } from '../../../src/core/turn';
import { InMemoryReporter } from '../../support/in-memory-reporter';
import { createReportsTestSkill, STREET_LIGHT_ON } from '../../support/reports-test-skill';
import { Conversation, heard } from '../../support/test-skill';

const POTHOLE = { id: 'POTHOLE', value: 'pothole' };

/** Walks a pothole report on Mill Lane up to the read-back. */
async function potholeUpToReadBack(chat: Conversation) {
  await chat.say('ReportIssueIntent', { issueType: POTHOLE, location: { value: 'mill lane' } });
  await chat.say('ReportIssueIntent', { description: { value: 'a deep hole by the bus stop' } });
  return chat.say('ReportIssueIntent', { description: { value: 'deeper than a tennis ball' } });
}

describe('reporting a problem, one question at a time', () => {
  it('skips what the resident already said, asks the council\'s question, reads back and sends only on yes', async () => {
    const test = createReportsTestSkill();
    const chat = new Conversation(test.skill);

    const description = await chat.say('ReportIssueIntent', { issueType: POTHOLE, location: { value: 'mill lane' } });
    expect(heard(description)).toBe("In a sentence, what's the problem? For example: a deep hole by the bus stop.");
    expect(description.next).toMatchObject({ type: 'elicit-slot', intent: 'ReportIssueIntent', slot: 'description' });
    expect(description.reprompt).toBeDefined();

    const depth = await chat.say('ReportIssueIntent', { description: { value: 'a deep hole by the bus stop' } });
    expect(heard(depth)).toBe('How deep is the pothole? You can say shallower than a tennis ball or deeper than a tennis ball.');

    const readBack = await chat.say('ReportIssueIntent', { description: { value: 'deeper than a tennis ball' } });
    expect(heard(readBack)).toBe("Here's your report: a pothole. Where: mill lane. What you said: a deep hole by the bus stop. Shall I send it to Demo Borough Council?");
    expect(readBack.next).toMatchObject({ type: 'confirm-intent', intent: 'ReportIssueIntent' });
    expect(test.reporter.attempts).toBe(0);
    expect(test.outbox.all()).toHaveLength(0);

    const sent = await chat.say('yes');
    expect(test.reporter.received).toEqual([{
      issueType: 'POTHOLE', location: 'mill lane', description: 'a deep hole by the bus stop', attributes: { depth: 'deep' }, uprn: undefined,
    }]);
    expect(heard(sent)).toBe("Done. I've sent your report to Demo Borough Council. Your reference number is 4 0 0 1 2 1. Again, that's 4 0 0 1 2 1. Is there anything else I can help with?");
    expect(toSsml(sent.speech)).toContain('<say-as interpret-as="characters">400121</say-as>');
    expect(sent.session?.dialog).toBeUndefined();
    expect(sent.endSession).toBe(false);
    expect((await test.profiles.get('resident-1'))?.lastReport).toMatchObject({ reference: '400121' });
    expect(test.outbox.all()).toMatchObject([{ state: 'sent', attempts: 1, userId: 'resident-1' }]);
  });

  it('asks for the kind of problem first when the resident only says "report a problem"', async () => {
    const chat = new Conversation(createReportsTestSkill().skill);
    const reply = await chat.say('ReportIssueIntent');
    expect(heard(reply)).toMatch(/What kind of problem is it\?/);
    expect(reply.next).toMatchObject({ type: 'elicit-slot', slot: 'issueType' });
    const where = await chat.say('ReportIssueIntent', { issueType: { id: 'GRAFFITI', value: 'graffiti' } });
    expect(heard(where)).toBe('Where is it? Tell me the street and something nearby, or say: outside my house.');
  });

  it('never sends on a no: it offers to change a part, then reads the changed report back', async () => {
    const test = createReportsTestSkill();
    const chat = new Conversation(test.skill);
    await potholeUpToReadBack(chat);

    const change = await chat.say('no');
    expect(heard(change)).toMatch(/^OK, I haven't sent it\. What would you like to change/);
    expect(test.reporter.attempts).toBe(0);
    expect(test.outbox.all()).toHaveLength(0);

    const where = await chat.say('ReportIssueIntent', { description: { value: 'the place' } });
    expect(where.next).toMatchObject({ type: 'elicit-slot', slot: 'location' });
    const readBack = await chat.say('ReportIssueIntent', { location: { value: 'station road' } });
    expect(heard(readBack)).toContain('Where: station road. What you said: a deep hole by the bus stop.');

    await chat.say('ReportIssueIntent', {}, { confirmation: 'CONFIRMED' });
    expect(test.reporter.received.map((r) => r.location)).toEqual(['station road']);
  });

  it('takes a new place said straight after the no, without a menu', async () => {
    const test = createReportsTestSkill();
    const chat = new Conversation(test.skill);
    await potholeUpToReadBack(chat);
    await chat.say('ReportIssueIntent', {}, { confirmation: 'DENIED' });
    const readBack = await chat.say('ReportIssueIntent', { location: { value: 'church road near the school' } });
    expect(heard(readBack)).toContain('Where: church road near the school.');
    expect(test.reporter.attempts).toBe(0);
  });

  it('cancels when the resident says so after the no, and sends nothing', async () => {
    const test = createReportsTestSkill();
    const chat = new Conversation(test.skill);
    await potholeUpToReadBack(chat);
    await chat.say('no');
    const cancelled = await chat.say('ReportIssueIntent', { description: { value: 'forget it' } });
    expect(heard(cancelled)).toBe("OK, I've cancelled that report. Nothing was sent. Is there anything else I can help with?");
    expect(cancelled.session?.dialog).toBeUndefined();
    expect(test.reporter.attempts).toBe(0);
    expect(test.outbox.all()).toHaveLength(0);
  });

  it('does not mistake slots the platform sends back for new answers', async () => {
    const test = createReportsTestSkill();
    const chat = new Conversation(test.skill);
    await chat.say('ReportIssueIntent', { issueType: POTHOLE, location: { value: 'mill lane' } });
    // Alexa returns the whole intent: the earlier slots come back alongside the new one.
    const depth = await chat.say('ReportIssueIntent', { issueType: POTHOLE, location: { value: 'mill lane' }, description: { value: 'cracked kerb' } });
    expect(heard(depth)).toMatch(/^How deep is the pothole\?/);
    const again = await chat.say('ReportIssueIntent', { issueType: POTHOLE, location: { value: 'mill lane' }, description: { value: 'about a foot wide' } });
    expect(heard(again)).toMatch(/^Sorry, I need one of the answers the council lists\. How deep/);
  });

  it('answers a yes-or-no question of the council\'s with a plain yes', async () => {
    const test = createReportsTestSkill();
    const chat = new Conversation(test.skill);
    await chat.say('ReportIssueIntent', { issueType: { id: 'STREET_LIGHT', value: 'street light' }, location: { value: 'outside number 4 mill lane' } });
    const question = await chat.say('ReportIssueIntent', { description: { value: 'flickering all night' } });
    expect(heard(question)).toMatch(/^Is the light on during the day\?/);
    const readBack = await chat.say('yes');
    expect(heard(readBack)).toMatch(/^Here's your report: a street light that isn't working\./);
    await chat.say('yes');
    expect(test.reporter.received[0]?.attributes).toEqual({ [STREET_LIGHT_ON.code]: 'yes' });
  });

  it('uses the saved address for "outside my house"', async () => {
    const test = createReportsTestSkill();
    await test.profiles.put({ userId: 'resident-1', address: { uprn: '100000000002', label: '12 High Street', postcode: 'AB1 2CD' } });
    const chat = new Conversation(test.skill);
    await chat.say('ReportIssueIntent', { issueType: { id: 'MISSED_BIN', value: 'missed bin' }, location: { value: 'outside my house' }, description: { value: 'the green bin was not emptied' } });
    await chat.say('yes');
    expect(test.reporter.received[0]).toMatchObject({ location: '12 High Street', uprn: '100000000002' });
  });

  it('finds the address first when "outside my house" has no saved address, then carries on with the report', async () => {
    const test = createReportsTestSkill();
    const chat = new Conversation(test.skill);
    const postcode = await chat.say('ReportIssueIntent', { issueType: { id: 'GRAFFITI', value: 'graffiti' }, location: { value: 'outside my house' } });
    expect(postcode.next).toMatchObject({ type: 'elicit-slot', intent: 'SetAddressIntent', slot: 'postcode' });
    await chat.say('SetAddressIntent', { postcode: { value: 'AB1 3EF' } });
    const resumed = await chat.say('yes');
    expect(heard(resumed)).toMatch(/I've saved 4 Mill Lane.*what's the problem\?/);
    await chat.say('ReportIssueIntent', { description: { value: 'tags on the garden wall' } });
    await chat.say('yes');
    expect(test.reporter.received[0]).toMatchObject({ issueType: 'GRAFFITI', location: '4 Mill Lane', uprn: '200000000001' });
  });

  it('says plainly when it cannot take a kind of problem, and asks again', async () => {
    const chat = new Conversation(createReportsTestSkill().skill);
    const reply = await chat.say('ReportIssueIntent', { issueType: { value: 'noisy neighbours' } });
    expect(heard(reply)).toBe("Sorry, I can't report noisy neighbours by voice yet. I can report things like potholes, street lights, fly-tipping and missed bins. For anything else, visit https://www.demo-council.example/, or call 0300 123 4567. What kind of problem is it?");
    expect(reply.next).toMatchObject({ slot: 'issueType' });
  });

  it('points to the website when the council has no service for that kind of problem', async () => {
    const reporter = new InMemoryReporter({}, {}, {}, ['DOG_FOULING']);
    const chat = new Conversation(createReportsTestSkill({ reporter }).skill);
    const reply = await chat.say('ReportIssueIntent', { issueType: { id: 'DOG_FOULING', value: 'dog mess' } });
    expect(heard(reply)).toMatch(/^Sorry, Demo Borough Council doesn't take reports of dog fouling this way\. You can report it at https/);
    expect(reply.session?.dialog).toBeUndefined();
  });

  it('stops asking after three answers it cannot use, and offers the website and phone', async () => {
    const chat = new Conversation(createReportsTestSkill().skill);
    await chat.say('ReportIssueIntent', { issueType: POTHOLE });
    await chat.say('ReportIssueIntent');
    await chat.say('ReportIssueIntent');
    const reply = await chat.say('ReportIssueIntent');
    expect(heard(reply)).toMatch(/^Sorry, I'm having trouble with this report\. You can report it at .* or call 0300 123 4567\./);
  });

  it('says reports are not taken by voice when the council has not configured them', async () => {
    const test = createReportsTestSkill({ council: { reports: undefined } });
    const reply = await new Conversation(test.skill).say('ReportIssueIntent', { issueType: POTHOLE });
    expect(heard(reply)).toMatch(/^Sorry, Demo Borough Council doesn't take reports by voice yet\./);
  });
});

describe('sending a confirmed report', () => {
  async function confirmGraffiti(test: ReturnType<typeof createReportsTestSkill>) {
    const chat = new Conversation(test.skill);
    await chat.say('ReportIssueIntent', { issueType: { id: 'GRAFFITI', value: 'graffiti' }, location: { value: 'the underpass' }, description: { value: 'spray paint on the wall' } });
    return { chat, reply: await chat.say('yes') };
  }

  it('saves the report and says so when the council\'s system is down', async () => {
    const test = createReportsTestSkill();
    test.reporter.next.push({ kind: 'fail', error: new NetworkError('reports', 'http://council/requests.json', new Error('ECONNREFUSED')) });
    const { reply } = await confirmGraffiti(test);
    expect(heard(reply)).toMatch(/^I've saved your report and will send it as soon as the council's system is back\./);
    const [entry] = test.outbox.all();
    expect(entry).toMatchObject({ state: 'pending', attempts: 1, report: { issueType: 'GRAFFITI', location: 'the underpass' } });
    expect(entry?.nextAttemptAt.getTime()).toBeGreaterThan(test.services.clock.now().getTime());
    expect((await test.profiles.get('resident-1'))?.lastReport).toEqual({ outboxId: entry?.id });
  });

  it('saves the report and says so when the council does not answer in time', async () => {
    const test = createReportsTestSkill({ submitBudgetMs: 50 });
    test.reporter.next.push({ kind: 'hang' });
    const { reply } = await confirmGraffiti(test);
    expect(heard(reply)).toMatch(/^I've saved your report/);
    expect(test.outbox.all()).toMatchObject([{ state: 'pending' }]);
  });

  it('says the report is received when the council answers with a token, and keeps the token', async () => {
    const test = createReportsTestSkill();
    test.reporter.next.push({ kind: 'queued', token: 'tok-77' });
    const { reply } = await confirmGraffiti(test);
    expect(heard(reply)).toMatch(/^Thanks, Demo Borough Council has received your report\. It'll get a reference number soon/);
    expect((await test.profiles.get('resident-1'))?.lastReport).toMatchObject({ token: 'tok-77' });
  });

  it('passes on the council\'s reason when it refuses the report, and keeps it marked as refused', async () => {
    const test = createReportsTestSkill();
    test.reporter.next.push({ kind: 'fail', error: new ReportRejectedError(400, 'http://council/requests.json', '400', 'The location is outside our area.') });
    const { reply } = await confirmGraffiti(test);
    expect(heard(reply)).toBe("Sorry, the council's system couldn't accept this report. It said: The location is outside our area. You can report it at https://www.demo-council.example/, or call 0300 123 4567. Is there anything else I can help with?");
    expect(test.outbox.all()).toMatchObject([{ state: 'rejected' }]);
    expect((await test.profiles.get('resident-1'))?.lastReport).toBeUndefined();
  });

  it('files one report when the platform sends the same yes twice', async () => {
    const test = createReportsTestSkill();
    const chat = new Conversation(test.skill);
    await potholeUpToReadBack(chat);
    const yes = createTurn({ kind: 'intent', intent: 'yes', userId: 'resident-1', requestId: 'amzn1.echo-api.request.retry-me', session: chat.session });
    const first = await test.skill.handle(yes);
    const retry = await test.skill.handle(yes);
    expect(test.reporter.received).toHaveLength(1);
    expect(test.outbox.all()).toHaveLength(1);
    expect(heard(retry)).toBe(heard(first));
  });

  it('files one report when the retry arrives while the first is still being sent, and both hear its number', async () => {
    const test = createReportsTestSkill({ submitBudgetMs: 2000 });
    test.reporter.delayMs = 150;
    const chat = new Conversation(test.skill);
    await potholeUpToReadBack(chat);
    const yes = createTurn({ kind: 'intent', intent: 'yes', userId: 'resident-1', requestId: 'amzn1.echo-api.request.slow', session: chat.session });
    const [first, retry] = await Promise.all([test.skill.handle(yes), test.skill.handle(yes)]);
    expect(test.reporter.attempts).toBe(1);
    expect(heard(first)).toMatch(/Your reference number is 4 0 0 1 2 1\./);
    expect(heard(retry)).toBe(heard(first));
  });

  it('files two reports when the same resident confirms two reports', async () => {
    const test = createReportsTestSkill();
    const chat = new Conversation(test.skill);
    await potholeUpToReadBack(chat);
    await chat.say('yes');
    await potholeUpToReadBack(chat);
    await chat.say('yes');
    expect(test.reporter.received).toHaveLength(2);
  });

  it('carries on without the council\'s questions when it cannot read them, and still saves the report', async () => {
    const test = createReportsTestSkill();
    test.reporter.questionsFail = new NetworkError('reports', 'http://council/services.json', new Error('down'));
    test.reporter.next.push({ kind: 'fail', error: new NetworkError('reports', 'http://council/requests.json', new Error('down')) });
    const chat = new Conversation(test.skill);
    const readBack = await chat.say('ReportIssueIntent', { issueType: POTHOLE, location: { value: 'mill lane' }, description: { value: 'deep hole' } });
    expect(readBack.next?.type).toBe('confirm-intent');
    const reply = await chat.say('yes');
    expect(heard(reply)).toMatch(/^I've saved your report/);
    expect(test.outbox.all()).toHaveLength(1);
  });
});
