import { addDays, daysBetween, isIsoDate, localDate, longDate } from '../../src/core/dates';

describe('council dates', () => {
  it('takes the local date in London across the clock changes', () => {
    expect(localDate(new Date('2026-06-01T23:30:00Z'), 'Europe/London')).toBe('2026-06-02');
    expect(localDate(new Date('2026-12-01T23:30:00Z'), 'Europe/London')).toBe('2026-12-01');
    // The October change: 00:30 UTC on 25 Oct is 01:30 BST, then 01:30 UTC is 01:30 GMT, both on the 25th.
    expect(localDate(new Date('2026-10-24T23:30:00Z'), 'Europe/London')).toBe('2026-10-25');
  });

  it('counts calendar days regardless of clock changes', () => {
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('says dates the British way', () => {
    expect(longDate('2026-12-01', 'en-GB')).toBe('Tuesday 1 December');
  });

  it('knows a real date from a platform\'s other date values', () => {
    expect(isIsoDate('2026-12-01')).toBe(true);
    expect(isIsoDate('2026-W48')).toBe(false);
    expect(isIsoDate('2026-02-30')).toBe(false);
  });
});
