/**
 * Converting between UTC instants and London wall-clock time.
 *
 * The process runs with TZ=UTC and this file never reads the host zone: reading components
 * goes through TZDate, and building an instant goes through tzOffset with an explicit rule for
 * the two hours a year that are skipped or repeated. (A bare `new TZDate(y, m, d, 1, 30, zone)`
 * resolves the repeated October hour differently depending on the host TZ.)
 */
import { TZDate, tzOffset } from '@date-fns/tz';
import { LocalDate, localDateParts, makeLocalDate } from './local-date';

export const LONDON = 'Europe/London';

/** A wall-clock time 'HH:mm', 24-hour, e.g. '15:45'. */
export type LocalTime = string;

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

const MS_PER_MINUTE = 60_000;
const LOCAL_TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

function assertValidInstant(instant: Date): void {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) throw new Error('Expected a valid Date');
}

/** True for a well-formed 'HH:mm' (any hour, including the 01:xx clock-change hour). */
export function isLocalTime(value: unknown): value is LocalTime {
  return typeof value === 'string' && LOCAL_TIME_PATTERN.test(value);
}

/** Minutes since midnight for a valid 'HH:mm'. */
export function minutesOfDay(time: LocalTime): number {
  const match = LOCAL_TIME_PATTERN.exec(time);
  if (!match) throw new Error(`"${time}" is not a time in the form HH:mm`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/**
 * True for 01:00-01:59. On the last Sunday of March that hour does not exist in London and on
 * the last Sunday of October it happens twice, so a schedule there would fire zero or two
 * times. We refuse it on every day, not only the change days, so a rule means the same all year.
 */
export function isInClockChangeHour(time: LocalTime): boolean {
  const minutes = minutesOfDay(time);
  return minutes >= 60 && minutes < 120;
}

/** London calendar date of an instant. */
export function localDateOf(instant: Date): LocalDate {
  assertValidInstant(instant);
  const london = new TZDate(instant.getTime(), LONDON);
  return makeLocalDate(london.getFullYear(), london.getMonth() + 1, london.getDate());
}

/** London wall-clock time 'HH:mm' of an instant (seconds are dropped, not rounded). */
export function localTimeOf(instant: Date): LocalTime {
  assertValidInstant(instant);
  const london = new TZDate(instant.getTime(), LONDON);
  return `${String(london.getHours()).padStart(2, '0')}:${String(london.getMinutes()).padStart(2, '0')}`;
}

/** London's offset from UTC in minutes at an instant: 0 in winter (GMT), 60 in summer (BST). */
export function londonOffsetMinutes(instant: Date): number {
  assertValidInstant(instant);
  return tzOffset(LONDON, instant);
}

/**
 * The UTC instant at which London's clocks show `time` on `date`.
 *
 * Defined behaviour for the hour that does not map one-to-one:
 * - skipped hour (last Sunday of March, 01:00-01:59 never shows): the time is read with the
 *   offset in force before the change, so 01:30 gives 01:30Z, which London shows as 02:30 BST
 *   (the same as walking the clock forward through the gap);
 * - repeated hour (last Sunday of October, 01:00-01:59 shows twice): the earlier occurrence,
 *   still in BST, so 01:30 gives 00:30Z.
 * Higher-level code avoids both by refusing 01:00-01:59 (see parseLocalTime).
 */
export function toInstant(date: LocalDate, time: LocalTime): Date {
  const { year, month, day } = localDateParts(date);
  const wallClockAsUtc = Date.UTC(year, month - 1, day) + minutesOfDay(time) * MS_PER_MINUTE;
  // London's offset is one of the offsets in force a day either side of this wall-clock time.
  const offsetBefore = tzOffset(LONDON, new Date(wallClockAsUtc - 86_400_000));
  const offsetAfter = tzOffset(LONDON, new Date(wallClockAsUtc + 86_400_000));
  const candidates = [...new Set([offsetBefore, offsetAfter])]
    .sort((a, b) => b - a) // larger offset first = earlier instant, for the repeated hour
    .map((offset) => new Date(wallClockAsUtc - offset * MS_PER_MINUTE))
    .filter((instant) => tzOffset(LONDON, instant) * MS_PER_MINUTE === wallClockAsUtc - instant.getTime());
  return candidates[0] ?? new Date(wallClockAsUtc - offsetBefore * MS_PER_MINUTE);
}

function parseClockParts(text: string): ParseResult<{ hours: number; minutes: number }> {
  // en-GB writes both 15:45 and 15.45, and often 3.45pm.
  const match = /^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?$/i.exec(text);
  if (!match || (match[2] === undefined && match[3] === undefined)) {
    return { ok: false, error: `"${text}" is not a time: write it as HH:mm, for example 15:45` };
  }
  let hours = Number(match[1]);
  const minutes = Number(match[2] ?? '0');
  const meridiem = match[3]?.toLowerCase();
  if (minutes > 59) return { ok: false, error: `"${text}" is not a valid time: minutes must be 00-59` };
  if (meridiem) {
    if (hours < 1 || hours > 12) return { ok: false, error: `"${text}" is not a valid time: with am/pm the hour must be 1-12` };
    hours = (hours % 12) + (meridiem === 'pm' ? 12 : 0);
  } else if (hours > 23) {
    return { ok: false, error: `"${text}" is not a valid time: hours must be 00-23` };
  }
  return { ok: true, value: { hours, minutes } };
}

/**
 * Reads a wall-clock time for scheduling: '15:45', '9:30', '09.30', '3:45pm' → 'HH:mm'.
 * Refuses 01:00-01:59 because of the clock changes (see isInClockChangeHour).
 */
export function parseLocalTime(text: string): ParseResult<LocalTime> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, error: 'No time given: write it as HH:mm, for example 15:45' };
  const parts = parseClockParts(trimmed);
  if (!parts.ok) return parts;
  const time = `${String(parts.value.hours).padStart(2, '0')}:${String(parts.value.minutes).padStart(2, '0')}`;
  if (isInClockChangeHour(time)) {
    return {
      ok: false,
      error: `${time} cannot be scheduled: when the clocks change in March and October, 01:00-01:59 is skipped or happens twice in London. Choose a time outside 01:00-02:00`,
    };
  }
  return { ok: true, value: time };
}
