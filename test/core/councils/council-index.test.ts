import { CouncilIndex, OwnershipConflict, prefixesOf } from '../../../src/core/councils/council-index';

describe('which council owns an address', () => {
  const index = new CouncilIndex([
    { id: 'north', postcodes: ['NN'], custodianCode: 1 },
    { id: 'town', postcodes: ['NN1', 'NN2 5'], custodianCode: 2 },
    { id: 'valley', postcodes: ['NN2 5'], custodianCode: 3 },
    { id: 'coded', custodianCode: 4 },
  ]);

  it('takes the longest prefix that matches: sector, then district, then area', () => {
    expect(prefixesOf('NN2 5AB')).toEqual(['NN2 5', 'NN2', 'NN']);
    expect(index.ownerOf({ postcode: 'NN1 1AA' })).toBe('town');
    expect(index.ownerOf({ postcode: 'NN10 1AA' })).toBe('north');
    expect(index.ownerOf({ postcode: 'NN2 6AA' })).toBe('north');
  });

  it('on a shared prefix, lets the custodian code decide, and only between the councils sharing it', () => {
    expect(index.ownerOf({ postcode: 'NN2 5AB', custodianCode: 3 })).toBe('valley');
    expect(index.ownerOf({ postcode: 'NN2 5AB', custodianCode: 2 })).toBe('town');
    expect(index.ownerOf({ postcode: 'NN2 5AB', custodianCode: 4 })).toBeUndefined();
    expect(index.ownerOf({ postcode: 'NN2 5AB' })).toBeUndefined();
  });

  it('finds a council by custodian code alone when no postcode matches, and no one for the rest', () => {
    expect(index.ownerOf({ postcode: 'SW1A 1AA', custodianCode: 4 })).toBe('coded');
    expect(index.ownerOf({ postcode: 'SW1A 1AA', custodianCode: 99 })).toBeUndefined();
  });

  it('refuses claims that could never be told apart', () => {
    expect(() => new CouncilIndex([{ id: 'a', custodianCode: 7 }, { id: 'b', custodianCode: 7 }])).toThrow(OwnershipConflict);
    expect(() => new CouncilIndex([{ id: 'a', postcodes: ['AB1'], custodianCode: 1 }, { id: 'b', postcodes: ['AB1'] }]))
      .toThrow('councils a and b both claim postcode AB1, and b has no custodianCode');
  });
});
