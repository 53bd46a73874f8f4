import { planMove } from '../../../src/meetings/move-occurrence';
import { Y2026, londonClock, school } from './fixtures';

const request = { time: '15:45', durationMinutes: 60, today: '2026-09-01' };

describe('planMove', () => {
  it('accepts a school day for everyone and gives London instants', () => {
    const result = planMove({ ...request, date: '2026-11-17' }, [school('a'), school('b')]);
    if (!result.ok) throw new Error(result.error);
    expect(result.value.schoolsOff).toEqual([]);
    expect(result.value.cautions).toEqual([]);
    expect(londonClock(result.value.startsAt)).toEqual({ date: '2026-11-17', time: '15:45' });
  });

  it('names a school that is off (INSET) but still lets the leader choose the date', () => {
    const result = planMove({ ...request, date: '2026-11-17' }, [school('a'), school('b', { inset: ['2026-11-17'] })]);
    expect(result).toMatchObject({ ok: true, value: { schoolsOff: [{ id: 'b', verdict: 'inset-day' }] } });
  });

  it('warns about the first week of a term', () => {
    const result = planMove({ ...request, date: Y2026.terms[1].start }, [school('a')]);
    expect(result).toMatchObject({ ok: true, value: { cautions: [{ id: 'a', verdict: 'first-week' }] } });
  });

  it.each([
    ['a weekend', '2026-11-14', 'no-school-in'],
    ['half-term', Y2026.terms[0].halfTermStart, 'no-school-in'],
    ['a bank holiday', '2027-05-03', 'no-school-in'],
    ['the summer holiday', '2027-08-10', 'outside-school-year'],
    ['a date that does not exist', '2026-11-31', 'bad-date'],
    ['the past', '2026-08-01', 'in-the-past'],
  ])('refuses %s', (_name, date, error) => {
    expect(planMove({ ...request, date }, [school('a')])).toMatchObject({ ok: false, error });
  });

  it('refuses the clock-change hour and bad durations', () => {
    expect(planMove({ ...request, date: '2026-11-17', time: '01:15' }, [school('a')])).toMatchObject({
      error: 'time-in-clock-change-hour',
    });
    expect(planMove({ ...request, date: '2026-11-17', durationMinutes: 5 }, [school('a')])).toMatchObject({ error: 'bad-duration' });
    expect(planMove({ ...request, date: '2026-11-17' }, [])).toMatchObject({ error: 'no-schools' });
  });
});
