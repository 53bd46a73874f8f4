import { occurrenceKey } from '../../../src/core/due-work-port';

describe('occurrenceKey', () => {
  it('joins kind, parts and the London date', () => {
    expect(occurrenceKey('checkin-reminder', ['round-7', 'person-42'], '2027-03-02')).toBe('checkin-reminder:round-7:person-42:2027-03-02');
  });

  it('is the same on every replica for the same occurrence', () => {
    expect(occurrenceKey('digest', ['trust-1'], '2027-03-02')).toBe(occurrenceKey('digest', ['trust-1'], '2027-03-02'));
  });

  it('refuses parts that would make keys ambiguous', () => {
    expect(() => occurrenceKey('digest', ['a:b'], '2027-03-02')).toThrow(/free of ':'/);
    expect(() => occurrenceKey('', [], '2027-03-02')).toThrow();
    expect(() => occurrenceKey('digest', [''], '2027-03-02')).toThrow();
  });

  it('takes a date, not an instant', () => {
    expect(() => occurrenceKey('digest', [], '2027-03-02T09:00:00Z')).toThrow(/YYYY-MM-DD/);
  });
});
