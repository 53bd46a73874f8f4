import { Weekday, weekdayOf } from '../../../src/calendar/local-date';
import { localDateOf, localTimeOf } from '../../../src/calendar/london-time';
import { WeeklyRule, describeWeeklyRule, nextOccurrence, parseWeeklyRule, validateWeeklyRule } from '../../../src/calendar/weekly-rule';
import { calendarWithInset, trustCalendar, utc } from './fixtures';

const WEEKDAYS: Weekday[] = [1, 2, 3, 4, 5];

describe('parseWeeklyRule accepts en-GB phrases', () => {
  it.each<[string, Weekday[], string]>([
    ['Tuesdays at 15:45', [2], '15:45'],
    ['Monday 08:00', [1], '08:00'],
    ['weekdays at 9:30', WEEKDAYS, '09:30'],
    ['Mon, Wed 16:00', [1, 3], '16:00'],
    ['Tuesday at 15:45', [2], '15:45'],
    ['every Tuesday at 15:45', [2], '15:45'],
    ['on Thursdays at 12:30', [4], '12:30'],
    ['  TUESDAYS   AT  15:45  ', [2], '15:45'],
    ['Tuesdays at 15:45.', [2], '15:45'],
    ['Mondays and Thursdays at 12:30', [1, 4], '12:30'],
    ['Mondays, Wednesdays and Fridays at 16:00', [1, 3, 5], '16:00'],
    ['Tue & Thu @ 10:00', [2, 4], '10:00'],
    ['tues/thurs 10:00', [2, 4], '10:00'],
    ['Weds 07:30', [3], '07:30'],
    ['Thur 07:30', [4], '07:30'],
    ['Mon-Fri at 3.45pm', WEEKDAYS, '15:45'],
    ['Monday to Friday at 08:15', WEEKDAYS, '08:15'],
    ['mon - wed 11:00', [1, 2, 3], '11:00'],
    ['Fri-Mon 10:00', [0, 1, 5, 6], '10:00'],
    ['every weekday at 9am', WEEKDAYS, '09:00'],
    ['every day at 09:00', [0, 1, 2, 3, 4, 5, 6], '09:00'],
    ['daily at 17:00', [0, 1, 2, 3, 4, 5, 6], '17:00'],
    ['Wed, Wed 16:00', [3], '16:00'],
    ['Sat 10:00', [6], '10:00'],
    ['Sundays at 00:30', [0], '00:30'],
    ['Mondays at 2:00', [1], '02:00'],
  ])('%p', (text, weekdays, time) => {
    expect(parseWeeklyRule(text)).toEqual({ ok: true, rule: { weekdays, time } });
  });
});

