import {
  BANK_HOLIDAY_DATA_YEARS,
  DEFAULT_BANK_HOLIDAYS,
  ENGLAND_AND_WALES_BANK_HOLIDAYS,
  easterSunday,
  englandAndWalesBankHolidaysByRule,
  mergeBankHolidays,
  parseGovUkBankHolidays,
} from '../../../src/calendar/bank-holidays';
import { addDays, isLocalDate, isWeekend, localDateParts, weekdayOf } from '../../../src/calendar/local-date';

const YEARS = [2024, 2025, 2026, 2027, 2028, 2029, 2030];

function shipped(year: number) {
  return ENGLAND_AND_WALES_BANK_HOLIDAYS.filter((h) => h.date.startsWith(`${year}-`));
}

function shippedTitled(year: number, titlePrefix: string): string[] {
  return shipped(year)
    .filter((h) => h.title.startsWith(titlePrefix))
    .map((h) => h.date);
}

describe('easterSunday', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2029, '2029-04-01'],
    [2030, '2030-04-21'],
    // Historical and extreme cases catch the shortcut formulas that only work for some centuries.
    [2000, '2000-04-23'],
    [2019, '2019-04-21'],
    [1818, '1818-03-22'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('%i → %s', (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });

  it('always lands on a Sunday between 22 March and 25 April', () => {
    for (let year = 1900; year <= 2200; year += 1) {
      const easter = easterSunday(year);
      expect(weekdayOf(easter)).toBe(0);
      expect(easter >= `${year}-03-22` && easter <= `${year}-04-25`).toBe(true);
    }
  });

  it('refuses non-Gregorian years', () => {
    expect(() => easterSunday(1500)).toThrow();
    expect(() => easterSunday(2026.5)).toThrow();
  });
});

