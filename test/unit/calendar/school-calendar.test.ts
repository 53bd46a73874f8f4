import { DEFAULT_BANK_HOLIDAYS } from '../../../src/calendar/bank-holidays';
import { defaultAcademicYear } from '../../../src/calendar/default-pattern';
import { SchoolCalendar, createSchoolCalendar } from '../../../src/calendar/school-calendar';
import { AcademicYear } from '../../../src/calendar/term-dates';
import { INSET_2026_27, calendarWithInset, trustCalendar } from './fixtures';

/** The school moves its autumn half-term a week earlier than the trust (19-23 Oct 2026). */
function schoolOverride2026(): AcademicYear {
  const year = defaultAcademicYear(2026);
  const [autumn, spring, summer] = year.terms;
  return {
    ...year,
    terms: [{ ...autumn, halfTermStart: '2026-10-19', halfTermEnd: '2026-10-23' }, spring, summer],
    insetDays: ['2026-09-01', '2026-10-26'],
  };
}

describe('construction', () => {
  it('exposes the effective years sorted by label', () => {
    const calendar = createSchoolCalendar({
      years: [defaultAcademicYear(2026), defaultAcademicYear(2025)],
      bankHolidays: DEFAULT_BANK_HOLIDAYS,
    });
    expect(calendar).toBeInstanceOf(SchoolCalendar);
    expect(calendar.years.map((y) => y.label)).toEqual(['2025-26', '2026-27']);
    expect(calendar.year('2026-27').terms[0].start).toBe('2026-09-01');
    expect(calendar.term('2026-27', 'spring').halfTermStart).toBe('2027-02-15');
  });

  it('throws for an unknown year label, naming those it has', () => {
    expect(() => trustCalendar().year('2030-31')).toThrow('No academic year 2030-31 in this calendar (have: 2026-27)');
  });

  it('fails loudly on invalid years, listing every problem', () => {
    const bad = { ...defaultAcademicYear(2026), insetDays: ['2027-05-03', '2026-10-27'] };
    expect(() => trustCalendar({ years: [bad] })).toThrow(
      /Invalid school calendar:[\s\S]*2027-05-03 is a bank holiday[\s\S]*2026-10-27 falls in the autumn half-term/,
    );
  });

  it('refuses duplicate labels and invalid bank holidays', () => {
    expect(() => trustCalendar({ years: [defaultAcademicYear(2026), defaultAcademicYear(2026)] })).toThrow(/given twice/);
    expect(() => trustCalendar({ overrides: [schoolOverride2026(), schoolOverride2026()] })).toThrow(/override for 2026-27 is given twice/);
    expect(() => trustCalendar({ bankHolidays: ['2026-12-32'] })).toThrow(/not a real calendar date/);
  });

  it('refuses extra INSET days outside every term', () => {
    expect(() => trustCalendar({ extraInsetDays: ['2026-08-28'] })).toThrow(/INSET day\(s\) 2026-08-28 are not inside any term/);
    expect(() => trustCalendar({ extraInsetDays: ['2026-10-27'] })).toThrow(/falls in the autumn half-term/);
  });
});

