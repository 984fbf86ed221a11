import { NetworkError } from '../../../src/core/errors';
import { toSsml } from '../../../src/core/speech';
import { InMemoryCouncilTax } from '../../support/in-memory-council-tax';
import { createReportsTestSkill } from '../../support/reports-test-skill';
import { Conversation, demoInfo, heard } from '../../support/test-skill';

const HOME = { uprn: '100000000002', label: '12 High Street', postcode: 'AB1 2CD' };
const ACCOUNT = {
  accountReference: 'CT-1002003',
  band: 'C',
  balancePence: 118807,
  nextInstalment: { date: '2026-12-01', amountPence: 17601 },
};

describe('council tax charges, from the council\'s config', () => {
  it('says a band\'s charge as money, and what that is a month', async () => {
    const reply = await new Conversation(createReportsTestSkill().skill).say('CouncilTaxChargeIntent', { band: { id: 'D', value: 'd' } });
    expect(heard(reply)).toBe("Band D council tax for 2026/27 is £1,980.12 a year. Over 10 monthly instalments, that's about £198.01 a month. Would you like to hear another band? Or ask me something else.");
    expect(toSsml(reply.speech)).toContain('<sub alias="one thousand nine hundred and eighty pounds and twelve pence">£1,980.12</sub>');
    expect(reply.reprompt).toBeDefined();
    expect(reply.endSession).toBe(false);
  });

  it('understands a band heard but not resolved, like "band h"', async () => {
    const reply = await new Conversation(createReportsTestSkill().skill).say('CouncilTaxChargeIntent', { band: { value: 'band h' } });
    expect(heard(reply)).toMatch(/^Band H council tax for 2026\/27 is £3,960\.24 a year\./);
  });

  it('asks again for a band that does not exist', async () => {
    const reply = await new Conversation(createReportsTestSkill().skill).say('CouncilTaxChargeIntent', { band: { value: 'z' } });
    expect(heard(reply)).toBe('Council tax bands go from A to H. Which band would you like to hear about? Say a letter from A to H.');
    expect(reply.next).toEqual({ type: 'elicit-slot', intent: 'CouncilTaxChargeIntent', slot: 'band', slots: {} });
  });

  it('answers "what band am I in" from the council\'s records for the saved home', async () => {
    const test = createReportsTestSkill({ councilTax: new InMemoryCouncilTax({}, [], { [HOME.uprn]: 'C' }) });
    await test.profiles.put({ userId: 'resident-1', address: HOME });
    const reply = await new Conversation(test.skill).say('CouncilTaxChargeIntent');
    expect(heard(reply)).toMatch(/^Your home, 12 High Street, is in council tax band C\. Band C council tax for 2026\/27 is £1,760\.11 a year\./);
  });

  it('says how to find the band, with the range of charges, when it cannot tell', async () => {
    const test = createReportsTestSkill();
    await test.profiles.put({ userId: 'resident-1', address: HOME });
    const reply = await new Conversation(test.skill).say('CouncilTaxChargeIntent');
    expect(heard(reply)).toBe('Council tax for 2026/27 goes from £1,320.08 a year for band A, to £3,960.24 for band H. To find your band, look at your council tax bill, or visit https://www.gov.uk/council-tax-bands. Which band would you like to hear about? Say a letter from A to H.');
  });

  it('says how to find the band when the council\'s band lookup is down', async () => {
    const councilTax = new InMemoryCouncilTax({}, [], { [HOME.uprn]: 'C' });
    councilTax.failWith = new NetworkError('council-tax', 'http://council/properties', new Error('down'));
    const test = createReportsTestSkill({ councilTax });
    await test.profiles.put({ userId: 'resident-1', address: HOME });
    const reply = await new Conversation(test.skill).say('CouncilTaxChargeIntent');
    expect(heard(reply)).toMatch(/To find your band, look at your council tax bill/);
  });
});

