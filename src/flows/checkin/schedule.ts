/**
 * When check-in rounds open and close, from the trust's school calendar. Pure.
 *
 * - A round covers a term (termly, the default) or a half-term (half-termly).
 * - "now" opens at once; a weekly rule ("Tuesday 15:45") opens at its next occurrence on a
 *   school day. Planned rounds open on the first occurrence after the first week of their
 *   term or half-term (the first week is busy; see the brief, "Scheduling rules").
 * - A round stays open for OPEN_SCHOOL_DAYS school days and closes at CLOSE_TIME London time,
 *   never later than the last school day of its period.
 */
import {
  addDays,
  localDateOf,
  mondayOf,
  nextOccurrence,
  toInstant,
  type LocalDate,
  type SchoolCalendar,
  type WeeklyRule,
} from '../../calendar';
import { TERM_NAMES, type Cadence, type RoundPeriod, type TermName } from '../../core/checkin/model';
import { fail, ok, type Result } from '../../core/result';

export const DEFAULT_RULE = 'Tuesdays at 15:45';
export const OPEN_SCHOOL_DAYS = 10;
export const CLOSE_TIME = '17:00';

export interface RoundPlan {
  period: RoundPeriod;
  opensAt: Date;
  closesAt: Date;
}

/** 'no-term': the calendar has no school day ahead (no term dates for the coming year). */
export type PlanError = 'no-term';

/** The period a school date falls in for this cadence; null in the holidays. */
export function periodAt(calendar: SchoolCalendar, date: LocalDate, cadence: Cadence): RoundPeriod | null {
  const position = calendar.termOf(date);
  if (!position) return null;
  return { year: position.year, term: position.term, half: cadence === 'half-termly' ? position.half : null };
}

/** First and last dates of a period (half-terms end the day before the holiday). */
export function periodBounds(calendar: SchoolCalendar, period: RoundPeriod): { start: LocalDate; end: LocalDate } {
  const term = calendar.term(period.year, period.term);
  if (period.half === 1) return { start: term.start, end: addDays(term.halfTermStart, -1) };
  if (period.half === 2) return { start: addDays(term.halfTermEnd, 1), end: term.end };
  return { start: term.start, end: term.end };
}

function nextYearLabel(label: string): string {
  const start = Number(label.slice(0, 4)) + 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/** The period after this one for the cadence (null when the calendar has no dates for it). */
export function nextPeriod(calendar: SchoolCalendar, period: RoundPeriod, cadence: Cadence): RoundPeriod | null {
  if (cadence === 'half-termly' && period.half === 1) return { ...period, half: 2 };
  const index = TERM_NAMES.indexOf(period.term);
  const term: TermName = TERM_NAMES[(index + 1) % 3]!;
  const year = term === 'autumn' ? nextYearLabel(period.year) : period.year;
  if (!calendar.years.some((y) => y.label === year)) return null;
  return { year, term, half: cadence === 'half-termly' ? 1 : null };
}

/** The last school day on or before `end`. */
function lastSchoolDay(calendar: SchoolCalendar, end: LocalDate): LocalDate {
  let day = end;
  for (let i = 0; i < 60 && !calendar.isSchoolDay(day); i += 1) day = addDays(day, -1);
  return day;
}

/** OPEN_SCHOOL_DAYS school days after the opening date, at CLOSE_TIME, within the period. */
export function closingTime(calendar: SchoolCalendar, opensAt: Date, period: RoundPeriod): Date {
  const { end } = periodBounds(calendar, period);
  const last = lastSchoolDay(calendar, end);
  let day = localDateOf(opensAt);
  for (let counted = 0; counted < OPEN_SCHOOL_DAYS;) {
    const next = calendar.nextSchoolDayAfter(day);
    if (!next || next > last) break;
    day = next;
    counted += 1;
  }
  const closes = toInstant(day, CLOSE_TIME);
  if (closes > opensAt) return closes;
  // Opened on the last school day after closing time: close at the next school day's end.
  const next = calendar.nextSchoolDayAfter(localDateOf(opensAt)) ?? addDays(localDateOf(opensAt), 1);
  return toInstant(next, CLOSE_TIME);
}

/**
 * A round starting now, or at the rule's next school-day occurrence. Its period is the term
 * (or half-term) of the opening date; in the holidays, the period of the next school day.
 */
export function planRound(calendar: SchoolCalendar, now: Date, cadence: Cadence, rule: WeeklyRule | null): Result<RoundPlan, PlanError> {
  const opensAt = rule ? nextOccurrence(rule, now, (d) => calendar.isSchoolDay(d)) : now;
  if (!opensAt) return fail('no-term');
  const firstDay = calendar.nextSchoolDayOnOrAfter(localDateOf(opensAt));
  const period = firstDay ? periodAt(calendar, firstDay, cadence) : null;
  if (!period) return fail('no-term');
  return ok({ period, opensAt, closesAt: closingTime(calendar, opensAt, period) });
}

/** The round after `period`: the next period, opening at the rule's first time after its first week. */
export function planNextRound(calendar: SchoolCalendar, period: RoundPeriod, cadence: Cadence, rule: WeeklyRule): RoundPlan | null {
  const next = nextPeriod(calendar, period, cadence);
  if (!next) return null;
  const { start, end } = periodBounds(calendar, next);
  const weekTwo = addDays(mondayOf(start), 7);
  const opensAt = nextOccurrence(rule, toInstant(weekTwo, '00:00'), (d) => calendar.isSchoolDay(d) && d <= end, 120);
  if (!opensAt) return null;
  return { period: next, opensAt, closesAt: closingTime(calendar, opensAt, next) };
}