describe('isSchoolDay / isPupilDay / isTeacherDay (trust calendar, no INSET)', () => {
  const calendar = trustCalendar();

  it.each([
    ['2026-09-01', true, 'first day of autumn term (Tuesday)'],
    ['2026-09-03', true, 'Thursday in term'],
    ['2026-10-23', true, 'Friday before half-term'],
    ['2026-11-02', true, 'Monday after half-term'],
    ['2026-12-18', true, 'last day of autumn term'],
    ['2027-01-04', true, 'first day of spring term'],
    ['2027-03-25', true, 'last day of spring term'],
    ['2027-04-12', true, 'first day of summer term'],
    ['2027-05-04', true, 'Tuesday after Early May'],
    ['2027-07-21', true, 'last day of summer term'],
    ['2026-08-31', false, 'Summer bank holiday, before term'],
    ['2026-09-05', false, 'Saturday in term'],
    ['2026-09-06', false, 'Sunday in term'],
    ['2026-10-25', false, 'clock-change Sunday'],
    ['2026-10-26', false, 'half-term Monday'],
    ['2026-10-30', false, 'half-term Friday'],
    ['2026-12-21', false, 'Christmas holidays'],
    ['2026-12-28', false, 'Boxing Day substitute'],
    ['2027-02-17', false, 'spring half-term'],
    ['2027-03-26', false, 'Good Friday'],
    ['2027-03-29', false, 'Easter Monday'],
    ['2027-04-09', false, 'Easter holidays'],
    ['2027-05-03', false, 'Early May bank holiday in term'],
    ['2027-05-31', false, 'Spring bank holiday in half-term'],
    ['2027-07-22', false, 'summer holidays'],
    ['2025-12-01', false, 'a year the calendar does not hold'],
  ])('%s → %s (%s)', (date, expected) => {
    expect(calendar.isSchoolDay(date)).toBe(expected);
    expect(calendar.isPupilDay(date)).toBe(expected);
    expect(calendar.isTeacherDay(date)).toBe(expected);
  });

  it('answers bank holiday and INSET questions directly', () => {
    expect(calendar.isBankHoliday('2027-05-03')).toBe(true);
    expect(calendar.isBankHoliday('2027-05-04')).toBe(false);
    expect(calendar.isInsetDay('2026-09-01')).toBe(false);
  });

  it('rejects malformed dates rather than guessing', () => {
    expect(() => calendar.isSchoolDay('2026-9-3')).toThrow();
  });
});

describe('INSET days', () => {
  const calendar = calendarWithInset();

  it.each(INSET_2026_27)('%s is a teacher day but not a pupil or school day', (date) => {
    expect(calendar.isInsetDay(date)).toBe(true);
    expect(calendar.isTeacherDay(date)).toBe(true);
    expect(calendar.isPupilDay(date)).toBe(false);
    expect(calendar.isSchoolDay(date)).toBe(false);
  });

  it('leaves 190 pupil days out of 195 teacher days', () => {
    const all = (['autumn', 'spring', 'summer'] as const).flatMap((t) => calendar.schoolDaysIn('2026-27', t));
    expect(all).toHaveLength(190);
    expect(trustCalendar().schoolDaysIn('2026-27', 'autumn')).toHaveLength(74);
  });

  it('also reads INSET days stored in the year itself', () => {
    const year = { ...defaultAcademicYear(2026), insetDays: ['2026-11-27'] };
    const calendar2 = trustCalendar({ years: [year] });
    expect(calendar2.isInsetDay('2026-11-27')).toBe(true);
    expect(calendar2.isSchoolDay('2026-11-27')).toBe(false);
    expect(calendar2.isTeacherDay('2026-11-27')).toBe(true);
  });
});

describe('school overrides', () => {
  const trust = trustCalendar();
  const school = trustCalendar({ overrides: [schoolOverride2026()] });

  it('replace the trust year with the same label', () => {
    expect(trust.isSchoolDay('2026-10-20')).toBe(true);
    expect(school.isSchoolDay('2026-10-20')).toBe(false);
    expect(trust.isSchoolDay('2026-10-27')).toBe(false);
    expect(school.isSchoolDay('2026-10-27')).toBe(true);
    expect(school.termOf('2026-10-20')).toBeNull();
    expect(school.termOf('2026-10-27')).toEqual({ year: '2026-27', term: 'autumn', half: 2 });
  });

  it('bring their own INSET days, plus any extra ones', () => {
    expect(school.isSchoolDay('2026-10-26')).toBe(false);
    expect(school.isTeacherDay('2026-10-26')).toBe(true);
    expect(school.isSchoolDay('2026-09-01')).toBe(false);
    const withExtra = trustCalendar({ overrides: [schoolOverride2026()], extraInsetDays: ['2027-07-21'] });
    expect(withExtra.isSchoolDay('2027-07-21')).toBe(false);
    expect(withExtra.isInsetDay('2026-10-26')).toBe(true);
  });

  it('may add a year the trust has not entered', () => {
    const calendar = trustCalendar({ overrides: [defaultAcademicYear(2027)] });
    expect(calendar.years.map((y) => y.label)).toEqual(['2026-27', '2027-28']);
    expect(calendar.isSchoolDay('2027-09-01')).toBe(true);
  });
});

