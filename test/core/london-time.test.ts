/**
 * The London clock worked out without Intl (src/core/london-time.ts) against Node's own time zone
 * data: every hour for three days either side of every clock change, and the last and first half
 * hour of every day, in every year up to 2037 (the data's rules reach past it unchanged).
 */
import { localDate } from '../../src/core/dates';
import { londonDate, londonOffsetMs } from '../../src/core/london-time';

const intl = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });
const intlDate = (at: Date) => intl.format(at);
const HOUR = 3_600_000;

describe('the London clock without Intl', () => {
  test.each(Array.from({ length: 2037 - 1996 + 1 }, (_, i) => 1996 + i))('agrees with Node\'s time zone data through %i', (year) => {
    const instants: Date[] = [];
    for (const month of [2, 9]) {
      const around = Date.UTC(year, month + 1, 0);
      for (let t = around - 10 * 24 * HOUR; t <= around + 3 * 24 * HOUR; t += HOUR / 2) instants.push(new Date(t));
    }
    for (let day = Date.UTC(year, 0, 1); day < Date.UTC(year + 1, 0, 1); day += 24 * HOUR) {
      instants.push(new Date(day + 30 * 60_000), new Date(day + 23.5 * HOUR), new Date(day + 23 * HOUR + 30 * 60_000));
    }
    const wrong = instants.filter((at) => londonDate(at) !== intlDate(at)).map((at) => at.toISOString());
    expect(wrong).toEqual([]);
  });

  test('changes date at local midnight on both sides of the clock change, to the minute', () => {
    // 29 March 2026: clocks go forward at 01:00 UTC; 25 October 2026: back at 01:00 UTC.
    expect(londonDate(new Date('2026-06-30T22:59:59Z'))).toBe('2026-06-30');
    expect(londonDate(new Date('2026-06-30T23:00:00Z'))).toBe('2026-07-01');
    expect(londonDate(new Date('2026-12-31T23:59:59Z'))).toBe('2026-12-31');
    expect(londonOffsetMs(new Date('2026-03-29T00:59:59Z'))).toBe(0);
    expect(londonOffsetMs(new Date('2026-03-29T01:00:00Z'))).toBe(HOUR);
    expect(londonOffsetMs(new Date('2026-10-25T00:59:59Z'))).toBe(HOUR);
    expect(londonOffsetMs(new Date('2026-10-25T01:00:00Z'))).toBe(0);
  });

  test('leaves years outside its rule, and other zones, to Intl', () => {
    expect(londonDate(new Date('1990-06-30T23:30:00Z'))).toBeUndefined();
    expect(localDate(new Date('1990-06-30T23:30:00Z'), 'Europe/London')).toBe('1990-07-01');
    expect(localDate(new Date('2026-06-30T23:30:00Z'), 'Europe/Dublin')).toBe('2026-07-01');
    expect(localDate(new Date('2026-06-30T23:30:00Z'), 'UTC')).toBe('2026-06-30');
  });
});
