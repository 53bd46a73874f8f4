import { addDays, eachLocalDate } from '../../../src/calendar/local-date';
import {
  LONDON,
  isInClockChangeHour,
  isLocalTime,
  localDateOf,
  localTimeOf,
  londonOffsetMinutes,
  minutesOfDay,
  parseLocalTime,
  toInstant,
} from '../../../src/calendar/london-time';
import { utc } from './fixtures';

describe('constants and time strings', () => {
  it('names the zone', () => {
    expect(LONDON).toBe('Europe/London');
  });

  it('recognises HH:mm and converts to minutes', () => {
    expect(isLocalTime('15:45')).toBe(true);
    expect(isLocalTime('00:00')).toBe(true);
    expect(isLocalTime('23:59')).toBe(true);
    expect(isLocalTime('24:00')).toBe(false);
    expect(isLocalTime('9:30')).toBe(false);
    expect(minutesOfDay('15:45')).toBe(945);
    expect(() => minutesOfDay('15.45')).toThrow();
  });

  it('flags the 01:00-01:59 clock-change hour and nothing else', () => {
    expect(isInClockChangeHour('00:59')).toBe(false);
    expect(isInClockChangeHour('01:00')).toBe(true);
    expect(isInClockChangeHour('01:59')).toBe(true);
    expect(isInClockChangeHour('02:00')).toBe(false);
  });
});

describe('localDateOf / localTimeOf', () => {
  it.each([
    ['2026-10-23T14:45:00Z', '2026-10-23', '15:45'], // BST
    ['2026-10-26T15:45:00Z', '2026-10-26', '15:45'], // GMT
    ['2026-10-24T23:30:00Z', '2026-10-25', '00:30'], // BST midnight is 23:00Z
    ['2026-10-25T00:30:00Z', '2026-10-25', '01:30'], // first 01:30 (BST)
    ['2026-10-25T01:30:00Z', '2026-10-25', '01:30'], // second 01:30 (GMT)
    ['2026-10-25T02:00:00Z', '2026-10-25', '02:00'],
    ['2027-03-28T00:59:00Z', '2027-03-28', '00:59'],
    ['2027-03-28T01:00:00Z', '2027-03-28', '02:00'], // clocks jump forward
    ['2027-03-29T14:45:00Z', '2027-03-29', '15:45'],
    ['2026-12-31T23:30:00Z', '2026-12-31', '23:30'],
    ['2027-06-30T23:30:00Z', '2027-07-01', '00:30'],
    ['2026-09-01T06:59:59.999Z', '2026-09-01', '07:59'], // seconds truncated, not rounded
  ])('%s is %s %s in London', (iso, date, time) => {
    expect(localDateOf(utc(iso))).toBe(date);
    expect(localTimeOf(utc(iso))).toBe(time);
  });

  it('reports the offset', () => {
    expect(londonOffsetMinutes(utc('2026-10-25T00:59:59Z'))).toBe(60);
    expect(londonOffsetMinutes(utc('2026-10-25T01:00:00Z'))).toBe(0);
    expect(londonOffsetMinutes(utc('2027-03-28T00:59:59Z'))).toBe(0);
    expect(londonOffsetMinutes(utc('2027-03-28T01:00:00Z'))).toBe(60);
  });

  it('rejects invalid dates', () => {
    expect(() => localDateOf(new Date('nope'))).toThrow('Expected a valid Date');
    expect(() => localTimeOf(new Date(NaN))).toThrow('Expected a valid Date');
  });
});