describe('termOf', () => {
  const calendar = trustCalendar();

  it.each([
    ['2026-09-01', { year: '2026-27', term: 'autumn', half: 1 }],
    ['2026-09-05', { year: '2026-27', term: 'autumn', half: 1 }], // weekend inside the first half
    ['2026-10-23', { year: '2026-27', term: 'autumn', half: 1 }],
    ['2026-10-31', { year: '2026-27', term: 'autumn', half: 2 }], // weekend after half-term week
    ['2026-11-02', { year: '2026-27', term: 'autumn', half: 2 }],
    ['2026-12-18', { year: '2026-27', term: 'autumn', half: 2 }],
    ['2027-01-04', { year: '2026-27', term: 'spring', half: 1 }],
    ['2027-02-12', { year: '2026-27', term: 'spring', half: 1 }],
    ['2027-02-22', { year: '2026-27', term: 'spring', half: 2 }],
    ['2027-05-03', { year: '2026-27', term: 'summer', half: 1 }], // bank holiday, but still term time
    ['2027-06-07', { year: '2026-27', term: 'summer', half: 2 }],
  ])('%s → %j', (date, expected) => {
    expect(calendar.termOf(date)).toEqual(expected);
  });

  it.each(['2026-08-31', '2026-10-26', '2026-10-30', '2026-12-19', '2027-02-15', '2027-03-26', '2027-06-01', '2027-07-22'])(
    '%s is a holiday → null',
    (date) => {
      expect(calendar.termOf(date)).toBeNull();
    },
  );
});

describe('schoolDaysIn / nthSchoolDay', () => {
  const calendar = trustCalendar();
  const inset = calendarWithInset();

  it('lists the school days of each term', () => {
    expect(calendar.schoolDaysIn('2026-27', 'autumn')).toHaveLength(74);
    expect(calendar.schoolDaysIn('2026-27', 'spring')).toHaveLength(54);
    expect(calendar.schoolDaysIn('2026-27', 'summer')).toHaveLength(67);
    const summer = calendar.schoolDaysIn('2026-27', 'summer');
    expect(summer).not.toContain('2027-05-03');
    expect(summer).not.toContain('2027-06-01');
    expect(summer.slice(0, 2)).toEqual(['2027-04-12', '2027-04-13']);
  });

  it('counts from the start (1 = first) and from the end (-1 = last)', () => {
    expect(calendar.nthSchoolDay('2026-27', 'autumn', 1)).toBe('2026-09-01');
    expect(inset.nthSchoolDay('2026-27', 'autumn', 1)).toBe('2026-09-03');
    expect(inset.nthSchoolDay('2026-27', 'autumn', 3)).toBe('2026-09-07');
    expect(calendar.nthSchoolDay('2026-27', 'autumn', -1)).toBe('2026-12-18');
    expect(inset.nthSchoolDay('2026-27', 'summer', -1)).toBe('2027-07-20');
    expect(calendar.nthSchoolDay('2026-27', 'summer', 16)).toBe('2027-05-04'); // skips Early May
    expect(calendar.nthSchoolDay('2026-27', 'autumn', 74)).toBe('2026-12-18');
    expect(calendar.nthSchoolDay('2026-27', 'autumn', 75)).toBeNull();
    expect(calendar.nthSchoolDay('2026-27', 'autumn', -75)).toBeNull();
  });

  it('rejects n = 0, fractions and unknown years', () => {
    expect(() => calendar.nthSchoolDay('2026-27', 'autumn', 0)).toThrow(/non-zero integer/);
    expect(() => calendar.nthSchoolDay('2026-27', 'autumn', 1.5)).toThrow(/non-zero integer/);
    expect(() => calendar.nthSchoolDay('2027-28', 'autumn', 1)).toThrow(/No academic year 2027-28/);
  });
});

