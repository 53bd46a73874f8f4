/**
 * Why one school cannot (or should not) meet on a date. Shared by the proposer and by "move
 * this meeting", so both explain a refused date the same way.
 */
import { LocalDate, SchoolCalendar, isWeekend, isWithinRange } from '../calendar';

/** An audience school and its calendar (trust years with the school's own overrides applied). */
export interface AudienceSchool {
  id: string;
  name: string;
  calendar: SchoolCalendar;
}

export type DayVerdict =
  | 'ok'
  /** School is open, but it is the first or last calendar week of a term: avoided, not forbidden. */
  | 'first-week'
  | 'last-week'
  | 'weekend'
  | 'bank-holiday'
  | 'inset-day'
  | 'half-term'
  | 'holiday';

/** True when the school is closed to network business that day (not merely an avoided week). */
export function isOff(verdict: DayVerdict): boolean {
  return verdict !== 'ok' && verdict !== 'first-week' && verdict !== 'last-week';
}

export function dayVerdict(calendar: SchoolCalendar, date: LocalDate): DayVerdict {
  if (isWeekend(date)) return 'weekend';
  if (calendar.isBankHoliday(date)) return 'bank-holiday';
  const term = calendar.years.flatMap((y) => y.terms).find((t) => isWithinRange(date, t.start, t.end));
  if (!term) return 'holiday';
  if (isWithinRange(date, term.halfTermStart, term.halfTermEnd)) return 'half-term';
  if (calendar.isInsetDay(date)) return 'inset-day';
  if (calendar.isInFirstWeeks(date, 1)) return 'first-week';
  if (calendar.isInLastWeeks(date, 1)) return 'last-week';
  return 'ok';
}
