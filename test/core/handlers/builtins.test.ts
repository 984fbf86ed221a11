import { resources } from '../../support/test-skill';
import { Conversation, createTestSkill, heard } from '../../support/test-skill';
import { createTurn } from '../../../src/core/turn';

const welcomes = (resources['en-GB']?.common as { welcome: string[] }).welcome.map((w) => w.replace('{{council}}', 'Demo Borough Council'));

describe('launch, help, stop, cancel, fallback and session end', () => {
  it('welcomes with one of the locale\'s greetings, says what the skill can do, and asks a question', async () => {
    const reply = await new Conversation(createTestSkill().skill).launch();
    expect(welcomes).toContain(heard(reply));
    expect(heard(reply)).toMatch(/\?$/);
    expect(reply.endSession).toBe(false);
    expect(heard({ ...reply, speech: reply.reprompt! })).toContain('when is my bin day');
  });

  it('help names a few things to say, ends with a question and keeps the session open', async () => {
    const reply = await new Conversation(createTestSkill().skill).say('help');
    expect(heard(reply)).toMatch(/bin day.*pothole.*council tax.*\?$/);
    expect(reply.endSession).toBe(false);
    expect(reply.reprompt).toBeDefined();
  });

  it.each(['stop', 'cancel'])('%s says goodbye, asks nothing and ends', async (intent) => {
    const reply = await new Conversation(createTestSkill().skill).say(intent);
    expect(reply.endSession).toBe(true);
    expect(heard(reply)).not.toContain('?');
    expect(reply.reprompt).toBeUndefined();
  });

  it('fallback says what the resident can ask and keeps a dialog in progress', async () => {
    const chat = new Conversation(createTestSkill().skill);
    await chat.say('SetAddressIntent', { postcode: { value: 'AB1 2CD' } });
    const reply = await chat.say('fallback');
    expect(heard(reply)).toMatch(/^Sorry, I didn't catch that/);
    expect(reply.session?.dialog?.intent).toBe('SetAddressIntent');
    expect(reply.next).toMatchObject({ type: 'elicit-slot', intent: 'SetAddressIntent', slot: 'houseNumber' });
    expect(heard(await chat.say('SetAddressIntent', { houseNumber: { value: '12' } }))).toBe('Is that 12 High Street?');
  });

  it('an intent the skill does not know gets the fallback answer, not silence', async () => {
    const reply = await new Conversation(createTestSkill().skill).say('OrderPizzaIntent');
    expect(heard(reply)).toMatch(/^Sorry, I didn't catch that\. You can ask when your bin day is/);
    expect(reply.endSession).toBe(false);
  });

  it('a "yes" to "anything else?" asks what the resident would like', async () => {
    const reply = await new Conversation(createTestSkill().skill).say('yes');
    expect(heard(reply)).toMatch(/^Go ahead\..*What would you like to do\?$/);
    expect(reply.endSession).toBe(false);
  });

  it('a "no" to "anything else?" says goodbye and ends the session', async () => {
    const reply = await new Conversation(createTestSkill().skill).say('no');
    expect(reply.endSession).toBe(true);
    expect(heard(reply)).not.toMatch(/yes or no/);
  });

  it('a "yes" or "no" in the middle of a dialog that asked no yes/no question gets a helpful question, not goodbye', async () => {
    const chat = new Conversation(createTestSkill().skill);
    await chat.say('SetAddressIntent');
    const reply = await chat.say('no');
    expect(heard(reply)).toMatch(/not sure what that's a yes or no to/);
    expect(reply.endSession).toBe(false);
  });

  it('navigate home clears the dialog and asks what to do', async () => {
    const chat = new Conversation(createTestSkill().skill);
    await chat.say('SetAddressIntent', { postcode: { value: 'AB1 2CD' } });
    const reply = await chat.say('home');
    expect(reply.session?.dialog).toBeUndefined();
    expect(heard(reply)).toMatch(/What would you like to do\?/);
  });

  it('a session-ended request gets a silent reply', async () => {
    const { skill } = createTestSkill();
    for (const endReason of ['USER_INITIATED', 'EXCEEDED_MAX_REPROMPTS', 'ERROR']) {
      const reply = await skill.handle(createTurn({ kind: 'session-end', endReason }));
      expect(reply).toMatchObject({ silent: true, endSession: true });
    }
  });

  it('every reply that keeps the session open has a reprompt, and every reply that ends asks nothing', async () => {
    const chat = new Conversation(createTestSkill().skill);
    const replies = [
      await chat.launch(), await chat.say('help'), await chat.say('fallback'),
      await chat.say('GetBinCollectionIntent'), await chat.say('SetAddressIntent', { postcode: { value: 'AB1 2CD' } }),
      await chat.say('stop'),
    ];
    for (const reply of replies) {
      if (reply.endSession) expect(heard(reply)).not.toMatch(/\?/);
      else expect(reply.reprompt).toBeDefined();
    }
  });
});
