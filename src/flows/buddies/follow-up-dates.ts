/**
 * When a pair's follow-ups fall (pure): 2 and 6 weeks after approval, moved on to the next
 * school day (at the time of day the pair was approved), and the closing message at 10:00 on
 * the end date, moved back to the last school day on or before it. A day with no school day
 * near it (a calendar without that year) keeps its own date: the outbox still holds a nudge
 * to the recipient school's days and hours.
 */
import { addDays, type LocalDate } from '../../calendar/local-date';
import { localDateOf, localTimeOf, toInstant } from '../../calendar/london-time';

export type FollowUpStep = 'week2' | 'week6' | 'closing';

export interface SchoolDays {
  isSchoolDay(date: LocalDate): boolean;
}

export const CLOSING_AT = '10:00';
/** How far a follow-up moves to find a school day: a summer holiday and some. */
const SEARCH_DAYS = 60;

function schoolDayFrom(date: LocalDate, calendar: SchoolDays, step: 1 | -1): LocalDate {
  for (let i = 0, day = date; i <= SEARCH_DAYS; i++, day = addDays(day, step)) {
    if (calendar.isSchoolDay(day)) return day;
  }
  return date;
}

export function followUpDates(
  pair: { approvedAt: Date | null; endsOn: string | null },
  calendar: SchoolDays,
): Record<FollowUpStep, Date | null> {
  const approved = pair.approvedAt;
  const after = (days: number) =>
    approved ? toInstant(schoolDayFrom(addDays(localDateOf(approved), days), calendar, 1), localTimeOf(approved)) : null;
  return {
    week2: after(14),
    week6: after(42),
    closing: pair.endsOn ? toInstant(schoolDayFrom(pair.endsOn as LocalDate, calendar, -1), CLOSING_AT) : null,
  };
}
