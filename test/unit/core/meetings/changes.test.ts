import { cancelOccurrence, rescheduleOccurrence, reviseOccurrence } from '../../../../src/core/meetings/changes';
import { MeetingOccurrence } from '../../../../src/core/meetings/model';

const occurrence: MeetingOccurrence = {
  id: 'occ-1',
  seriesId: 'series-1',
  key: '2026-27/autumn/1',
  date: '2026-11-17',
  time: '15:45',
  durationMinutes: 60,
  startsAt: new Date('2026-11-17T15:45:00Z'),
  endsAt: new Date('2026-11-17T16:45:00Z'),
  status: 'scheduled',
  sequence: 0,
  schoolsOff: [],
};

const move = {
  date: '2026-11-24',
  time: '15:45',
  durationMinutes: 60,
  startsAt: new Date('2026-11-24T15:45:00Z'),
  endsAt: new Date('2026-11-24T16:45:00Z'),
  schoolsOff: ['b'],
};

describe('occurrence changes', () => {
  it('raises the sequence on a move and keeps the id and key', () => {
    const moved = rescheduleOccurrence(occurrence, move);
    expect(moved).toMatchObject({ id: 'occ-1', key: '2026-27/autumn/1', date: '2026-11-24', sequence: 1, schoolsOff: ['b'] });
  });

  it('does not raise it again when the same move is repeated', () => {
    const moved = rescheduleOccurrence(occurrence, move);
    expect(rescheduleOccurrence(moved, move)).toBe(moved);
  });

  it('raises it once on cancel; a second cancel changes nothing', () => {
    const cancelled = cancelOccurrence(rescheduleOccurrence(occurrence, move));
    expect(cancelled).toMatchObject({ status: 'cancelled', sequence: 2 });
    expect(cancelOccurrence(cancelled)).toBe(cancelled);
  });

  it('reinstating a cancelled meeting on the same date is a change too', () => {
    const cancelled = cancelOccurrence(occurrence);
    expect(rescheduleOccurrence(cancelled, { ...move, date: occurrence.date })).toMatchObject({ status: 'scheduled', sequence: 2 });
  });

  it('raises it on new series details (title, mode, venue, link), keeping date and time; a cancelled one stays', () => {
    const revised = reviseOccurrence(occurrence);
    expect(revised).toEqual({ ...occurrence, sequence: 1 });
    expect(reviseOccurrence(revised).sequence).toBe(2);
    const cancelled = cancelOccurrence(occurrence);
    expect(reviseOccurrence(cancelled)).toBe(cancelled);
  });
});
