/** Shared calendars for the calendar tests: the default 2026-27 pattern with real bank holidays. */
import { DEFAULT_BANK_HOLIDAYS } from '../../../src/calendar/bank-holidays';
import { defaultAcademicYear } from '../../../src/calendar/default-pattern';
import { SchoolCalendar, SchoolCalendarOptions } from '../../../src/calendar/school-calendar';

/** A typical school's five INSET days in 2026-27, all at term edges. */
export const INSET_2026_27 = ['2026-09-01', '2026-09-02', '2027-01-04', '2027-04-12', '2027-07-21'];

export function trustCalendar(extra: Partial<SchoolCalendarOptions> = {}): SchoolCalendar {
  return new SchoolCalendar({ years: [defaultAcademicYear(2026)], bankHolidays: DEFAULT_BANK_HOLIDAYS, ...extra });
}

export function calendarWithInset(): SchoolCalendar {
  return trustCalendar({ extraInsetDays: INSET_2026_27 });
}

/** Shorthand for a UTC instant in tests. */
export function utc(iso: string): Date {
  return new Date(iso);
}