describe('toInstant', () => {
  it.each([
    ['2026-10-23', '15:45', '2026-10-23T14:45:00.000Z'],
    ['2026-10-26', '15:45', '2026-10-26T15:45:00.000Z'],
    ['2027-03-26', '15:45', '2027-03-26T15:45:00.000Z'],
    ['2027-03-29', '15:45', '2027-03-29T14:45:00.000Z'],
    ['2026-09-01', '00:00', '2026-08-31T23:00:00.000Z'],
    ['2027-01-04', '00:00', '2027-01-04T00:00:00.000Z'],
    ['2026-10-25', '00:30', '2026-10-24T23:30:00.000Z'],
    ['2026-10-25', '02:00', '2026-10-25T02:00:00.000Z'],
    ['2026-10-25', '15:45', '2026-10-25T15:45:00.000Z'],
    ['2027-03-28', '00:59', '2027-03-28T00:59:00.000Z'],
    ['2027-03-28', '02:00', '2027-03-28T01:00:00.000Z'],
    ['2027-03-28', '15:45', '2027-03-28T14:45:00.000Z'],
  ])('%s %s London is %s', (date, time, iso) => {
    expect(toInstant(date, time).toISOString()).toBe(iso);
  });

  it('resolves the repeated October hour to its first (BST) occurrence', () => {
    expect(toInstant('2026-10-25', '01:00').toISOString()).toBe('2026-10-25T00:00:00.000Z');
    expect(toInstant('2026-10-25', '01:30').toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(toInstant('2026-10-25', '01:59').toISOString()).toBe('2026-10-25T00:59:00.000Z');
  });

  it('walks the skipped March hour forward: 01:30 becomes 02:30 BST', () => {
    const instant = toInstant('2027-03-28', '01:30');
    expect(instant.toISOString()).toBe('2027-03-28T01:30:00.000Z');
    expect(localTimeOf(instant)).toBe('02:30');
    expect(toInstant('2027-03-28', '01:00').toISOString()).toBe('2027-03-28T01:00:00.000Z');
  });

  it('round-trips every quarter hour around both clock changes (outside 01:00-01:59)', () => {
    const times = Array.from(
      { length: 96 },
      (_, i) => `${String(Math.floor(i / 4)).padStart(2, '0')}:${String((i % 4) * 15).padStart(2, '0')}`,
    );
    for (const [from, to] of [
      ['2026-10-20', '2026-10-30'],
      ['2027-03-24', '2027-04-02'],
    ] as const) {
      for (const date of eachLocalDate(from, to)) {
        for (const time of times.filter((t) => !isInClockChangeHour(t))) {
          const instant = toInstant(date, time);
          expect([localDateOf(instant), localTimeOf(instant)]).toEqual([date, time]);
        }
      }
    }
  });

  it('gives consecutive days 23, 25 and 24 hours apart across the changes', () => {
    const hours = (date: string) => (toInstant(addDays(date, 1), '00:00').getTime() - toInstant(date, '00:00').getTime()) / 3_600_000;
    expect(hours('2027-03-28')).toBe(23);
    expect(hours('2026-10-25')).toBe(25);
    expect(hours('2026-10-26')).toBe(24);
  });

  it('does not depend on the host time zone', () => {
    const original = process.env.TZ;
    const expected = ['2026-10-25T00:30:00.000Z', '2027-03-28T01:30:00.000Z', '2026-10-23T14:45:00.000Z'];
    try {
      for (const zone of ['Europe/London', 'America/New_York', 'Australia/Sydney', 'UTC']) {
        process.env.TZ = zone;
        expect(
          [toInstant('2026-10-25', '01:30'), toInstant('2027-03-28', '01:30'), toInstant('2026-10-23', '15:45')].map((d) =>
            d.toISOString(),
          ),
        ).toEqual(expected);
        expect(localDateOf(utc('2026-10-24T23:30:00Z'))).toBe('2026-10-25');
        expect(localTimeOf(utc('2026-10-25T01:30:00Z'))).toBe('01:30');
      }
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
  });

  it('rejects bad input', () => {
    expect(() => toInstant('2026-02-30', '10:00')).toThrow();
    expect(() => toInstant('2026-10-26', '25:00')).toThrow(/HH:mm/);
  });
});

describe('parseLocalTime', () => {
  it.each([
    ['15:45', '15:45'],
    ['09:30', '09:30'],
    ['9:30', '09:30'],
    ['09.30', '09:30'],
    [' 16:00 ', '16:00'],
    ['00:00', '00:00'],
    ['00:59', '00:59'],
    ['02:00', '02:00'],
    ['23:59', '23:59'],
    ['3:45pm', '15:45'],
    ['3.45 PM', '15:45'],
    ['9am', '09:00'],
    ['12pm', '12:00'],
    ['12am', '00:00'],
    ['12:30am', '00:30'],
  ])('reads %p as %s', (text, time) => {
    expect(parseLocalTime(text)).toEqual({ ok: true, value: time });
  });

  it.each([
    ['', /No time given/],
    ['   ', /No time given/],
    ['25:00', /"25:00" is not a valid time: hours must be 00-23/],
    ['24:00', /hours must be 00-23/],
    ['12:60', /minutes must be 00-59/],
    ['13pm', /with am\/pm the hour must be 1-12/],
    ['0am', /with am\/pm the hour must be 1-12/],
    ['noon', /"noon" is not a time/],
    ['1545', /is not a time/],
    ['10', /is not a time/],
    ['10:5', /is not a time/],
    ['-1:00', /is not a time/],
  ])('rejects %p', (text, message) => {
    const result = parseLocalTime(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it.each(['01:00', '01:30', '1:30', '01:59', '1.15', '1:30am'])('rejects %p in the clock-change hour, saying why', (text) => {
    const result = parseLocalTime(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatch(/cannot be scheduled/);
      expect(result.error).toMatch(/clocks change in March and October/);
      expect(result.error).toMatch(/outside 01:00-02:00/);
    }
  });

  it('accepts 1pm, which is not in the clock-change hour', () => {
    expect(parseLocalTime('1:30pm')).toEqual({ ok: true, value: '13:30' });
  });
});
