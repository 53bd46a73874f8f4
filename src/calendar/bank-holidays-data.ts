/** Placeholder, regenerated below. */
export interface BankHoliday {
  date: string;
  title: string;
}
export const ENGLAND_AND_WALES_BANK_HOLIDAYS: readonly BankHoliday[] = [];
