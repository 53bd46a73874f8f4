import {
  FRIDAY,
  MONDAY,
  SUNDAY,
  TUESDAY,
  addDays,
  compareLocalDates,
  daysBetween,
  eachLocalDate,
  fromDayNumber,
  isLocalDate,
  isWeekend,
  isWithinRange,
  lastWeekdayOfMonth,
  localDateParts,
  localDateRange,
  makeLocalDate,
  mondayOf,
  nthWeekdayOfMonth,
  onOrAfterWeekday,
  onOrBeforeWeekday,
  parseLocalDate,
  toDayNumber,
  utcDateOf,
  utcMidnightOf,
  weekdayOf,
} from '../../../src/calendar/local-date';

describe('isLocalDate / parseLocalDate', () => {
  it.each(['2026-10-25', '2028-02-29', '2000-02-29', '1999-12-31', '2027-01-01'])('accepts %s', (d) => {
    expect(isLocalDate(d)).toBe(true);
    expect(parseLocalDate(d)).toBe(d);
  });

  it.each([
    '2026-02-29',
    '1900-02-29',
    '2026-13-01',
    '2026-00-10',
    '2026-04-31',
    '2026-10-00',
    '2026-2-3',
    ' 2026-10-25',
    '2026-10-25T00:00',
    '25/10/2026',
    '',
  ])('rejects %p', (d) => {
    expect(isLocalDate(d)).toBe(false);
    expect(() => parseLocalDate(d)).toThrow(Error);
  });

  it('rejects non-strings with a clear message', () => {
    expect(isLocalDate(20261025)).toBe(false);
    expect(isLocalDate(null)).toBe(false);
    expect(() => parseLocalDate(new Date())).toThrow(/Expected a date as 'YYYY-MM-DD', got object/);
  });

  it('explains the difference between a bad format and a non-existent day', () => {
    expect(() => parseLocalDate('2026-2-3')).toThrow(/not a date in the form YYYY-MM-DD/);
    expect(() => parseLocalDate('2026-02-30')).toThrow(/not a real calendar date/);
  });
});

describe('construction and parts', () => {
  it('builds zero-padded dates and refuses impossible ones', () => {
    expect(makeLocalDate(2026, 9, 1)).toBe('2026-09-01');
    expect(() => makeLocalDate(2026, 2, 30)).toThrow(/not a real calendar date/);
    expect(localDateParts('2027-03-28')).toEqual({ year: 2027, month: 3, day: 28 });
    expect(() => localDateParts('2027-3-28')).toThrow();
  });

  it('round-trips day numbers, including before 1970', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1969-12-31')).toBe(-1);
    for (const d of ['1969-12-31', '2026-10-25', '2027-03-28', '2028-02-29']) {
      expect(fromDayNumber(toDayNumber(d))).toBe(d);
    }
    expect(() => fromDayNumber(1.5)).toThrow();
  });

  it('maps to and from UTC midnight without the host zone', () => {
    expect(utcMidnightOf('2026-10-25').toISOString()).toBe('2026-10-25T00:00:00.000Z');
    expect(utcDateOf(new Date('2026-10-25T23:59:59Z'))).toBe('2026-10-25');
    expect(() => utcDateOf(new Date('nope'))).toThrow();
  });
});

describe('arithmetic', () => {
  it('adds days across months, years, leap days and clock-change weekends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
    expect(addDays('2027-03-27', 2)).toBe('2027-03-29');
    expect(addDays('2026-10-25', 0)).toBe('2026-10-25');
  });

  it('counts days between dates', () => {
    expect(daysBetween('2026-09-01', '2027-09-01')).toBe(365);
    expect(daysBetween('2027-09-01', '2028-09-01')).toBe(366);
    expect(daysBetween('2026-10-26', '2026-10-19')).toBe(-7);
  });

  it('compares and range-checks inclusively', () => {
    expect(compareLocalDates('2026-10-25', '2026-10-26')).toBe(-1);
    expect(compareLocalDates('2026-10-26', '2026-10-26')).toBe(0);
    expect(compareLocalDates('2027-01-01', '2026-12-31')).toBe(1);
    expect(isWithinRange('2026-10-26', '2026-10-26', '2026-10-30')).toBe(true);
    expect(isWithinRange('2026-10-30', '2026-10-26', '2026-10-30')).toBe(true);
    expect(isWithinRange('2026-10-31', '2026-10-26', '2026-10-30')).toBe(false);
  });
});

