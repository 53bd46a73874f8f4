import { DEFAULT_BANK_HOLIDAYS, easterSunday } from '../../../src/calendar/bank-holidays';
import { defaultAcademicYear } from '../../../src/calendar/default-pattern';
import {
  addDays,
  daysBetween,
  eachLocalDate,
  isWeekend,
  lastWeekdayOfMonth,
  localDateParts,
  weekdayOf,
} from '../../../src/calendar/local-date';
import { AcademicYear, isInHalfTerm, termByName, validateAcademicYear } from '../../../src/calendar/term-dates';

const bankHolidays = new Set(DEFAULT_BANK_HOLIDAYS);

/** Weekdays in term, outside half-term, that are not bank holidays (INSET not subtracted). */
function daysInTerm(year: AcademicYear): number {
  return year.terms.reduce(
    (sum, term) =>
      sum + [...eachLocalDate(term.start, term.end)].filter((d) => !isWeekend(d) && !bankHolidays.has(d) && !isInHalfTerm(d, term)).length,
    0,
  );
}

describe('defaultAcademicYear(2026) — the 2026-27 pattern', () => {
  const year = defaultAcademicYear(2026);

  it('labels the year and has no INSET days (each school chooses its own five)', () => {
    expect(year.label).toBe('2026-27');
    expect(year.insetDays).toEqual([]);
  });

  it('matches the commonly published 2026-27 dates', () => {
    expect(year.terms).toEqual([
      { name: 'autumn', start: '2026-09-01', end: '2026-12-18', halfTermStart: '2026-10-26', halfTermEnd: '2026-10-30' },
      { name: 'spring', start: '2027-01-04', end: '2027-03-25', halfTermStart: '2027-02-15', halfTermEnd: '2027-02-19' },
      { name: 'summer', start: '2027-04-12', end: '2027-07-21', halfTermStart: '2027-05-31', halfTermEnd: '2027-06-04' },
    ]);
  });

  it('puts autumn half-term in the week after the clock-change Sunday, 25 October 2026', () => {
    expect(weekdayOf('2026-10-25')).toBe(0);
    expect(termByName(year, 'autumn').halfTermStart).toBe(addDays('2026-10-25', 1));
  });

  it('ends the spring term before Good Friday (26 March 2027) for the early Easter', () => {
    expect(termByName(year, 'spring').end).toBe(addDays(easterSunday(2027), -3));
  });

  it('has 195 working days: 190 pupil days plus room for 5 INSET days', () => {
    expect(daysInTerm(year)).toBe(195);
  });
});

describe('defaultAcademicYear(2025) reproduces the published 2025-26 pattern', () => {
  it('including the later Easter (5 April 2026)', () => {
    const [autumn, spring, summer] = defaultAcademicYear(2025).terms;
    expect([autumn.start, autumn.halfTermStart, autumn.end]).toEqual(['2025-09-01', '2025-10-27', '2025-12-19']);
    expect([spring.start, spring.halfTermStart, spring.end]).toEqual(['2026-01-05', '2026-02-16', '2026-03-27']);
    expect([summer.start, summer.halfTermStart, summer.end]).toEqual(['2026-04-13', '2026-05-25', '2026-07-21']);
  });
});

describe.each([2023, 2024, 2025, 2026, 2027, 2028, 2029])('defaultAcademicYear(%i) follows the rules', (startYear) => {
  const year = defaultAcademicYear(startYear);
  const [autumn, spring, summer] = year.terms;
  const next = startYear + 1;
  const easter = easterSunday(next);

  it('is valid, with every term starting and ending on a working day', () => {
    expect(validateAcademicYear(year, DEFAULT_BANK_HOLIDAYS)).toEqual([]);
    for (const t of year.terms) {
      expect(bankHolidays.has(t.start)).toBe(false);
      expect(bankHolidays.has(t.end)).toBe(false);
    }
  });

  it('starts autumn in the first days of September', () => {
    expect(autumn.start >= `${startYear}-09-01` && autumn.start <= `${startYear}-09-04`).toBe(true);
  });

  it('takes autumn half-term in the last Monday-Friday week wholly in October', () => {
    expect(weekdayOf(autumn.halfTermStart)).toBe(1);
    expect(autumn.halfTermEnd).toBe(addDays(autumn.halfTermStart, 4));
    expect(localDateParts(autumn.halfTermEnd).month).toBe(10);
    expect(localDateParts(addDays(autumn.halfTermEnd, 7)).month).toBe(11);
  });

  it('gives about two weeks at Christmas and starts spring after New Year', () => {
    const holiday = daysBetween(autumn.end, spring.start) - 1;
    expect(holiday).toBeGreaterThanOrEqual(14);
    expect(holiday).toBeLessThanOrEqual(18);
    expect(autumn.end < `${startYear}-12-24`).toBe(true);
    expect(spring.start >= `${next}-01-04`).toBe(true);
  });

  it('takes spring half-term in mid-February (the Monday from 12 to 18 February)', () => {
    expect(weekdayOf(spring.halfTermStart)).toBe(1);
    expect(spring.halfTermStart >= `${next}-02-12` && spring.halfTermStart <= `${next}-02-18`).toBe(true);
  });

  it('keeps Good Friday, Easter Sunday and Easter Monday in a two-week-plus Easter holiday', () => {
    for (const day of [addDays(easter, -2), easter, addDays(easter, 1)]) {
      expect(day > spring.end && day < summer.start).toBe(true);
    }
    expect(daysBetween(spring.end, summer.start) - 1).toBeGreaterThanOrEqual(14);
    expect(daysBetween(spring.end, summer.start) - 1).toBeLessThanOrEqual(19);
  });

  it('takes summer half-term in the week of the Spring bank holiday', () => {
    expect(summer.halfTermStart).toBe(lastWeekdayOfMonth(next, 5, 1));
    expect(bankHolidays.has(summer.halfTermStart)).toBe(true);
  });

  it('ends summer around 21 July', () => {
    expect(summer.end >= `${next}-07-17` && summer.end <= `${next}-07-23`).toBe(true);
  });

  it('has 193-197 working days, enough for 190 pupil days and 5 INSET days', () => {
    const days = daysInTerm(year);
    expect(days).toBeGreaterThanOrEqual(193);
    expect(days).toBeLessThanOrEqual(197);
  });
});
