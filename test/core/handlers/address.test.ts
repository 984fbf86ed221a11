import { CouncilApiError } from '../../../src/core/errors';
import { Conversation, createTestSkill, heard } from '../../support/test-skill';

describe('finding the resident\'s address the first time they ask for their bin day', () => {
  it('asks for the postcode by voice when the platform cannot share one, then the house, confirms, saves and answers', async () => {
    const test = createTestSkill();
    const chat = new Conversation(test.skill);
    const first = await chat.say('GetBinCollectionIntent');
    expect(heard(first)).toBe("To tell you that, I need your address first. What's your postcode?");
    expect(first.next).toEqual({ type: 'elicit-slot', intent: 'SetAddressIntent', slot: 'postcode', slots: {} });

    const house = await chat.say('SetAddressIntent', { postcode: { value: 'a b one two c d' } });
    expect(test.addresses.lookups).toEqual(['AB1 2CD']);
    expect(heard(house)).toBe("Thanks. What's your house number or name?");
    expect(house.next).toMatchObject({ type: 'elicit-slot', slot: 'houseNumber' });

    const confirm = await chat.say('SetAddressIntent', { houseNumber: { value: 'twelve' } });
    expect(heard(confirm)).toBe('Is that 12 High Street?');
    expect(confirm.next?.type).toBe('confirm-intent');

    const answer = await chat.say('yes');
    expect(heard(answer)).toMatch(/^Thanks, I've saved 12 High Street\. Your next collection is on Tuesday 1 December: the green recycling bin/);
    expect((await test.profiles.get('resident-1'))?.address).toEqual({ uprn: '100000000002', label: '12 High Street', postcode: 'AB1 2CD', buildingNumber: '12' });
    expect(answer.session?.dialog).toBeUndefined();
  });

  it('uses the device postcode when the resident has granted permission', async () => {
    const test = createTestSkill();
    const chat = new Conversation(test.skill, 'resident-1', { lookupPostcode: async () => ({ kind: 'found', postcode: 'ab13ef' }) });
    const reply = await chat.say('GetBinCollectionIntent');
    // One home at that postcode: straight to the confirmation.
    expect(heard(reply)).toBe('Is that 4 Mill Lane?');
  });

  it('asks for permission with a consent card, and by voice at the same time, when it has none', async () => {
    const test = createTestSkill();
    const chat = new Conversation(test.skill, 'resident-1', { lookupPostcode: async () => ({ kind: 'no-permission' }) });
    const reply = await chat.say('GetBinCollectionIntent');
    expect(reply.permissionCard).toBe('address');
    expect(heard(reply)).toContain("Or you can just tell me your postcode now. What's your postcode?");
    expect(reply.endSession).toBe(false);
  });

  it('accepts the confirmation given through the platform\'s own confirm (CONFIRMED on the same intent)', async () => {
    const test = createTestSkill();
    const chat = new Conversation(test.skill);
    await chat.say('SetAddressIntent', { postcode: { value: 'AB1 3EF' } });
    const saved = await chat.say('SetAddressIntent', {}, { confirmation: 'CONFIRMED' });
    expect(heard(saved)).toMatch(/^Thanks, I've saved 4 Mill Lane as your address\./);
  });

  it('asks which home when several match, and narrows them down', async () => {
    const chat = new Conversation(createTestSkill().skill);
    await chat.say('SetAddressIntent', { postcode: { value: 'AB1 2CD' } });
    const which = await chat.say('SetAddressIntent', { houseNumber: { value: '14' } });
    expect(heard(which)).toBe('There are 2 homes that match: Flat 1, 14 High Street and Flat 2, 14 High Street. Which one is yours?');
    const confirm = await chat.say('SetAddressIntent', { houseNumber: { value: 'flat two' } });
    expect(heard(confirm)).toBe('Is that Flat 2, 14 High Street?');
  });

  it('finds a named house', async () => {
    const chat = new Conversation(createTestSkill().skill);
    await chat.say('SetAddressIntent', { postcode: { value: 'AB1 2CD' } });
    expect(heard(await chat.say('SetAddressIntent', { houseNumber: { value: 'rose cottage' } }))).toBe('Is that Rose Cottage, High Street?');
  });

  it('says what homes are there when the number is not found, and asks again', async () => {
    const chat = new Conversation(createTestSkill().skill);
    await chat.say('SetAddressIntent', { postcode: { value: 'AB1 2CD' } });
    const reply = await chat.say('SetAddressIntent', { houseNumber: { value: '99' } });
    expect(heard(reply)).toBe("I couldn't find 99 at AB1 2CD. The homes there include 10 High Street, 12 High Street, Flat 1, 14 High Street and 2 more. What's your house number or name?");
    expect(reply.next).toMatchObject({ type: 'elicit-slot', slot: 'houseNumber' });
  });

  it('asks for the house again after a "no", and saves nothing', async () => {
    const test = createTestSkill();
    const chat = new Conversation(test.skill);
    await chat.say('SetAddressIntent', { postcode: { value: 'AB1 2CD' }, houseNumber: { value: '12' } });
    const again = await chat.say('no');
    expect(heard(again)).toBe("OK. Let's try again. What's your house number or name?");
    expect(await test.profiles.get('resident-1')).toBeUndefined();
    expect(heard(await chat.say('SetAddressIntent', { houseNumber: { value: '10' } }))).toBe('Is that 10 High Street?');
  });

  it('asks for the postcode again when it has no homes, and gives up kindly after three tries at an unclear postcode', async () => {
    const chat = new Conversation(createTestSkill().skill);
    await chat.say('SetAddressIntent');
    const none = await chat.say('SetAddressIntent', { postcode: { value: 'AB9 9ZZ' } });
    expect(heard(none)).toBe("I couldn't find any homes at AB9 9ZZ. Please say your postcode again, letter by letter.");
    expect(heard(await chat.say('SetAddressIntent', { postcode: { value: 'hello' } }))).toMatch(/^Sorry, I didn't catch a whole postcode/);
    await chat.say('SetAddressIntent', { postcode: { value: 'twelve' } });
    const giveUp = await chat.say('SetAddressIntent', { postcode: { value: 'banana' } });
    expect(heard(giveUp)).toContain('You can check this at https://www.demo-council.example/, or call 0300 123 4567.');
    expect(giveUp.endSession).toBe(false);
    expect(giveUp.session?.dialog).toBeUndefined();
  });

  it('"change my address" starts again even with an address saved', async () => {
    const test = createTestSkill();
    await test.profiles.put({ userId: 'resident-1', address: { uprn: '100000000002', label: '12 High Street', postcode: 'AB1 2CD' } });
    const chat = new Conversation(test.skill);
    expect(heard(await chat.say('SetAddressIntent'))).toBe("OK, let's update your address. What's your postcode?");
    await chat.say('SetAddressIntent', { postcode: { value: 'AB1 3EF' } });
    await chat.say('yes');
    expect((await test.profiles.get('resident-1'))?.address?.label).toBe('4 Mill Lane');
  });

  it('apologises when the address system is down, without losing the session', async () => {
    const test = createTestSkill();
    test.addresses.failWith = new CouncilApiError('addresses', 503, 'http://council.example/places');
    const reply = await new Conversation(test.skill).say('SetAddressIntent', { postcode: { value: 'AB1 2CD' } });
    expect(heard(reply)).toMatch(/^Sorry, I couldn't reach the council's address system just now\./);
    expect(reply.endSession).toBe(false);
  });
});