describe('parseWeeklyRule rejects bad input with a clear reason', () => {
  it.each<[string, RegExp]>([
    ['', /The schedule is empty/],
    ['   ', /The schedule is empty/],
    ['Funday 10:00', /"Funday" is not a day of the week/],
    ['Mondays and Fundays at 10:00', /"Fundays" is not a day of the week/],
    ['Tuesdays at 25:00', /"25:00" is not a valid time: hours must be 00-23/],
    ['25:00', /hours must be 00-23/],
    ['Tuesdays at 15:60', /minutes must be 00-59/],
    ['01:30', /01:30 cannot be scheduled.*clocks change/],
    ['Mondays at 01:30', /01:30 cannot be scheduled.*clocks change/],
    ['Sundays at 1:00am', /01:00 cannot be scheduled/],
    ['Tuesdays', /No time found/],
    ['Tuesdays at noon', /No time found/],
    ['Tuesdays at 10', /"10" is not a time/],
    ['15:45', /Say which days/],
    ['at 15:45', /Say which days/],
    ['every at 15:45', /Say which days/],
    ['Mon- at 10:00', /"mon-" is not a day range/],
    ['Mon-Wed-Fri 10:00', /"mon-wed-fri" is not a day range/],
    ['weekdays-fri 10:00', /"weekdays-fri" is not a day range/],
  ])('%p', (text, message) => {
    const result = parseWeeklyRule(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it('suggests the accepted forms', () => {
    const result = parseWeeklyRule('Funday 10:00');
    expect(!result.ok && result.error).toMatch(/for example "Tuesdays at 15:45"/);
  });
});

describe('describeWeeklyRule', () => {
  it.each<[WeeklyRule, string]>([
    [{ weekdays: [2], time: '15:45' }, 'Tuesdays at 15:45'],
    [{ weekdays: WEEKDAYS, time: '09:30' }, 'Weekdays at 09:30'],
    [{ weekdays: [1, 3], time: '16:00' }, 'Mondays and Wednesdays at 16:00'],
    [{ weekdays: [5, 1, 3], time: '16:00' }, 'Mondays, Wednesdays and Fridays at 16:00'],
    [{ weekdays: [0, 1, 5], time: '10:00' }, 'Mondays, Fridays and Sundays at 10:00'],
    [{ weekdays: [0, 1, 2, 3, 4, 5, 6], time: '09:00' }, 'Every day at 09:00'],
    [{ weekdays: [6, 0], time: '11:00' }, 'Saturdays and Sundays at 11:00'],
  ])('%j → %p', (rule, text) => {
    expect(describeWeeklyRule(rule)).toBe(text);
  });

  it('reads back to the same rule for every single day and common sets', () => {
    const sets: Weekday[][] = [
      [0],
      [1],
      [2],
      [3],
      [4],
      [5],
      [6],
      WEEKDAYS,
      [1, 3],
      [1, 3, 5],
      [2, 4],
      [0, 6],
      [0, 1, 2, 3, 4, 5, 6],
      [1, 2, 3, 4],
    ];
    for (const weekdays of sets) {
      for (const time of ['00:00', '08:00', '15:45', '23:59']) {
        const rule = { weekdays, time };
        expect(parseWeeklyRule(describeWeeklyRule(rule))).toEqual({ ok: true, rule });
      }
    }
  });
});

describe('validateWeeklyRule', () => {
  it('accepts a good rule and lists problems with a bad one', () => {
    expect(validateWeeklyRule({ weekdays: [2], time: '15:45' })).toEqual([]);
    expect(validateWeeklyRule({ weekdays: [], time: '15:45' })).toEqual(['A weekly rule needs at least one day']);
    expect(validateWeeklyRule({ weekdays: [7 as Weekday], time: '15:45' })).toEqual(['Weekdays must be 0 (Sunday) to 6 (Saturday)']);
    expect(validateWeeklyRule({ weekdays: [2], time: '9:30' })).toEqual(['"9:30" is not a time in the form HH:mm']);
    expect(validateWeeklyRule({ weekdays: [0], time: '01:30' })).toEqual(['01:30 is in the 01:00-01:59 clock-change hour']);
  });
});

describe('nextOccurrence without a calendar', () => {
  const tuesdays = { weekdays: [2] as Weekday[], time: '15:45' };

  it('is strictly after `after`', () => {
    expect(nextOccurrence(tuesdays, utc('2026-10-20T14:44:59.999Z'))?.toISOString()).toBe('2026-10-20T14:45:00.000Z');
    expect(nextOccurrence(tuesdays, utc('2026-10-20T14:45:00.000Z'))?.toISOString()).toBe('2026-10-27T15:45:00.000Z');
  });

  it('follows London wall-clock across the October change', () => {
    const mondays = { weekdays: [1] as Weekday[], time: '08:00' };
    expect(nextOccurrence(mondays, utc('2026-10-19T06:00:00Z'))?.toISOString()).toBe('2026-10-19T07:00:00.000Z');
    expect(nextOccurrence(mondays, utc('2026-10-23T12:00:00Z'))?.toISOString()).toBe('2026-10-26T08:00:00.000Z');
    const fridays = { weekdays: [5] as Weekday[], time: '15:45' };
    expect(nextOccurrence(fridays, utc('2026-10-20T00:00:00Z'))?.toISOString()).toBe('2026-10-23T14:45:00.000Z');
  });

  it('follows London wall-clock across the March change', () => {
    const mondays = { weekdays: [1] as Weekday[], time: '15:45' };
    expect(nextOccurrence(mondays, utc('2027-03-22T16:00:00Z'))?.toISOString()).toBe('2027-03-29T14:45:00.000Z');
    const sundays = { weekdays: [0] as Weekday[], time: '02:00' };
    expect(nextOccurrence(sundays, utc('2027-03-27T12:00:00Z'))?.toISOString()).toBe('2027-03-28T01:00:00.000Z');
    expect(nextOccurrence(sundays, utc('2026-10-24T12:00:00Z'))?.toISOString()).toBe('2026-10-25T02:00:00.000Z');
  });

  it('uses the London date of `after`, not the UTC date', () => {
    // 23:30Z on Monday 31 August is 00:30 BST on Tuesday 1 September.
    const rule = { weekdays: [2] as Weekday[], time: '00:45' };
    expect(nextOccurrence(rule, utc('2026-08-31T23:30:00Z'))?.toISOString()).toBe('2026-08-31T23:45:00.000Z');
  });

  it('never skips an occurrence, checked hour by hour through October 2026', () => {
    const rule = { weekdays: [1, 3] as Weekday[], time: '09:30' };
    for (let t = Date.parse('2026-10-01T00:00:00Z'); t < Date.parse('2026-11-01T00:00:00Z'); t += 3_600_000) {
      const next = nextOccurrence(rule, new Date(t));
      expect(next).not.toBeNull();
      expect(next!.getTime()).toBeGreaterThan(t);
      expect(localTimeOf(next!)).toBe('09:30');
      expect([1, 3]).toContain(weekdayOf(localDateOf(next!)));
      // Mon and Wed are at most 5 days apart, so nothing later than that (+1h for a clock change).
      expect(next!.getTime() - t).toBeLessThanOrEqual(5 * 86_400_000 + 3_600_000);
    }
  });

  it('returns null when no allowed day falls within limitDays', () => {
    expect(nextOccurrence(tuesdays, utc('2026-10-20T16:00:00Z'), () => false)).toBeNull();
    expect(nextOccurrence(tuesdays, utc('2026-10-21T12:00:00Z'), undefined, 6)).toBeNull();
    expect(nextOccurrence(tuesdays, utc('2026-10-21T12:00:00Z'), undefined, 7)?.toISOString()).toBe('2026-10-27T15:45:00.000Z');
  });

  it('refuses an invalid rule', () => {
    expect(() => nextOccurrence({ weekdays: [0], time: '01:30' }, utc('2026-10-20T00:00:00Z'))).toThrow(/Invalid weekly rule: 01:30/);
    expect(() => nextOccurrence({ weekdays: [], time: '10:00' }, utc('2026-10-20T00:00:00Z'))).toThrow(/at least one day/);
  });
});

describe('nextOccurrence with a school calendar', () => {
  const calendar = trustCalendar();
  const schoolDay = (d: string) => calendar.isSchoolDay(d);

  it('skips autumn half-term (and lands after the clock change)', () => {
    const rule = { weekdays: [2] as Weekday[], time: '15:45' };
    expect(nextOccurrence(rule, utc('2026-10-20T15:00:00Z'), schoolDay)?.toISOString()).toBe('2026-11-03T15:45:00.000Z');
  });

  it('skips the Early May bank holiday', () => {
    const rule = { weekdays: [1] as Weekday[], time: '08:00' };
    expect(nextOccurrence(rule, utc('2027-04-30T12:00:00Z'), schoolDay)?.toISOString()).toBe('2027-05-10T07:00:00.000Z');
  });

  it('skips the Spring bank holiday and summer half-term', () => {
    const rule = { weekdays: [1] as Weekday[], time: '08:00' };
    expect(nextOccurrence(rule, utc('2027-05-28T12:00:00Z'), schoolDay)?.toISOString()).toBe('2027-06-07T07:00:00.000Z');
  });

  it('skips the Christmas holidays, including the Boxing Day substitute', () => {
    const rule = { weekdays: [1] as Weekday[], time: '08:00' };
    expect(nextOccurrence(rule, utc('2026-12-18T12:00:00Z'), schoolDay)?.toISOString()).toBe('2027-01-04T08:00:00.000Z');
  });

  it('skips Easter (Good Friday, Easter Monday and the holiday) and the March clock change', () => {
    const weekdays = { weekdays: WEEKDAYS, time: '09:30' };
    expect(nextOccurrence(weekdays, utc('2027-03-25T12:00:00Z'), schoolDay)?.toISOString()).toBe('2027-04-12T08:30:00.000Z');
  });

  it('skips INSET days', () => {
    const inset = calendarWithInset();
    const allowed = (d: string) => inset.isSchoolDay(d);
    expect(nextOccurrence({ weekdays: [2], time: '15:45' }, utc('2026-08-31T00:00:00Z'), allowed)?.toISOString()).toBe(
      '2026-09-08T14:45:00.000Z',
    );
    expect(nextOccurrence({ weekdays: WEEKDAYS, time: '09:30' }, utc('2026-08-31T00:00:00Z'), allowed)?.toISOString()).toBe(
      '2026-09-03T08:30:00.000Z',
    );
    // Without INSET days, term starts on Tuesday 1 September.
    expect(nextOccurrence({ weekdays: [2], time: '15:45' }, utc('2026-08-31T00:00:00Z'), schoolDay)?.toISOString()).toBe(
      '2026-09-01T14:45:00.000Z',
    );
  });

  it('returns null after the last term the calendar knows', () => {
    expect(nextOccurrence({ weekdays: WEEKDAYS, time: '09:30' }, utc('2027-07-21T12:00:00Z'), schoolDay)).toBeNull();
  });
});
