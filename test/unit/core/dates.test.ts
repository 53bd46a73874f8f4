import { addMonths, addYears, formatDate, isLocalDate, londonDate, parseDateInput } from '../../../src/core/dates';

describe('core dates', () => {
  it('reads ISO and UK dates, never US order, and rejects impossible dates', () => {
    expect(parseDateInput('2025-09-01')).toBe('2025-09-01');
    expect(parseDateInput('1/9/2025')).toBe('2025-09-01');
    expect(parseDateInput('31/02/2025')).toBeNull();
    expect(parseDateInput('13/13/2025')).toBeNull();
    expect(parseDateInput('2025-9-1')).toBeNull();
    expect(parseDateInput('next Tuesday')).toBeNull();
    expect(isLocalDate('2024-02-29')).toBe(true);
    expect(isLocalDate('2025-02-29')).toBe(false);
  });

  it('adds months and years, clamping to the end of a shorter month', () => {
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonths('2025-01-15', -2)).toBe('2024-11-15');
    expect(addYears('2024-02-29', 3)).toBe('2027-02-28');
    expect(addYears('2025-09-01', 3)).toBe('2028-09-01');
  });

  it('gives the date in England and formats it the en-GB way', () => {
    expect(londonDate(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(londonDate(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
    expect(formatDate('2027-03-03')).toBe('3 March 2027');
  });
});
