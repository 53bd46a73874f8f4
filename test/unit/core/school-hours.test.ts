import { parseSchoolHours, parseTimeOfDay, schoolHoursOf } from '../../../src/core/school-hours';

describe("a school's own day", () => {
  it('reads times of day', () => {
    expect(parseTimeOfDay('8:45')).toBe('08:45');
    expect(parseTimeOfDay('08.45')).toBe('08:45');
    expect(parseTimeOfDay('15:30')).toBe('15:30');
    expect(parseTimeOfDay('24:00')).toBeNull();
    expect(parseTimeOfDay('8:60')).toBeNull();
    expect(parseTimeOfDay('quarter to nine')).toBeNull();
  });

  it('takes both times, start before end, or neither (the default day)', () => {
    expect(parseSchoolHours('8:45', '15:30')).toEqual({ ok: true, value: { start: '08:45', end: '15:30' } });
    expect(parseSchoolHours(' ', '')).toEqual({ ok: true, value: null });
    expect(parseSchoolHours('08:45', '')).toEqual({ ok: false, error: 'only-one' });
    expect(parseSchoolHours('15:30', '08:45')).toEqual({ ok: false, error: 'start-not-before-end' });
    expect(parseSchoolHours('09:00', '09:00')).toEqual({ ok: false, error: 'start-not-before-end' });
    expect(parseSchoolHours('nine', '15:30')).toEqual({ ok: false, error: 'bad-time' });
  });

  it('uses the stored day only when both ends are set', () => {
    expect(schoolHoursOf({ dayStart: '08:45', dayEnd: '15:30' })).toEqual({ start: '08:45', end: '15:30' });
    expect(schoolHoursOf({ dayStart: '08:45', dayEnd: null })).toBeNull();
    expect(schoolHoursOf({})).toBeNull();
  });
});
