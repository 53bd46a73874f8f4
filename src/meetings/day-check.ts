/**
 * Why one school cannot (or should not) meet on a date. Shared by the proposer and by "move
 * this meeting", so both explain a refused date the same way.
 */
import { LocalDate, SchoolCalendar, addDays, isWeekend, mondayOf } from '../calendar';

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

/** A term with its avoided weeks as date bounds, so each check is a few string comparisons. */
interface TermBounds {
  start: LocalDate;
  end: LocalDate;
  halfTermStart: LocalDate;
  halfTermEnd: LocalDate;
  /** First day after the term's first calendar week (Monday to Sunday). */
  afterFirstWeek: LocalDate;
  /** Monday of the term's last calendar week. */
  lastWeekMonday: LocalDate;
}

const boundsCache = new WeakMap<SchoolCalendar, TermBounds[]>();

function termBounds(calendar: SchoolCalendar): TermBounds[] {
  let bounds = boundsCache.get(calendar);
  if (!bounds) {
    bounds = calendar.years
      .flatMap((y) => y.terms)
      .map((t) => ({ ...t, afterFirstWeek: addDays(mondayOf(t.start), 7), lastWeekMonday: mondayOf(t.end) }));
    boundsCache.set(calendar, bounds);
  }
  return bounds;
}

export function dayVerdict(calendar: SchoolCalendar, date: LocalDate): DayVerdict {
  if (isWeekend(date)) return 'weekend';
  if (calendar.isBankHoliday(date)) return 'bank-holiday';
  const term = termBounds(calendar).find((t) => date >= t.start && date <= t.end);
  if (!term) return 'holiday';
  if (date >= term.halfTermStart && date <= term.halfTermEnd) return 'half-term';
  if (calendar.isInsetDay(date)) return 'inset-day';
  if (date < term.afterFirstWeek) return 'first-week';
  if (date >= term.lastWeekMonday) return 'last-week';
  return 'ok';
}