describe('shipped data 2024-2030', () => {
  it('covers exactly 2024-2030 with eight holidays a year', () => {
    expect(BANK_HOLIDAY_DATA_YEARS).toEqual({ first: 2024, last: 2030 });
    for (const year of YEARS) expect(shipped(year)).toHaveLength(8);
    expect(ENGLAND_AND_WALES_BANK_HOLIDAYS).toHaveLength(56);
  });

  it('is sorted, unique, valid and never at a weekend', () => {
    const dates = ENGLAND_AND_WALES_BANK_HOLIDAYS.map((h) => h.date);
    expect([...dates].sort()).toEqual(dates);
    expect(new Set(dates).size).toBe(dates.length);
    for (const d of dates) {
      expect(isLocalDate(d)).toBe(true);
      expect(isWeekend(d)).toBe(false);
    }
    expect(DEFAULT_BANK_HOLIDAYS).toEqual(dates);
  });

  it.each(YEARS)('%i matches the computed rules exactly (dates and titles)', (year) => {
    expect(shipped(year)).toEqual(englandAndWalesBankHolidaysByRule(year));
  });

  // Checks written from the rules directly, not through the implementation above.
  it.each(YEARS)('%i obeys each rule', (year) => {
    const easter = easterSunday(year);
    expect(shippedTitled(year, 'Good Friday')).toEqual([addDays(easter, -2)]);
    expect(shippedTitled(year, 'Easter Monday')).toEqual([addDays(easter, 1)]);

    const [earlyMay] = shippedTitled(year, 'Early May');
    expect(weekdayOf(earlyMay!)).toBe(1);
    expect(localDateParts(earlyMay!)).toMatchObject({ month: 5 });
    expect(localDateParts(earlyMay!).day).toBeLessThanOrEqual(7);

    for (const [title, month] of [
      ['Spring', 5],
      ['Summer', 8],
    ] as const) {
      const [date] = shippedTitled(year, title);
      expect(weekdayOf(date!)).toBe(1);
      expect(localDateParts(date!).month).toBe(month);
      expect(localDateParts(addDays(date!, 7)).month).toBe(month + 1); // it is the last Monday
    }

    const [newYear] = shippedTitled(year, "New Year's Day");
    const jan1 = `${year}-01-01`;
    if (isWeekend(jan1)) {
      expect(newYear).toBe(addDays(jan1, weekdayOf(jan1) === 6 ? 2 : 1));
      expect(shipped(year)[0]!.title).toBe("New Year's Day (substitute day)");
    } else {
      expect(newYear).toBe(jan1);
    }

    // Christmas and Boxing Day: both observed, on distinct weekdays between 25 and 28 December,
    // each on its own day unless that day is a weekend.
    const christmas = shippedTitled(year, 'Christmas Day');
    const boxing = shippedTitled(year, 'Boxing Day');
    expect(christmas).toHaveLength(1);
    expect(boxing).toHaveLength(1);
    const observed: [string, string][] = [
      [christmas[0]!, `${year}-12-25`],
      [boxing[0]!, `${year}-12-26`],
    ];
    for (const [date, own] of observed) {
      expect(date >= `${year}-12-25` && date <= `${year}-12-28`).toBe(true);
      if (!isWeekend(own)) expect(date).toBe(own);
    }
    expect(christmas[0]).not.toBe(boxing[0]);
  });

  it.each([
    ['2026-08-31', 'Summer bank holiday'],
    ['2026-12-25', 'Christmas Day'],
    ['2026-12-28', 'Boxing Day (substitute day)'],
    ['2027-03-26', 'Good Friday'],
    ['2027-03-29', 'Easter Monday'],
    ['2027-05-03', 'Early May bank holiday'],
    ['2027-05-31', 'Spring bank holiday'],
    ['2027-12-27', 'Christmas Day (substitute day)'],
    ['2027-12-28', 'Boxing Day (substitute day)'],
    ['2028-01-03', "New Year's Day (substitute day)"],
    ['2024-03-29', 'Good Friday'],
    ['2025-05-05', 'Early May bank holiday'],
    ['2030-04-22', 'Easter Monday'],
  ])('includes %s (%s)', (date, title) => {
    expect(ENGLAND_AND_WALES_BANK_HOLIDAYS).toContainEqual({ date, title });
  });

  it.each(['2026-12-26', '2027-12-25', '2027-12-26', '2028-01-01', '2026-05-11', '2027-05-24'])('does not include %s', (date) => {
    expect(DEFAULT_BANK_HOLIDAYS).not.toContain(date);
  });
});

describe('substitute-day rules outside the shipped range', () => {
  const dates = (year: number) => englandAndWalesBankHolidaysByRule(year).map((h) => `${h.date} ${h.title}`);

  it('Christmas on a Sunday keeps Boxing Day on Monday and moves Christmas to Tuesday (2022)', () => {
    expect(dates(2022)).toEqual(expect.arrayContaining(['2022-12-27 Christmas Day (substitute day)', '2022-12-26 Boxing Day']));
  });

  it('Christmas on a Saturday moves both to Monday and Tuesday (2021)', () => {
    expect(dates(2021)).toEqual(
      expect.arrayContaining(['2021-12-27 Christmas Day (substitute day)', '2021-12-28 Boxing Day (substitute day)']),
    );
  });

  it('New Year on a Sunday moves to Monday 2 January (2023) and on a Saturday to Monday 3 January (2022)', () => {
    expect(dates(2023)[0]).toBe("2023-01-02 New Year's Day (substitute day)");
    expect(dates(2022)[0]).toBe("2022-01-03 New Year's Day (substitute day)");
  });
});

