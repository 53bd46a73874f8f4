import { LocalDate, TUESDAY, Weekday, addDays, eachLocalDate, weekdayOf } from '../../../src/calendar';
import { AudienceSchool } from '../../../src/meetings/day-check';
import { ProposedOccurrence, SeriesSpec, proposeSeriesDates } from '../../../src/meetings/propose-dates';
import { Y2026, londonClock, school } from './fixtures';

const base: SeriesSpec = { yearLabel: '2026-27', perTerm: 1, weekday: TUESDAY, time: '15:45', durationMinutes: 90 };

function propose(spec: Partial<SeriesSpec>, schools: AudienceSchool[] = [school('a')]): ProposedOccurrence[] {
  const result = proposeSeriesDates({ ...base, ...spec }, schools);
  if (!result.ok) throw new Error(`expected a proposal, got ${result.error} ${result.detail ?? ''}`);
  return result.value.occurrences;
}

/** Rule check written against the raw term data, not the proposer's helpers. */
function breaches(o: ProposedOccurrence, s: AudienceSchool): string[] {
  const problems: string[] = [];
  const term = s.calendar.term(o.yearLabel, o.term);
  if (!s.calendar.isSchoolDay(o.date)) problems.push('not a school day');
  if (o.date >= term.halfTermStart && o.date <= term.halfTermEnd) problems.push('half-term');
  const firstWeekEnd = addDays(term.start, 7 - ((weekdayOf(term.start) + 6) % 7));
  if (o.date < firstWeekEnd) problems.push('first week');
  const lastWeekStart = addDays(term.end, -((weekdayOf(term.end) + 6) % 7));
  if (o.date >= lastWeekStart) problems.push('last week');
  return problems;
}