describe('paying council tax', () => {
  it('gives the instalment dates, the next one, the ways to pay and the single person discount', async () => {
    const reply = await new Conversation(createReportsTestSkill().skill).say('CouncilTaxPaymentIntent');
    expect(heard(reply)).toBe(
      'Council tax is paid in 10 monthly instalments, on the 1st of each month, from April to January. '
      + 'The next instalment date is Tuesday 1 December. '
      + 'You can ask to spread it over 12 months instead. '
      + 'You can pay by Direct Debit, online with a debit card or by phone on our automated line. '
      + "If you're the only adult in your home, you can get 25 per cent off: apply at https://www.demo-council.example/. "
      + 'Is there anything else I can help with?',
    );
  });

  it('follows the council\'s own schedule: twelve instalments on the 15th, none left after the last', async () => {
    const test = createReportsTestSkill({ now: '2027-03-20T10:00:00Z' });
    test.services.info = { ...demoInfo, councilTax: { ...demoInfo.councilTax!, instalments: 12, instalmentDay: 15 } };
    const reply = await new Conversation(test.skill).say('CouncilTaxPaymentIntent');
    expect(heard(reply)).toMatch(/^Council tax is paid in 12 monthly instalments, on the 15th of each month, from April to March\. You can pay by/);
  });
});

describe('the resident\'s own council tax balance', () => {
  it('asks the resident to link their account, with the sign-in card, and says no figures', async () => {
    const test = createReportsTestSkill({ councilTax: new InMemoryCouncilTax({ 'good-token': ACCOUNT }) });
    const reply = await new Conversation(test.skill).say('CouncilTaxBalanceIntent');
    expect(reply.next).toEqual({ type: 'link-account' });
    expect(heard(reply)).toMatch(/^To tell you your balance, I need you to link your Demo Borough Council council tax account\./);
    expect(heard(reply)).not.toMatch(/£/);
    expect(test.councilTax.tokensSeen).toEqual([]);
  });

  it('sends the sign-in card again when the council no longer accepts the token', async () => {
    const test = createReportsTestSkill({ councilTax: new InMemoryCouncilTax({ 'old-token': ACCOUNT }, ['old-token']) });
    const reply = await new Conversation(test.skill).say('CouncilTaxBalanceIntent', {}, { accessToken: 'old-token' });
    expect(reply.next).toEqual({ type: 'link-account' });
    expect(heard(reply)).toMatch(/^Your council tax account link has run out/);
    expect(heard(reply)).not.toMatch(/£/);
  });

  it('says the balance and the next instalment with a valid token', async () => {
    const test = createReportsTestSkill({ councilTax: new InMemoryCouncilTax({ 'good-token': ACCOUNT }) });
    const reply = await new Conversation(test.skill).say('CouncilTaxBalanceIntent', {}, { accessToken: 'good-token' });
    expect(heard(reply)).toBe('Your council tax balance for 2026/27 is £1,188.07. Your next instalment is £176.01, due on Tuesday 1 December. Is there anything else I can help with?');
    expect(toSsml(reply.speech)).toContain('<sub alias="one hundred and seventy-six pounds and one penny">£176.01</sub>');
    expect(reply.next).toBeUndefined();
    expect(test.councilTax.tokensSeen).toEqual(['good-token']);
  });

  it('thanks a resident who has paid in full, and says a credit as a credit', async () => {
    const test = createReportsTestSkill({ councilTax: new InMemoryCouncilTax({ paid: { ...ACCOUNT, balancePence: 0 }, credit: { ...ACCOUNT, balancePence: -2500 } }) });
    const chat = new Conversation(test.skill);
    expect(heard(await chat.say('CouncilTaxBalanceIntent', {}, { accessToken: 'paid' }))).toMatch(/^You've paid all your council tax for 2026\/27\. Thank you\./);
    expect(heard(await chat.say('CouncilTaxBalanceIntent', {}, { accessToken: 'credit' }))).toMatch(/^Your council tax account is £25\.00 in credit\./);
  });

  it('apologises and points to the phone when the council tax system is down, without any figures', async () => {
    const councilTax = new InMemoryCouncilTax({ 'good-token': ACCOUNT });
    councilTax.failWith = new NetworkError('council-tax', 'http://council/account', new Error('down'));
    const reply = await new Conversation(createReportsTestSkill({ councilTax }).skill).say('CouncilTaxBalanceIntent', {}, { accessToken: 'good-token' });
    expect(heard(reply)).toMatch(/^Sorry, I couldn't reach the council tax system just now\. You can call 0300 123 4567/);
    expect(reply.next).toBeUndefined();
  });
});
