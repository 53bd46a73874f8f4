/**
 * Holding nudges to school days and school hours, so nobody is pinged at 21:00 or in August.
 */
import { LocalDate, addDays } from './local-date';
import { LocalTime, isInClockChangeHour, isLocalTime, localDateOf, localTimeOf, minutesOfDay, toInstant } from './london-time';

/** London wall-clock window, start inclusive and end exclusive ('17:30' itself is outside). */
export interface SchoolHours {
  start: LocalTime;
  end: LocalTime;
}

export const DEFAULT_SCHOOL_HOURS: Readonly<SchoolHours> = Object.freeze({ start: '08:00', end: '17:30' });

/** The one question quiet hours need; SchoolCalendar satisfies it. */
export interface SchoolDayCalendar {
  isSchoolDay(date: LocalDate): boolean;
}

function assertValidHours(hours: SchoolHours): void {
  if (!isLocalTime(hours.start) || !isLocalTime(hours.end)) {
    throw new Error(`School hours must be HH:mm, got ${hours.start}-${hours.end}`);
  }
  // A window edge in the clock-change hour would open at a different instant on two Sundays a year.
  if (isInClockChangeHour(hours.start) || isInClockChangeHour(hours.end)) {
    throw new Error('School hours cannot start or end between 01:00 and 02:00');
  }
  if (minutesOfDay(hours.start) >= minutesOfDay(hours.end)) {
    throw new Error(`School hours must start before they end, got ${hours.start}-${hours.end}`);
  }
}

function isInsideWindow(time: LocalTime, hours: SchoolHours): boolean {
  const minutes = minutesOfDay(time);
  return minutes >= minutesOfDay(hours.start) && minutes < minutesOfDay(hours.end);
}

/** True on a school day in London between hours.start (inclusive) and hours.end (exclusive). */
export function isWithinSchoolHours(instant: Date, calendar: SchoolDayCalendar, hours: SchoolHours = DEFAULT_SCHOOL_HOURS): boolean {
  assertValidHours(hours);
  return calendar.isSchoolDay(localDateOf(instant)) && isInsideWindow(localTimeOf(instant), hours);
}

/**
 * `instant` itself if nudging is allowed then, otherwise the opening of the next school-hours
 * window (hours.start on the next school day, or later today if today's window has not opened).
 * Null when no school day follows within `limitDays`, e.g. the calendar has no future years.
 */
export function nextAllowedInstant(
  instant: Date,
  calendar: SchoolDayCalendar,
  hours: SchoolHours = DEFAULT_SCHOOL_HOURS,
  limitDays = 400,
): Date | null {
  if (isWithinSchoolHours(instant, calendar, hours)) return new Date(instant.getTime());
  const today = localDateOf(instant);
  for (let i = 0; i < limitDays; i += 1) {
    const date = addDays(today, i);
    if (!calendar.isSchoolDay(date)) continue;
    const opening = toInstant(date, hours.start);
    if (opening.getTime() > instant.getTime()) return opening;
  }
  return null;
}
