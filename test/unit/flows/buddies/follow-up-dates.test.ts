import { DEFAULT_BANK_HOLIDAYS, SchoolCalendar, defaultAcademicYear } from '../../../../src/calendar';
import { followUpDates } from '../../../../src/flows/buddies/follow-up-dates';

// The default English pattern: autumn half-term 26-30 October 2026, Christmas from 19 December,
// spring term from 4 January 2027, the summer term ends on Wednesday 21 July 2027.
const calendar = new SchoolCalendar({ years: [defaultAcademicYear(2026), defaultAcademicYear(2027)], bankHolidays: DEFAULT_BANK_HOLIDAYS });
const iso = (d: Date | null) => d?.toISOString() ?? null;

describe('followUpDates', () => {
  it('asks 2 and 6 weeks after approval, at the time of day it was approved, when those are school days', () => {
    const dates = followUpDates({ approvedAt: new Date('2026-11-02T09:30:00Z'), endsOn: '2027-07-21' }, calendar);
    expect(iso(dates.week2)).toBe('2026-11-16T09:30:00.000Z');
    expect(iso(dates.week6)).toBe('2026-12-14T09:30:00.000Z');
    // 10:00 London in summer time.
    expect(iso(dates.closing)).toBe('2027-07-21T09:00:00.000Z');
  });

  it('moves a follow-up that falls in a holiday on to the next school day', () => {
    // Two weeks after Friday 11 December is Christmas Day: the next school day is Monday 4 January.
    const christmas = followUpDates({ approvedAt: new Date('2026-12-11T14:00:00Z'), endsOn: null }, calendar);
    expect(iso(christmas.week2)).toBe('2027-01-04T14:00:00.000Z');
    expect(iso(christmas.week6)).toBe('2027-01-22T14:00:00.000Z');
    expect(christmas.closing).toBeNull();
    // Two weeks after 12 October (10:00 BST) is half-term: Monday 2 November, 10:00 GMT.
    const halfTerm = followUpDates({ approvedAt: new Date('2026-10-12T09:00:00Z'), endsOn: null }, calendar);
    expect(iso(halfTerm.week2)).toBe('2026-11-02T10:00:00.000Z');
  });

  it('moves an end date that is not a school day back to the last school day before it', () => {
    const dates = followUpDates({ approvedAt: null, endsOn: '2027-07-24' }, calendar);
    expect(dates.week2).toBeNull();
    expect(iso(dates.closing)).toBe('2027-07-21T09:00:00.000Z');
  });

  it('keeps the date when the calendar knows no school day near it', () => {
    const empty = { isSchoolDay: () => false };
    const dates = followUpDates({ approvedAt: new Date('2026-11-02T09:30:00Z'), endsOn: '2027-07-21' }, empty);
    expect(iso(dates.week2)).toBe('2026-11-16T09:30:00.000Z');
    expect(iso(dates.closing)).toBe('2027-07-21T09:00:00.000Z');
  });
});
