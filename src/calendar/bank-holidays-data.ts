/**
 * England and Wales bank holidays 2024-2030, shipped as data so the bot works offline and a
 * reviewer can check each line against gov.uk. test/unit/calendar/bank-holidays.test.ts
 * recomputes every year from the rules (Easter, first/last Mondays, weekend substitutes) and
 * fails if a line here drifts. One-off holidays proclaimed later arrive via the gov.uk feed
 * (parseGovUkBankHolidays + mergeBankHolidays), never by editing the rules.
 *
 * Titles follow gov.uk wording. Trailing comments give the weekday to ease review.
 */
import type { LocalDate } from './local-date';

export interface BankHoliday {
  date: LocalDate;
  title: string;
}

export const ENGLAND_AND_WALES_BANK_HOLIDAYS: readonly BankHoliday[] = Object.freeze([
  // 2024: Easter Sunday 31 March
  { date: '2024-01-01', title: "New Year's Day" }, // Mon
  { date: '2024-03-29', title: 'Good Friday' }, // Fri
  { date: '2024-04-01', title: 'Easter Monday' }, // Mon
  { date: '2024-05-06', title: 'Early May bank holiday' }, // Mon
  { date: '2024-05-27', title: 'Spring bank holiday' }, // Mon
  { date: '2024-08-26', title: 'Summer bank holiday' }, // Mon
  { date: '2024-12-25', title: 'Christmas Day' }, // Wed
  { date: '2024-12-26', title: 'Boxing Day' }, // Thu
  // 2025: Easter Sunday 20 April
  { date: '2025-01-01', title: "New Year's Day" }, // Wed
  { date: '2025-04-18', title: 'Good Friday' }, // Fri
  { date: '2025-04-21', title: 'Easter Monday' }, // Mon
  { date: '2025-05-05', title: 'Early May bank holiday' }, // Mon
  { date: '2025-05-26', title: 'Spring bank holiday' }, // Mon
  { date: '2025-08-25', title: 'Summer bank holiday' }, // Mon
  { date: '2025-12-25', title: 'Christmas Day' }, // Thu
  { date: '2025-12-26', title: 'Boxing Day' }, // Fri
  // 2026: Easter Sunday 5 April; Boxing Day is a Saturday
  { date: '2026-01-01', title: "New Year's Day" }, // Thu
  { date: '2026-04-03', title: 'Good Friday' }, // Fri
  { date: '2026-04-06', title: 'Easter Monday' }, // Mon
  { date: '2026-05-04', title: 'Early May bank holiday' }, // Mon
  { date: '2026-05-25', title: 'Spring bank holiday' }, // Mon
  { date: '2026-08-31', title: 'Summer bank holiday' }, // Mon
  { date: '2026-12-25', title: 'Christmas Day' }, // Fri
  { date: '2026-12-28', title: 'Boxing Day (substitute day)' }, // Mon
  // 2027: Easter Sunday 28 March; Christmas Saturday, Boxing Day Sunday
  { date: '2027-01-01', title: "New Year's Day" }, // Fri
  { date: '2027-03-26', title: 'Good Friday' }, // Fri
  { date: '2027-03-29', title: 'Easter Monday' }, // Mon
  { date: '2027-05-03', title: 'Early May bank holiday' }, // Mon
  { date: '2027-05-31', title: 'Spring bank holiday' }, // Mon
  { date: '2027-08-30', title: 'Summer bank holiday' }, // Mon
  { date: '2027-12-27', title: 'Christmas Day (substitute day)' }, // Mon
  { date: '2027-12-28', title: 'Boxing Day (substitute day)' }, // Tue
  // 2028: Easter Sunday 16 April; New Year's Day is a Saturday
  { date: '2028-01-03', title: "New Year's Day (substitute day)" }, // Mon
  { date: '2028-04-14', title: 'Good Friday' }, // Fri
  { date: '2028-04-17', title: 'Easter Monday' }, // Mon
  { date: '2028-05-01', title: 'Early May bank holiday' }, // Mon
  { date: '2028-05-29', title: 'Spring bank holiday' }, // Mon
  { date: '2028-08-28', title: 'Summer bank holiday' }, // Mon
  { date: '2028-12-25', title: 'Christmas Day' }, // Mon
  { date: '2028-12-26', title: 'Boxing Day' }, // Tue
  // 2029: Easter Sunday 1 April
  { date: '2029-01-01', title: "New Year's Day" }, // Mon
  { date: '2029-03-30', title: 'Good Friday' }, // Fri
  { date: '2029-04-02', title: 'Easter Monday' }, // Mon
  { date: '2029-05-07', title: 'Early May bank holiday' }, // Mon
  { date: '2029-05-28', title: 'Spring bank holiday' }, // Mon
  { date: '2029-08-27', title: 'Summer bank holiday' }, // Mon
  { date: '2029-12-25', title: 'Christmas Day' }, // Tue
  { date: '2029-12-26', title: 'Boxing Day' }, // Wed
  // 2030: Easter Sunday 21 April
  { date: '2030-01-01', title: "New Year's Day" }, // Tue
  { date: '2030-04-19', title: 'Good Friday' }, // Fri
  { date: '2030-04-22', title: 'Easter Monday' }, // Mon
  { date: '2030-05-06', title: 'Early May bank holiday' }, // Mon
  { date: '2030-05-27', title: 'Spring bank holiday' }, // Mon
  { date: '2030-08-26', title: 'Summer bank holiday' }, // Mon
  { date: '2030-12-25', title: 'Christmas Day' }, // Wed
  { date: '2030-12-26', title: 'Boxing Day' }, // Thu
]);

/** First and last calendar years the shipped list covers. */
export const BANK_HOLIDAY_DATA_YEARS = { first: 2024, last: 2030 } as const;
