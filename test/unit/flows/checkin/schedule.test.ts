import { DEFAULT_BANK_HOLIDAYS, SchoolCalendar, defaultAcademicYear, parseWeeklyRule, type WeeklyRule } from '../../../../src/calendar';
import type { CheckinRound } from '../../../../src/core/checkin/model';
import { reminderTimes } from '../../../../src/flows/checkin/rounds';
import { closingTime, nextPeriod, periodAt, periodBounds, planNextRound, planRound } from '../../../../src/flows/checkin/schedule';

const calendar = new SchoolCalendar({
  years: [defaultAcademicYear(2025), defaultAcademicYear(2026), defaultAcademicYear(2027)],
  bankHolidays: DEFAULT_BANK_HOLIDAYS,
});
const rule = (text: string): WeeklyRule => {
  const parsed = parseWeeklyRule(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.rule;
};

describe('check-in schedule', () => {
  it('starts a termly round now and closes it ten school days later at 17:00', () => {
    const plan = planRound(calendar, new Date('2026-09-15T14:45:00Z'), 'termly', null);
    expect(plan).toEqual({
      ok: true,
      value: {
        period: { year: '2026-27', term: 'autumn', half: null },
        opensAt: new Date('2026-09-15T14:45:00Z'),
        closesAt: new Date('2026-09-29T16:00:00Z'),
      },
    });
  });

  it('schedules at the next school-day occurrence of the rule', () => {
    // Saturday 12 September 2026 -> Tuesday 15 September 15:45 (BST).
    const plan = planRound(calendar, new Date('2026-09-12T10:00:00Z'), 'termly', rule('Tuesday 15:45'));
    expect(plan.ok && plan.value.opensAt).toEqual(new Date('2026-09-15T14:45:00Z'));
    // In half-term (26-30 October 2026) the rule waits for the next school Tuesday.
    const halfTerm = planRound(calendar, new Date('2026-10-26T10:00:00Z'), 'half-termly', rule('Tuesday 15:45'));
    expect(halfTerm.ok && halfTerm.value).toMatchObject({ opensAt: new Date('2026-11-03T15:45:00Z'), period: { term: 'autumn', half: 2 } });
  });

  it('starting in the holidays takes the coming term', () => {
    const plan = planRound(calendar, new Date('2026-08-10T10:00:00Z'), 'termly', null);
    expect(plan.ok && plan.value.period).toEqual({ year: '2026-27', term: 'autumn', half: null });
  });

  it('never closes after the end of the period', () => {
    const period = { year: '2026-27', term: 'autumn' as const, half: 1 as const };
    expect(periodBounds(calendar, period)).toEqual({ start: '2026-09-01', end: '2026-10-25' });
    // The last school day before half-term is Friday 23 October.
    expect(closingTime(calendar, new Date('2026-10-19T09:00:00Z'), period)).toEqual(new Date('2026-10-23T16:00:00Z'));
    // Opened on the last day after 17:00: closes the next school day.
    expect(closingTime(calendar, new Date('2026-10-23T17:00:00Z'), period)).toEqual(new Date('2026-11-02T17:00:00Z'));
  });

  it('knows the period of a date and the period after it', () => {
    expect(periodAt(calendar, '2027-02-25', 'half-termly')).toEqual({ year: '2026-27', term: 'spring', half: 2 });
    expect(periodAt(calendar, '2026-12-25', 'termly')).toBeNull();
    expect(nextPeriod(calendar, { year: '2026-27', term: 'autumn', half: null }, 'termly')).toEqual({
      year: '2026-27',
      term: 'spring',
      half: null,
    });
    expect(nextPeriod(calendar, { year: '2026-27', term: 'summer', half: null }, 'termly')).toEqual({
      year: '2027-28',
      term: 'autumn',
      half: null,
    });
    expect(nextPeriod(calendar, { year: '2026-27', term: 'spring', half: 1 }, 'half-termly')).toEqual({
      year: '2026-27',
      term: 'spring',
      half: 2,
    });
    expect(nextPeriod(calendar, { year: '2027-28', term: 'summer', half: null }, 'termly')).toBeNull();
  });

  it('plans the next round after the first week of its term', () => {
    const next = planNextRound(calendar, { year: '2026-27', term: 'autumn', half: null }, 'termly', rule('Tuesdays at 15:45'));
    expect(next).toEqual({
      period: { year: '2026-27', term: 'spring', half: null },
      opensAt: new Date('2027-01-12T15:45:00Z'),
      closesAt: new Date('2027-01-26T17:00:00Z'),
    });
  });

  it('reminds on the fifth school day and on the last school day before closing', () => {
    const round = { opensAt: new Date('2026-09-15T14:45:00Z'), closesAt: new Date('2026-09-29T16:00:00Z') } as CheckinRound;
    expect(reminderTimes(round, calendar)).toEqual([
      { occasion: 'first', at: new Date('2026-09-22T14:45:00Z') },
      { occasion: 'last', at: new Date('2026-09-28T14:45:00Z') },
    ]);
    const short = { opensAt: new Date('2026-09-15T20:00:00Z'), closesAt: new Date('2026-09-17T16:00:00Z') } as CheckinRound;
    expect(reminderTimes(short, calendar)).toEqual([{ occasion: 'last', at: new Date('2026-09-16T08:00:00Z') }]);
  });
});