describe('isInFirstWeeks / isInLastWeeks (Monday-Sunday calendar weeks)', () => {
  const calendar = trustCalendar();

  it('counts the part-week containing the first day as week 1', () => {
    expect(calendar.isInFirstWeeks('2026-09-01', 1)).toBe(true);
    expect(calendar.isInFirstWeeks('2026-09-04', 1)).toBe(true);
    expect(calendar.isInFirstWeeks('2026-09-06', 1)).toBe(true);
    expect(calendar.isInFirstWeeks('2026-09-07', 1)).toBe(false);
    expect(calendar.isInFirstWeeks('2026-09-07', 2)).toBe(true);
    expect(calendar.isInFirstWeeks('2026-09-14', 2)).toBe(false);
    expect(calendar.isInFirstWeeks('2027-01-08', 1)).toBe(true);
    expect(calendar.isInFirstWeeks('2027-01-11', 1)).toBe(false);
  });

  it('counts back from the week containing the last day', () => {
    expect(calendar.isInLastWeeks('2026-12-14', 1)).toBe(true);
    expect(calendar.isInLastWeeks('2026-12-18', 1)).toBe(true);
    expect(calendar.isInLastWeeks('2026-12-11', 1)).toBe(false);
    expect(calendar.isInLastWeeks('2026-12-07', 2)).toBe(true);
    expect(calendar.isInLastWeeks('2027-07-19', 1)).toBe(true);
    expect(calendar.isInLastWeeks('2027-07-16', 1)).toBe(false);
    expect(calendar.isInLastWeeks('2027-03-22', 1)).toBe(true);
  });

  it('counts half-term as a calendar week but is false on holidays and for 0 weeks', () => {
    // Autumn starts in the week of 31 Aug; 2 Nov is in week 10 (half-term was week 9).
    expect(calendar.isInFirstWeeks('2026-11-02', 9)).toBe(false);
    expect(calendar.isInFirstWeeks('2026-11-02', 10)).toBe(true);
    expect(calendar.isInFirstWeeks('2026-10-26', 52)).toBe(false);
    expect(calendar.isInLastWeeks('2026-12-21', 52)).toBe(false);
    expect(calendar.isInFirstWeeks('2026-08-31', 1)).toBe(false);
    expect(calendar.isInFirstWeeks('2026-09-01', 0)).toBe(false);
    expect(() => calendar.isInFirstWeeks('2026-09-01', -1)).toThrow();
    expect(() => calendar.isInLastWeeks('2026-09-01', 1.5)).toThrow();
  });
});

describe('nextSchoolDayAfter / nextSchoolDayOnOrAfter', () => {
  const calendar = trustCalendar();

  it('distinguishes strictly-after from on-or-after', () => {
    expect(calendar.nextSchoolDayOnOrAfter('2026-10-22')).toBe('2026-10-22');
    expect(calendar.nextSchoolDayAfter('2026-10-22')).toBe('2026-10-23');
  });

  it('skips weekends, half-term, holidays and bank holidays', () => {
    expect(calendar.nextSchoolDayAfter('2026-10-23')).toBe('2026-11-02');
    expect(calendar.nextSchoolDayOnOrAfter('2026-10-24')).toBe('2026-11-02');
    expect(calendar.nextSchoolDayAfter('2026-12-18')).toBe('2027-01-04');
    expect(calendar.nextSchoolDayAfter('2027-04-30')).toBe('2027-05-04');
    expect(calendar.nextSchoolDayOnOrAfter('2026-08-01')).toBe('2026-09-01');
    expect(calendarWithInset().nextSchoolDayOnOrAfter('2026-08-01')).toBe('2026-09-03');
  });

  it('crosses into the next academic year when the calendar has it', () => {
    const calendar2 = createSchoolCalendar({
      years: [defaultAcademicYear(2025), defaultAcademicYear(2026)],
      bankHolidays: DEFAULT_BANK_HOLIDAYS,
    });
    expect(calendar2.nextSchoolDayAfter('2026-07-21')).toBe('2026-09-01');
  });

  it('returns null when the calendar has no later school days', () => {
    expect(calendar.nextSchoolDayAfter('2027-07-21')).toBeNull();
    expect(calendar.nextSchoolDayOnOrAfter('2027-07-22')).toBeNull();
  });
});