describe('weekdays (0 = Sunday … 6 = Saturday)', () => {
  it('knows fixed points', () => {
    expect(weekdayOf('1970-01-01')).toBe(4);
    expect(weekdayOf('1969-12-31')).toBe(3);
    expect(weekdayOf('2026-09-01')).toBe(TUESDAY);
    expect(weekdayOf('2026-10-25')).toBe(SUNDAY);
    expect(weekdayOf('2026-10-26')).toBe(MONDAY);
    expect(weekdayOf('2027-03-26')).toBe(FRIDAY);
  });

  it('agrees with Date#getUTCDay for every day 2024-2031', () => {
    for (const d of eachLocalDate('2024-01-01', '2031-12-31')) {
      expect(weekdayOf(d)).toBe(new Date(`${d}T12:00:00Z`).getUTCDay());
    }
  });

  it('detects weekends', () => {
    expect(isWeekend('2026-10-24')).toBe(true);
    expect(isWeekend('2026-10-25')).toBe(true);
    expect(isWeekend('2026-10-26')).toBe(false);
    expect(isWeekend('2026-10-23')).toBe(false);
  });

  it('finds Mondays and weekdays on or around a date', () => {
    expect(mondayOf('2026-10-25')).toBe('2026-10-19');
    expect(mondayOf('2026-10-26')).toBe('2026-10-26');
    expect(mondayOf('2026-09-01')).toBe('2026-08-31');
    expect(onOrAfterWeekday('2026-09-01', 3)).toBe('2026-09-02');
    expect(onOrAfterWeekday('2026-09-01', TUESDAY)).toBe('2026-09-01');
    expect(onOrBeforeWeekday('2026-10-27', MONDAY)).toBe('2026-10-26');
    expect(onOrBeforeWeekday('2026-10-25', MONDAY)).toBe('2026-10-19');
  });

  it('finds the n-th and last weekday of a month', () => {
    expect(nthWeekdayOfMonth(2026, 5, MONDAY, 1)).toBe('2026-05-04');
    expect(nthWeekdayOfMonth(2028, 5, MONDAY, 1)).toBe('2028-05-01');
    expect(nthWeekdayOfMonth(2026, 8, MONDAY, 5)).toBe('2026-08-31');
    expect(nthWeekdayOfMonth(2027, 8, MONDAY, 5)).toBe('2027-08-30');
    expect(() => nthWeekdayOfMonth(2027, 2, MONDAY, 5)).toThrow('2027-02 has no 5th weekday 1 (0 = Sunday)');
    expect(() => nthWeekdayOfMonth(2027, 8, MONDAY, 0)).toThrow();
    expect(lastWeekdayOfMonth(2026, 8, MONDAY)).toBe('2026-08-31');
    expect(lastWeekdayOfMonth(2027, 5, MONDAY)).toBe('2027-05-31');
    expect(lastWeekdayOfMonth(2026, 12, SUNDAY)).toBe('2026-12-27');
  });
});

describe('ranges', () => {
  it('iterates inclusively', () => {
    expect(localDateRange('2026-12-30', '2027-01-02')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
    expect(localDateRange('2026-10-25', '2026-10-25')).toEqual(['2026-10-25']);
    expect(localDateRange('2026-10-26', '2026-10-25')).toEqual([]);
    expect([...eachLocalDate('2026-09-01', '2027-08-31')]).toHaveLength(365);
  });
});
