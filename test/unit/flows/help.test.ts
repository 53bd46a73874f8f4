import { groupOf } from '../../../src/flows/help-groups';

describe('help groups (issue 10, item 11)', () => {
  it('takes a command its own group, else guesses from its first word, else "more"', () => {
    expect(groupOf({ id: 'checkin round', group: 'roster' })).toBe('roster');
    expect(groupOf({ id: 'checkin close' })).toBe('checkins');
    expect(groupOf({ id: 'person add' })).toBe('roster');
    expect(groupOf({ id: 'my data' })).toBe('privacy');
    expect(groupOf({ id: 'snooze' })).toBe('reminders');
    expect(groupOf({ id: 'meeting new' })).toBe('meetings');
    expect(groupOf({ id: 'frobnicate' })).toBe('more');
  });
});