describe('parseGovUkBankHolidays', () => {
  const event = (date: string, title = 'Some holiday') => ({ title, date, notes: '', bunting: true });
  const feed = (events: unknown) => ({
    'england-and-wales': { division: 'england-and-wales', events },
    scotland: { division: 'scotland', events: [event('2026-01-02', '2nd January')] },
  });

  it('returns England and Wales dates sorted and de-duplicated, ignoring Scotland', () => {
    const json = feed([event('2026-12-28', 'Boxing Day'), event('2026-12-25'), event('2026-12-25'), event('2026-08-31')]);
    expect(parseGovUkBankHolidays(json)).toEqual(['2026-08-31', '2026-12-25', '2026-12-28']);
  });

  it('accepts the real feed shape, including notes like "Substitute day"', () => {
    const json = JSON.parse(
      '{"england-and-wales":{"division":"england-and-wales","events":[{"title":"Boxing Day","date":"2026-12-28","notes":"Substitute day","bunting":true}]}}',
    );
    expect(parseGovUkBankHolidays(json)).toEqual(['2026-12-28']);
  });

  it('accepts events without the optional notes and bunting', () => {
    expect(parseGovUkBankHolidays(feed([{ title: 'Christmas Day', date: '2026-12-25' }]))).toEqual(['2026-12-25']);
  });

  it('returns an empty list for an empty events array', () => {
    expect(parseGovUkBankHolidays(feed([]))).toEqual([]);
  });

  it.each<[string, unknown, RegExp]>([
    ['null', null, /top level/],
    ['an array', [], /top level/],
    ['a string', 'bank holidays', /top level/],
    ['no england-and-wales', { scotland: {} }, /missing the "england-and-wales" division/],
    ['division not an object', { 'england-and-wales': [] }, /missing the "england-and-wales" division/],
    ['division name missing', { 'england-and-wales': { events: [] } }, /division must be a string/],
    ['events missing', { 'england-and-wales': { division: 'england-and-wales' } }, /events must be an array/],
    ['events an object', feed({}), /events must be an array/],
    ['an event not an object', feed([event('2026-12-25'), 'Christmas']), /events\[1\] is not an object/],
    ['a missing title', feed([{ date: '2026-12-25', notes: '', bunting: true }]), /events\[0\]\.title/],
    ['an empty title', feed([event('2026-12-25', '  ')]), /events\[0\]\.title/],
    ['an impossible date', feed([event('2026-02-30')]), /events\[0\]\.date must be a real date.*"2026-02-30"/],
    ['a date in the wrong format', feed([event('25/12/2026')]), /events\[0\]\.date/],
    ['a missing date', feed([{ title: 'X', notes: '', bunting: true }]), /events\[0\]\.date/],
    ['notes of the wrong type', feed([{ ...event('2026-12-25'), notes: 3 }]), /notes must be a string/],
    ['bunting of the wrong type', feed([{ ...event('2026-12-25'), bunting: 'yes' }]), /bunting must be a boolean/],
  ])('throws a clear Error for %s', (_name, json, message) => {
    expect(() => parseGovUkBankHolidays(json)).toThrow(/^Malformed gov\.uk bank holidays feed/);
    expect(() => parseGovUkBankHolidays(json)).toThrow(message);
  });
});

describe('mergeBankHolidays', () => {
  it('unions, sorts and de-duplicates', () => {
    expect(mergeBankHolidays(['2026-12-28', '2026-12-25'], ['2026-12-25', '2026-08-31'])).toEqual([
      '2026-08-31',
      '2026-12-25',
      '2026-12-28',
    ]);
  });

  it('adds a one-off holiday from the feed to the shipped list', () => {
    const merged = mergeBankHolidays(DEFAULT_BANK_HOLIDAYS, ['2027-06-07']);
    expect(merged).toHaveLength(57);
    expect(merged).toContain('2027-06-07');
  });

  it('does not mutate its inputs and handles empties', () => {
    const a = ['2026-12-28', '2026-12-25'];
    mergeBankHolidays(a, []);
    expect(a).toEqual(['2026-12-28', '2026-12-25']);
    expect(mergeBankHolidays([], [])).toEqual([]);
  });

  it('throws on an invalid date', () => {
    expect(() => mergeBankHolidays(['2026-12-25'], ['2026-12-32'])).toThrow(/not a real calendar date/);
  });
});
