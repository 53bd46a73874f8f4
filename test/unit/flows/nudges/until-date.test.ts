import { formatLongDate, parsePauseDate, snoozeEndDate, startOfLondonDay } from '../../../../src/flows/nudges/until-date';

// Monday 23 November 2026, 10:00 GMT.
const monday = new Date('2026-11-23T10:00:00Z');

describe('snoozeEndDate', () => {
  it('tomorrow is the next London date, next week is next Monday', () => {
    expect(snoozeEndDate('tomorrow', monday)).toBe('2026-11-24');
    expect(snoozeEndDate('next-week', monday)).toBe('2026-11-30');
    expect(snoozeEndDate('next-week', new Date('2026-11-29T12:00:00Z'))).toBe('2026-11-30');
  });

  it('uses the London date, not the UTC one (23:30 BST is already tomorrow)', () => {
    expect(snoozeEndDate('tomorrow', new Date('2026-06-01T23:30:00Z'))).toBe('2026-06-03');
  });
});

describe('startOfLondonDay', () => {
  it('is midnight London time in winter and in summer', () => {
    expect(startOfLondonDay('2026-11-24')).toEqual(new Date('2026-11-24T00:00:00Z'));
    expect(startOfLondonDay('2027-06-01')).toEqual(new Date('2027-05-31T23:00:00Z'));
  });
});

describe('parsePauseDate', () => {
  it.each([
    ['until 2027-04-06', '2027-04-06'],
    ['06/04/2027', '2027-04-06'],
    ['6 April 2027', '2027-04-06'],
    ['Tuesday 6th April 2027', '2027-04-06'],
    ['6 apr', '2027-04-06'],
    ['1 december', '2026-12-01'],
    ['tomorrow', '2026-11-24'],
    ['next week', '2026-11-30'],
    ['friday', '2026-11-27'],
    ['monday', '2026-11-30'],
  ])('reads %s', (text, date) => {
    expect(parsePauseDate(text, monday)).toEqual({ ok: true, date });
  });

  it('refuses unreadable, past and far dates', () => {
    expect(parsePauseDate('soonish', monday)).toEqual({ ok: false, error: 'unreadable' });
    expect(parsePauseDate('31/02/2027', monday)).toEqual({ ok: false, error: 'unreadable' });
    expect(parsePauseDate('2026-11-23', monday)).toEqual({ ok: false, error: 'past' });
    expect(parsePauseDate('1 January 2030', monday)).toEqual({ ok: false, error: 'too-far' });
  });
});

describe('formatLongDate', () => {
  it('writes dates as en-GB sentences do', () => {
    expect(formatLongDate('2027-03-02')).toBe('Tuesday 2 March 2027');
  });
});
