import * as calendar from '../../../src/calendar';

describe('src/calendar public API', () => {
  it.each([
    'parseLocalDate',
    'addDays',
    'weekdayOf',
    'eachLocalDate',
    'easterSunday',
    'englandAndWalesBankHolidaysByRule',
    'parseGovUkBankHolidays',
    'mergeBankHolidays',
    'validateAcademicYear',
    'defaultAcademicYear',
    'SchoolCalendar',
    'createSchoolCalendar',
    'localDateOf',
    'localTimeOf',
    'toInstant',
    'parseLocalTime',
    'parseWeeklyRule',
    'describeWeeklyRule',
    'nextOccurrence',
    'isWithinSchoolHours',
    'nextAllowedInstant',
  ])('exports %s', (name) => {
    expect(typeof (calendar as Record<string, unknown>)[name]).toBe('function');
  });

  it('exports the data and constants', () => {
    expect(calendar.LONDON).toBe('Europe/London');
    expect(calendar.DEFAULT_BANK_HOLIDAYS).toContain('2026-12-28');
    expect(calendar.ENGLAND_AND_WALES_BANK_HOLIDAYS.length).toBe(56);
    expect(calendar.DEFAULT_SCHOOL_HOURS).toEqual({ start: '08:00', end: '17:30' });
  });

  it('works end to end: parse a rule, build a calendar, find the next nudge', () => {
    const parsed = calendar.parseWeeklyRule('Tuesdays at 15:45');
    if (!parsed.ok) throw new Error(parsed.error);
    const school = calendar.createSchoolCalendar({
      years: [calendar.defaultAcademicYear(2026)],
      bankHolidays: calendar.DEFAULT_BANK_HOLIDAYS,
    });
    const next = calendar.nextOccurrence(parsed.rule, new Date('2026-10-20T15:00:00Z'), (d) => school.isSchoolDay(d));
    expect(next?.toISOString()).toBe('2026-11-03T15:45:00.000Z');
    expect(calendar.describeWeeklyRule(parsed.rule)).toBe('Tuesdays at 15:45');
  });
});
