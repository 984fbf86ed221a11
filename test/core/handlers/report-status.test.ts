import type { ReportStatus } from '../../../src/core/council';
import { toSsml } from '../../../src/core/speech';
import { InMemoryReporter } from '../../support/in-memory-reporter';
import { createReportsTestSkill } from '../../support/reports-test-skill';
import { Conversation, heard } from '../../support/test-skill';

const OPEN_POTHOLE: ReportStatus = {
  reference: '400123',
  status: 'open',
  serviceName: 'Pothole',
  statusNotes: 'Inspected: a repair crew is booked',
  expectedDate: '2026-12-04',
};
const CLOSED_LIGHT: ReportStatus = { reference: '400100', status: 'closed', serviceName: 'Street light not working', statusNotes: 'New lamp fitted.' };

function skillWith(statuses: Record<string, ReportStatus>, tokens: Record<string, string | undefined> = {}) {
  return createReportsTestSkill({ reporter: new InMemoryReporter({}, statuses, tokens) });
}

describe('checking on a report', () => {
  it('reads the status, the council\'s note and the expected date in plain words, the number digit by digit', async () => {
    const test = skillWith({ '400123': OPEN_POTHOLE });
    const reply = await new Conversation(test.skill).say('CheckReportStatusIntent', { reference: { value: 'four zero zero one two three' } });
    expect(heard(reply)).toBe('Report 4 0 0 1 2 3, Pothole, is still open. The latest note says: Inspected: a repair crew is booked. The council expects to deal with it by Friday 4 December. Is there anything else I can help with?');
    expect(toSsml(reply.speech)).toContain('<say-as interpret-as="characters">400123</say-as>');
    expect(reply.reprompt).toBeDefined();
  });

  it('says a closed report is finished', async () => {
    const test = skillWith({ '400100': CLOSED_LIGHT });
    const reply = await new Conversation(test.skill).say('CheckReportStatusIntent', { reference: { value: '4001 00' } });
    expect(heard(reply)).toMatch(/^Report 4 0 0 1 0 0, Street light not working, is closed: the council has finished working on it\. The latest note says: New lamp fitted\./);
  });

  it('says when the expected date has passed', async () => {
    const test = skillWith({ '400123': { ...OPEN_POTHOLE, expectedDate: '2026-11-20' } });
    const reply = await new Conversation(test.skill).say('CheckReportStatusIntent', { reference: { value: '400123' } });
    expect(heard(reply)).toContain('The council expected to deal with it by Friday 20 November.');
  });

  it('uses the resident\'s last report when they give no number', async () => {
    const test = skillWith({ '400123': OPEN_POTHOLE });
    await test.profiles.put({ userId: 'resident-1', lastReport: { reference: '400123' } });
    const reply = await new Conversation(test.skill).say('CheckReportStatusIntent');
    expect(heard(reply)).toMatch(/^Report 4 0 0 1 2 3, Pothole, is still open\./);
  });

  it('swaps the last report\'s token for its number once the council has one, and remembers it', async () => {
    const test = skillWith({ '400123': OPEN_POTHOLE }, { 'tok-1': '400123' });
    await test.profiles.put({ userId: 'resident-1', lastReport: { token: 'tok-1', outboxId: 'entry-x' } });
    const reply = await new Conversation(test.skill).say('CheckReportStatusIntent');
    expect(heard(reply)).toMatch(/^Report 4 0 0 1 2 3/);
    expect((await test.profiles.get('resident-1'))?.lastReport).toMatchObject({ reference: '400123', token: 'tok-1' });
  });

  it('says the council has the report but no number yet while the token is unresolved', async () => {
    const test = skillWith({}, { 'tok-1': undefined });
    await test.profiles.put({ userId: 'resident-1', lastReport: { token: 'tok-1' } });
    const reply = await new Conversation(test.skill).say('CheckReportStatusIntent');
    expect(heard(reply)).toMatch(/^The council has received your last report, but hasn't given it a reference number yet\./);
  });

  it('says a report still waiting in the outbox is saved and being retried, then gives its number once sent', async () => {
    const test = skillWith({ '400123': OPEN_POTHOLE });
    const { entry } = await test.outbox.enqueue({
      idempotencyKey: 'resident-1|req-1', userId: 'resident-1', report: { issueType: 'POTHOLE', location: 'mill lane', description: 'hole' },
      now: new Date('2026-11-27T09:00:00Z'), leaseUntil: new Date('2026-11-27T09:01:00Z'),
    });
    await test.profiles.put({ userId: 'resident-1', lastReport: { outboxId: entry.id } });
    const chat = new Conversation(test.skill);
    expect(heard(await chat.say('CheckReportStatusIntent'))).toMatch(/^Your last report is saved, and I'll send it as soon as the council's system is back\./);

    await test.outbox.markSent(entry.id, { kind: 'accepted', reference: '400123' }, new Date('2026-11-27T09:30:00Z'));
    expect(heard(await chat.say('CheckReportStatusIntent'))).toMatch(/^Report 4 0 0 1 2 3, Pothole, is still open\./);
    expect((await test.profiles.get('resident-1'))?.lastReport?.reference).toBe('400123');
  });

  it('asks for the number when it has no report on record, and checks the number given', async () => {
    const test = skillWith({ '400123': OPEN_POTHOLE });
    const chat = new Conversation(test.skill);
    const ask = await chat.say('CheckReportStatusIntent');
    expect(heard(ask)).toBe("I don't have a report from you on record. Which report shall I check? Tell me the reference number.");
    expect(ask.next).toEqual({ type: 'elicit-slot', intent: 'CheckReportStatusIntent', slot: 'reference', slots: {} });
    const reply = await chat.say('CheckReportStatusIntent', { reference: { value: 'four double oh one two three' } });
    expect(heard(reply)).toMatch(/^Report 4 0 0 1 2 3/);
  });

  it('says when the council has no report by that number, and asks again', async () => {
    const chat = new Conversation(skillWith({}).skill);
    const reply = await chat.say('CheckReportStatusIntent', { reference: { value: '999' } });
    expect(heard(reply)).toBe("I couldn't find report 9 9 9. Please check the number. Which report shall I check? Tell me the reference number.");
    expect(reply.next).toMatchObject({ slot: 'reference' });
  });

  it('asks again when what was heard is not a reference number', async () => {
    const chat = new Conversation(skillWith({}).skill);
    const reply = await chat.say('CheckReportStatusIntent', { reference: { value: 'the broken one' } });
    expect(heard(reply)).toMatch(/^Sorry, that doesn't sound like a reference number\./);
  });
});
