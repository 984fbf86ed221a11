import type { IssueReport } from '../../../src/core/council';
import { allHandlers } from '../../../src/core/handlers';
import type { ResidentProfile } from '../../../src/core/profile';
import { createSkill, type Skill } from '../../../src/core/skill';
import type { ReminderService } from '../../../src/core/turn';
import { InMemoryOutbox } from '../../support/in-memory-outbox';
import { Conversation, createTestSkill, demoInfo, heard, type TestSkill } from '../../support/test-skill';

const RESIDENT = 'resident-1';
const NOW = new Date('2026-11-27T10:00:00Z');

const saved: ResidentProfile = {
  userId: RESIDENT,
  address: { uprn: '100000000002', label: '12 High Street', postcode: 'AB1 2CD' },
  lastReport: { reference: '4521' },
  reminderIds: ['reminder-1', 'reminder-2'],
};

const pothole: IssueReport = { issueType: 'POTHOLE', location: '12 High Street', description: 'deep pothole by the bus stop', uprn: '100000000002' };

/** The device's reminders, as the platform would keep them. */
function deviceReminders(hasPermission = true): ReminderService & { held: Set<string> } {
  const held = new Set(saved.reminderIds);
  return {
    held,
    hasPermission,
    create: async () => ({ kind: 'failed' }),
    remove: async (id) => held.delete(id),
  };
}

describe('deleting a resident\'s data', () => {
  let outbox: InMemoryOutbox;
  let test: TestSkill;
  let skill: Skill;

  beforeEach(async () => {
    outbox = new InMemoryOutbox();
    test = createTestSkill();
    skill = createSkill(allHandlers, { ...test.services, outbox });
    await test.profiles.put(saved);
  });

  async function fileReport(requestId: string, state: 'sent' | 'pending'): Promise<string> {
    const { entry } = await outbox.enqueue({ idempotencyKey: `${RESIDENT}|${requestId}`, userId: RESIDENT, report: pothole, now: NOW, leaseUntil: NOW });
    if (state === 'sent') await outbox.markSent(entry.id, { kind: 'accepted', reference: '4521' }, NOW);
    return entry.id;
  }

  it('asks before deleting anything, and says what will go', async () => {
    const reminders = deviceReminders();
    const chat = new Conversation(skill, RESIDENT, { reminders });
    const reply = await chat.say('DeleteDataIntent');

    expect(heard(reply)).toBe('This will delete your saved address and any bin reminders I set up for you, and take your details off reports you\'ve made. Shall I go ahead?');
    expect(reply.next).toEqual({ type: 'confirm-intent', intent: 'DeleteDataIntent', slots: {} });
    expect(reply.endSession).toBe(false);
    expect(heard({ ...reply, speech: reply.reprompt ?? { parts: [] } })).toBe('Shall I delete your saved details? Say yes or no.');
    expect(await test.profiles.get(RESIDENT)).toEqual(saved);
    expect(reminders.held.size).toBe(2);
  });

  it('on yes, forgets the address and reminders and takes the resident off reports, still sending the one in flight', async () => {
    const sentId = await fileReport('req-1', 'sent');
    const pendingId = await fileReport('req-2', 'pending');
    const reminders = deviceReminders();
    const chat = new Conversation(skill, RESIDENT, { reminders });

    await chat.say('DeleteDataIntent');
    const reply = await chat.say('yes');

    expect(heard(reply)).toBe(
      'Done. I\'ve deleted your saved address and reminders, and taken your details off your reports. ' +
      'One report hasn\'t reached the council yet. I\'ll still send it, and then take your details off it too. ' +
      `Reports the council already has are in its own records. To ask about those, call ${demoInfo.phone}. ` +
      'Is there anything else I can help with?',
    );
    expect(reply.endSession).toBe(false);
    expect(reply.reprompt).toBeDefined();
    expect(await test.profiles.get(RESIDENT)).toBeUndefined();
    expect(reminders.held.size).toBe(0);
    expect(await outbox.get(sentId)).toMatchObject({ userId: '', report: { issueType: 'POTHOLE', location: '', description: '' } });
    expect(await outbox.get(pendingId)).toMatchObject({ state: 'pending', report: pothole });

    // The background sender delivers it, and then nothing of the resident is left on it.
    await outbox.markSent(pendingId, { kind: 'accepted', reference: '4522' }, NOW);
    expect(await outbox.get(pendingId)).toMatchObject({ userId: '', report: { location: '', description: '' } });
  });

  it('greets the resident as a stranger afterwards', async () => {
    const chat = new Conversation(skill, RESIDENT, { reminders: deviceReminders() });
    await chat.say('DeleteDataIntent');
    await chat.say('yes');
    expect(heard(await chat.launch())).toMatch(/^Welcome to /);
  });

  it('on no, keeps everything', async () => {
    const sentId = await fileReport('req-1', 'sent');
    const reminders = deviceReminders();
    const chat = new Conversation(skill, RESIDENT, { reminders });

    await chat.say('DeleteDataIntent');
    const reply = await chat.say('no');

    expect(heard(reply)).toBe('OK, I haven\'t deleted anything. Is there anything else I can help with?');
    expect(reply.endSession).toBe(false);
    expect(await test.profiles.get(RESIDENT)).toEqual(saved);
    expect(reminders.held.size).toBe(2);
    expect(await outbox.get(sentId)).toMatchObject({ userId: RESIDENT, report: pothole });
  });

  it('deletes nothing on a request that claims a yes the resident never gave', async () => {
    const chat = new Conversation(skill, RESIDENT, { reminders: deviceReminders() });
    const reply = await chat.say('DeleteDataIntent', {}, { confirmation: 'CONFIRMED' });
    expect(heard(reply)).toMatch(/Shall I go ahead\?$/);
    expect(await test.profiles.get(RESIDENT)).toEqual(saved);
  });

  it('says so when it cannot take the reminders off the device', async () => {
    const chat = new Conversation(skill, RESIDENT, { reminders: deviceReminders(false) });
    await chat.say('DeleteDataIntent');
    const reply = await chat.say('yes');
    expect(heard(reply)).toContain('I couldn\'t remove your bin reminders from here, so they\'ll still go off.');
    expect(await test.profiles.get(RESIDENT)).toBeUndefined();
  });

  it('tells a resident it cannot identify that it holds nothing about them', async () => {
    const chat = new Conversation(skill, '');
    const reply = await chat.say('DeleteDataIntent');
    expect(heard(reply)).toBe('I don\'t keep anything about you from this device, so there\'s nothing to delete. Is there anything else I can help with?');
  });
});
