import { createTurn } from '../../../src/core/turn';
import { createTestSkill } from '../../support/test-skill';

function canFulfil(intent: string, slots: Record<string, { value?: string; id?: string }> = {}) {
  return createTurn({ kind: 'can-fulfil', intent, slots });
}

describe('name-free requests (CanFulfillIntentRequest)', () => {
  it('says YES to a bin-day question with a bin it knows, and NO to one it does not', async () => {
    const { skill } = createTestSkill();
    const yes = await skill.handle(canFulfil('GetBinCollectionIntent', { binType: { value: 'green bin', id: 'RECYCLING' } }));
    expect(yes.canFulfil).toEqual({ canFulfill: 'YES', slots: { binType: { canUnderstand: 'YES', canFulfill: 'YES' } } });
    const no = await skill.handle(canFulfil('GetBinCollectionIntent', { binType: { value: 'purple bin' } }));
    expect(no.canFulfil?.canFulfill).toBe('NO');
  });

  it('says MAYBE for a balance, which needs a linked account', async () => {
    const { skill } = createTestSkill();
    expect((await skill.handle(canFulfil('CouncilTaxBalanceIntent'))).canFulfil?.canFulfill).toBe('MAYBE');
  });

  it('says NO to intents that are not ours and to reports when the council has no reporting system', async () => {
    const { skill } = createTestSkill();
    expect((await skill.handle(canFulfil('OrderPizzaIntent'))).canFulfil?.canFulfill).toBe('NO');
    expect((await skill.handle(canFulfil('ReportIssueIntent', { issueType: { value: 'pothole', id: 'POTHOLE' } }))).canFulfil?.canFulfill).toBe('NO');
  });

  it('says NO to an intent named like an Object.prototype member, slots and all', async () => {
    const { skill } = createTestSkill();
    for (const name of ['__proto__', 'constructor', 'toString']) {
      const reply = await skill.handle(canFulfil(name, { binType: { value: 'green bin', id: 'RECYCLING' }, constructor: { value: 'x' } }));
      expect(reply.failed).toBeUndefined();
      expect(reply.canFulfil).toEqual({
        canFulfill: 'NO',
        slots: { binType: { canUnderstand: 'NO', canFulfill: 'NO' }, constructor: { canUnderstand: 'NO', canFulfill: 'NO' } },
      });
    }
  });

  it('writes and reads nothing about anyone', async () => {
    const test = createTestSkill();
    const put = jest.spyOn(test.profiles, 'put');
    const get = jest.spyOn(test.profiles, 'get');
    await test.skill.handle(canFulfil('SetBinReminderIntent'));
    await test.skill.handle(canFulfil('GetBinCollectionIntent'));
    expect(put).not.toHaveBeenCalled();
    expect(get).not.toHaveBeenCalled();
    expect(test.addresses.lookups).toEqual([]);
  });
});
