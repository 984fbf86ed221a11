import { addDays, daysBetween, isIsoDate, localDate, longDate, weekdayName } from '../../src/core/dates';

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

  it('names every day of 2024 to 2032 in British English as Intl does, without asking it', () => {
    const long = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
    const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: 'UTC' });
    const wrong: string[] = [];
    for (let date = '2024-01-01'; date < '2033-01-01'; date = addDays(date, 1)) {
      const noon = new Date(`${date}T12:00:00Z`);
      if (longDate(date, 'en-GB') !== long.format(noon).replace(',', '') || weekdayName(date, 'en-GB') !== weekday.format(noon)) wrong.push(date);
    }
    expect(wrong).toEqual([]);
    expect(longDate('2026-12-08', 'en-GB')).toBe('Tuesday 8 December');
  });

  it('still asks Intl for other languages', () => {
    expect(longDate('2026-12-08', 'de-DE')).toBe('Dienstag 8. Dezember');
    expect(weekdayName('2026-12-08', 'fr-FR')).toBe('mardi');
  });
});