describe('proposeSeriesDates', () => {
  it('proposes one date a term on the preferred weekday, at the London time, for a whole year', () => {
    const occurrences = propose({});
    expect(occurrences.map((o) => o.key)).toEqual(['2026-27/autumn/1', '2026-27/spring/1', '2026-27/summer/1']);
    for (const o of occurrences) {
      expect(weekdayOf(o.date)).toBe(TUESDAY);
      expect(londonClock(o.startsAt)).toEqual({ date: o.date, time: '15:45' });
      expect(o.endsAt.getTime() - o.startsAt.getTime()).toBe(90 * 60_000);
      expect(o.schoolsOff).toEqual([]);
      expect(breaches(o, school('a'))).toEqual([]);
    }
  });

  it('writes GMT and BST instants correctly on either side of the clock changes', () => {
    const [autumn, spring, summer] = propose({ weekday: 3 as Weekday, time: '16:00' });
    for (const o of [autumn, spring, summer]) {
      // BST ended on 25 October 2026 and starts again on 28 March 2027.
      const summerTime = o!.date < '2026-10-25' || (o!.date > '2027-03-28' && o!.date < '2027-10-31');
      expect(o!.startsAt.toISOString().slice(11, 16)).toBe(summerTime ? '15:00' : '16:00');
    }
  });

  it('keeps one meeting a term near the middle of the term', () => {
    for (const o of propose({})) {
      const term = Y2026.terms.find((t) => t.name === o.term)!;
      const days = [...eachLocalDate(term.start, term.end)];
      const position = days.indexOf(o.date) / days.length;
      expect(position).toBeGreaterThan(0.3);
      expect(position).toBeLessThan(0.7);
    }
  });

  it.each([1, 2, 3, 4, 5] as Weekday[])('places two a term, at least two weeks apart, one in each half, on weekday %i', (weekday) => {
    const s = school('a');
    const occurrences = propose({ perTerm: 2, weekday }, [s]);
    expect(occurrences).toHaveLength(6);
    for (const name of ['autumn', 'spring', 'summer'] as const) {
      const [first, second] = occurrences.filter((o) => o.term === name);
      const term = Y2026.terms.find((t) => t.name === name)!;
      expect(first!.date < term.halfTermStart).toBe(true);
      expect(second!.date > term.halfTermEnd).toBe(true);
      expect(first!.index).toBe(1);
      expect(second!.index).toBe(2);
    }
    for (const o of occurrences) {
      expect(weekdayOf(o.date)).toBe(weekday);
      expect(breaches(o, s)).toEqual([]);
    }
  });

  it('moves off a date that becomes an INSET day', () => {
    const [autumn] = propose({});
    const withInset = propose({}, [school('a', { inset: [autumn!.date] })]);
    expect(withInset[0]!.date).not.toBe(autumn!.date);
    expect(weekdayOf(withInset[0]!.date)).toBe(TUESDAY);
  });

  it('never uses a bank holiday Monday (Early May is in the summer term)', () => {
    const all = [...propose({ weekday: 1 as Weekday, perTerm: 2 }), ...propose({ weekday: 1 as Weekday, perTerm: 1 })];
    for (const o of all) expect(['2026-08-31', '2026-12-28', '2027-03-29', '2027-05-03', '2027-05-31']).not.toContain(o.date);
    for (const o of all) expect(breaches(o, school('a'))).toEqual([]);
  });

  it('finds dates that suit schools with different half-terms and term starts', () => {
    const shifted = {
      ...Y2026,
      terms: [
        { ...Y2026.terms[0], start: '2026-09-07', halfTermStart: '2026-11-02', halfTermEnd: '2026-11-06' },
        { ...Y2026.terms[1], halfTermStart: '2027-02-22', halfTermEnd: '2027-02-26' },
        Y2026.terms[2],
      ] as typeof Y2026.terms,
    };
    const schools = [school('a'), school('b', { overrides: [shifted] })];
    for (const perTerm of [1, 2] as const) {
      for (const weekday of [1, 2, 3, 4, 5] as Weekday[]) {
        const occurrences = propose({ perTerm, weekday }, schools);
        expect(occurrences).toHaveLength(3 * perTerm);
        for (const o of occurrences) {
          expect(o.schoolsOff).toEqual([]);
          for (const s of schools) expect(breaches(o, s)).toEqual([]);
        }
      }
    }
  });

  it('names the schools that are off when no date suits everyone', () => {
    const autumn = Y2026.terms[0];
    const everyAutumnTuesday = [...eachLocalDate(autumn.start, autumn.end)].filter(
      (d) => weekdayOf(d) === TUESDAY && (d < autumn.halfTermStart || d > autumn.halfTermEnd),
    );
    const schools = [school('a'), school('b', { inset: everyAutumnTuesday })];
    const occurrences = propose({}, schools);
    expect(occurrences.find((o) => o.term === 'autumn')!.schoolsOff).toEqual(['b']);
    expect(occurrences.find((o) => o.term === 'spring')!.schoolsOff).toEqual([]);
    expect(breaches(occurrences[0]!, schools[0]!)).toEqual([]);
  });

  it('skips meetings already passed when a series starts mid-year', () => {
    const result = proposeSeriesDates({ ...base, perTerm: 2, notBefore: '2027-01-15' }, [school('a')]);
    if (!result.ok) throw new Error(result.error);
    expect(result.value.skipped.map((s) => [s.key, s.reason])).toEqual([
      ['2026-27/autumn/1', 'already-passed'],
      ['2026-27/autumn/2', 'already-passed'],
    ]);
    expect(result.value.occurrences.map((o) => o.key)).toEqual([
      '2026-27/spring/1',
      '2026-27/spring/2',
      '2026-27/summer/1',
      '2026-27/summer/2',
    ]);
    for (const o of result.value.occurrences) expect(o.date >= '2027-01-15').toBe(true);
  });

  it('still places the last meeting of a term whose target has passed while the term runs', () => {
    const spring = Y2026.terms[1];
    const notBefore = addDays(spring.halfTermEnd, 3);
    const result = proposeSeriesDates({ ...base, notBefore }, [school('a')]);
    if (!result.ok) throw new Error(result.error);
    const springMeeting = result.value.occurrences.find((o) => o.term === 'spring');
    expect(springMeeting!.date >= notBefore).toBe(true);
    expect(breaches(springMeeting!, school('a'))).toEqual([]);
  });

  it('works for the following school year too', () => {
    const occurrences = propose({ yearLabel: '2027-28', perTerm: 2 });
    expect(occurrences).toHaveLength(6);
    for (const o of occurrences) expect(breaches(o, school('a'))).toEqual([]);
  });

  describe('bad input is a coded result, never a silent schedule', () => {
    const cases: Array<[string, Partial<SeriesSpec>, AudienceSchool[] | undefined, string]> = [
      ['no audience schools', {}, [], 'no-schools'],
      ['a Saturday', { weekday: 6 as Weekday }, undefined, 'bad-weekday'],
      ['a Sunday', { weekday: 0 as Weekday }, undefined, 'bad-weekday'],
      ['a time that is not a time', { time: '25:00' }, undefined, 'bad-time'],
      ['a time written loosely', { time: '3pm' }, undefined, 'bad-time'],
      ['01:30, skipped in March and repeated in October', { time: '01:30' }, undefined, 'time-in-clock-change-hour'],
      ['no duration', { durationMinutes: 0 }, undefined, 'bad-duration'],
      ['a ten-hour meeting', { durationMinutes: 600 }, undefined, 'bad-duration'],
      ['a fractional duration', { durationMinutes: 30.5 }, undefined, 'bad-duration'],
      ['a meeting running past midnight', { time: '23:30', durationMinutes: 60 }, undefined, 'ends-after-midnight'],
      ['a malformed start date', { notBefore: '2026-02-30' }, undefined, 'bad-date'],
      ['a year not in the calendar', { yearLabel: '2030-31' }, undefined, 'year-not-in-calendar'],
      ['a start after the school year', { notBefore: '2027-08-01' }, undefined, 'outside-school-year'],
      ['a start in the last week of the year', { notBefore: '2027-07-19' }, undefined, 'no-school-days-left'],
    ];
    it.each(cases)('%s', (_name, spec, schools, error) => {
      const result = proposeSeriesDates({ ...base, ...spec }, schools ?? [school('a')]);
      expect(result).toMatchObject({ ok: false, error });
    });

    it('says which school has no calendar for the year', () => {
      const result = proposeSeriesDates(base, [school('a'), school('b', { years: [Y2026] }), school('c', { years: [] })]);
      expect(result).toEqual({ ok: false, error: 'year-not-in-calendar', detail: 'School C' });
    });

    it('refuses a series when every candidate day is off for every school', () => {
      const allTuesdays = Y2026.terms.flatMap((term) =>
        [...eachLocalDate(term.start, term.end)].filter(
          (d: LocalDate) => weekdayOf(d) === TUESDAY && (d < term.halfTermStart || d > term.halfTermEnd),
        ),
      );
      const result = proposeSeriesDates(base, [school('a', { inset: allTuesdays })]);
      expect(result).toMatchObject({ ok: false, error: 'no-school-days-left' });
    });
  });
});
