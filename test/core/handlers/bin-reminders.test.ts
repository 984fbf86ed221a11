import { InMemoryReminders } from '../../support/in-memory-reminders';
import { Conversation, createTestSkill, heard } from '../../support/test-skill';

const SAVED = { uprn: '100000000002', label: '12 High Street', postcode: 'AB1 2CD' };

async function setUp(reminders?: InMemoryReminders, now = '2026-11-27T10:00:00Z') {
  const test = createTestSkill({ now });
  await test.profiles.put({ userId: 'resident-1', address: SAVED });
  return { ...test, chat: new Conversation(test.skill, 'resident-1', reminders ? { reminders } : {}) };
}

describe('bin reminders', () => {
  it('sets reminders at 7pm the evening before the actual next collections, including a moved one', async () => {
    const reminders = new InMemoryReminders();
    const { chat, profiles } = await setUp(reminders, '2026-12-10T10:00:00Z');
    const reply = await chat.say('SetBinReminderIntent');
    expect(reminders.created.map((r) => r.scheduledLocalTime)).toEqual([
      '2026-12-14T19:00:00', '2026-12-21T19:00:00', '2026-12-29T19:00:00',
    ]);
    expect(reminders.created[0]).toMatchObject({ timeZone: 'Europe/London', text: 'Bin day tomorrow: put out the green recycling bin and the food caddy.' });
    expect(heard(reply)).toBe("Done. I'll remind you at 7pm the evening before your next 3 collections, starting on Tuesday 15 December. Is there anything else I can help with?");
    expect((await profiles.get('resident-1'))?.reminderIds).toEqual(['rem-1', 'rem-2', 'rem-3']);
  });

  it('skips a collection whose reminder time has already passed today', async () => {
    const reminders = new InMemoryReminders();
    const { chat } = await setUp(reminders, '2026-11-30T20:00:00Z');
    await chat.say('SetBinReminderIntent');
    expect(reminders.created[0]?.scheduledLocalTime).toBe('2026-12-07T19:00:00');
  });

  it('replaces its own earlier reminders instead of doubling them', async () => {
    const reminders = new InMemoryReminders();
    const { chat } = await setUp(reminders);
    await chat.say('SetBinReminderIntent');
    await chat.say('SetBinReminderIntent');
    expect(reminders.removed).toEqual(['rem-1', 'rem-2', 'rem-3', 'rem-4']);
  });

  it('asks for permission with a consent card when it has none', async () => {
    const reminders = new InMemoryReminders(false);
    const { chat } = await setUp(reminders);
    const reply = await chat.say('SetBinReminderIntent');
    expect(reply.permissionCard).toBe('reminders');
    expect(heard(reply)).toMatch(/I need your permission/);
    expect(reminders.created).toEqual([]);
  });

  it.each([
    [{ kind: 'rate-limited' as const }, /Alexa is busy setting reminders/],
    [{ kind: 'failed' as const }, /couldn't set your bin reminders just now/],
    [{ kind: 'no-permission' as const }, /I need your permission/],
  ])('says clearly when the reminders service answers %o', async (result, expected) => {
    const reminders = new InMemoryReminders();
    reminders.failFrom = { index: 1, result };
    const { chat } = await setUp(reminders);
    const reply = await chat.say('SetBinReminderIntent');
    expect(heard(reply)).toMatch(expected);
    expect(reply.endSession).toBe(false);
  });

  it('offers the council calendar link where the platform has no reminders', async () => {
    const test = createTestSkill();
    test.council.bins.calendarUrl = ({ uprn }) => `https://www.demo-council.example/bins/${uprn}.ics`;
    await test.profiles.put({ userId: 'resident-1', address: SAVED });
    const reply = await new Conversation(test.skill).say('SetBinReminderIntent');
    expect(heard(reply)).toMatch(/^I can't set reminders on this device, but you can add your collection days to your own calendar from https:\/\/www\.demo-council\.example\/bins\/100000000002\.ics\./);
  });

  it('"stop my bin reminders" deletes only the reminders the skill created', async () => {
    const reminders = new InMemoryReminders();
    const { chat, profiles } = await setUp(reminders);
    await chat.say('SetBinReminderIntent');
    const reply = await chat.say('StopBinRemindersIntent');
    expect(heard(reply)).toMatch(/^Done. I've turned off your bin reminders\./);
    expect(reminders.removed).toEqual(['rem-1', 'rem-2', 'rem-3', 'rem-4']);
    expect((await profiles.get('resident-1'))?.reminderIds).toEqual([]);
    expect(heard(await chat.say('StopBinRemindersIntent'))).toMatch(/^You don't have any bin reminders from me/);
  });

  it('offers to renew once the reminders have run out', async () => {
    const test = createTestSkill({ now: '2026-12-10T10:00:00Z' });
    await test.profiles.put({ userId: 'resident-1', address: SAVED, reminderIds: ['old'], remindersUntil: '2026-12-08' });
    const reply = await new Conversation(test.skill).say('GetBinCollectionIntent');
    expect(heard(reply)).toContain('Your bin reminders have run out. To set up more, say: remind me the night before bin day.');
  });
});
