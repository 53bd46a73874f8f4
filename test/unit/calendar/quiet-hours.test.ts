import { DEFAULT_SCHOOL_HOURS, SchoolDayCalendar, isWithinSchoolHours, nextAllowedInstant } from '../../../src/calendar/quiet-hours';
import { trustCalendar, utc } from './fixtures';

const calendar = trustCalendar();
const iso = (d: Date | null) => d?.toISOString() ?? null;

describe('isWithinSchoolHours (08:00 inclusive to 17:30 exclusive, London)', () => {
  it('uses the default hours', () => {
    expect(DEFAULT_SCHOOL_HOURS).toEqual({ start: '08:00', end: '17:30' });
  });

  it.each([
    ['2026-11-03T07:59:59Z', false, 'GMT, 07:59'],
    ['2026-11-03T08:00:00Z', true, 'GMT, 08:00'],
    ['2026-11-03T17:29:59Z', true, 'GMT, 17:29'],
    ['2026-11-03T17:30:00Z', false, 'GMT, 17:30'],
    ['2026-09-08T06:59:00Z', false, 'BST, 07:59'],
    ['2026-09-08T07:00:00Z', true, 'BST, 08:00'],
    ['2026-09-08T16:29:00Z', true, 'BST, 17:29'],
    ['2026-09-08T16:30:00Z', false, 'BST, 17:30'],
    ['2026-10-23T16:00:00Z', true, 'Friday before the change, 17:00 BST'],
    ['2026-10-26T12:00:00Z', false, 'half-term noon'],
    ['2026-11-07T12:00:00Z', false, 'Saturday noon'],
    ['2027-05-03T11:00:00Z', false, 'Early May bank holiday noon'],
    ['2027-08-02T11:00:00Z', false, 'summer holiday noon'],
    ['2026-09-01T23:30:00Z', false, '00:30 BST on a school day'],
  ])('%s → %s (%s)', (instant, expected) => {
    expect(isWithinSchoolHours(utc(instant), calendar)).toBe(expected);
  });

  it('respects custom hours', () => {
    const hours = { start: '09:00', end: '15:00' };
    expect(isWithinSchoolHours(utc('2026-11-03T08:30:00Z'), calendar, hours)).toBe(false);
    expect(isWithinSchoolHours(utc('2026-11-03T09:00:00Z'), calendar, hours)).toBe(true);
    expect(isWithinSchoolHours(utc('2026-11-03T15:00:00Z'), calendar, hours)).toBe(false);
  });

  it.each([
    [{ start: '17:30', end: '08:00' }, /start before they end/],
    [{ start: '08:00', end: '08:00' }, /start before they end/],
    [{ start: '8:00', end: '17:30' }, /must be HH:mm/],
    [{ start: '01:30', end: '17:30' }, /between 01:00 and 02:00/],
  ])('rejects invalid hours %j', (hours, message) => {
    expect(() => isWithinSchoolHours(utc('2026-11-03T12:00:00Z'), calendar, hours)).toThrow(message);
  });
});

describe('nextAllowedInstant', () => {
  it('returns the same instant when nudging is allowed', () => {
    const instant = utc('2026-11-03T10:17:23.456Z');
    const result = nextAllowedInstant(instant, calendar);
    expect(iso(result)).toBe('2026-11-03T10:17:23.456Z');
    expect(result).not.toBe(instant);
  });

  it('holds an early-morning nudge until the window opens the same day', () => {
    expect(iso(nextAllowedInstant(utc('2026-11-03T06:00:00Z'), calendar))).toBe('2026-11-03T08:00:00.000Z');
    expect(iso(nextAllowedInstant(utc('2026-09-08T05:00:00Z'), calendar))).toBe('2026-09-08T07:00:00.000Z');
  });

  it('holds an evening nudge until the next school morning', () => {
    expect(iso(nextAllowedInstant(utc('2026-11-03T17:30:00Z'), calendar))).toBe('2026-11-04T08:00:00.000Z');
    expect(iso(nextAllowedInstant(utc('2026-11-06T20:00:00Z'), calendar))).toBe('2026-11-09T08:00:00.000Z');
  });

  it('holds over half-term and the October clock change', () => {
    expect(iso(nextAllowedInstant(utc('2026-10-23T17:00:00Z'), calendar))).toBe('2026-11-02T08:00:00.000Z');
  });

  it('holds over Christmas, Easter and the March clock change, and bank holidays', () => {
    expect(iso(nextAllowedInstant(utc('2026-12-19T10:00:00Z'), calendar))).toBe('2027-01-04T08:00:00.000Z');
    expect(iso(nextAllowedInstant(utc('2027-03-25T18:00:00Z'), calendar))).toBe('2027-04-12T07:00:00.000Z');
    expect(iso(nextAllowedInstant(utc('2027-05-03T09:00:00Z'), calendar))).toBe('2027-05-04T07:00:00.000Z');
  });

  it('uses custom hours for the opening time', () => {
    expect(iso(nextAllowedInstant(utc('2026-11-06T20:00:00Z'), calendar, { start: '09:15', end: '15:00' }))).toBe(
      '2026-11-09T09:15:00.000Z',
    );
  });

  it('returns null when no school day follows', () => {
    const never: SchoolDayCalendar = { isSchoolDay: () => false };
    expect(nextAllowedInstant(utc('2026-11-03T10:00:00Z'), never)).toBeNull();
    expect(nextAllowedInstant(utc('2027-07-21T18:00:00Z'), calendar)).toBeNull();
  });
});
