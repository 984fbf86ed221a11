/** Lists as residents hear them: British English without Intl (src/core/replies.ts), checked against Intl. */
import { listOf } from '../../src/core/replies';

describe('saying a list', () => {
  it('joins British English lists exactly as Intl.ListFormat does', () => {
    const intl = new Intl.ListFormat('en-GB', { style: 'long', type: 'conjunction' });
    const words = ['the black bin', 'the food caddy', 'glass, cans and plastics', 'the brown garden bin', 'paper', ''];
    for (let n = 0; n <= words.length; n += 1) {
      const items = words.slice(0, n);
      expect(listOf(items, 'en-GB')).toBe(intl.format(items));
    }
    expect(listOf(['the black bin', 'the food caddy', 'paper'], 'en-GB')).toBe('the black bin, the food caddy and paper');
  });

  it('asks Intl for other languages', () => {
    expect(listOf(['a', 'b', 'c'], 'en-US')).toBe('a, b, and c');
  });
});
