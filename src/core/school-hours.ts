/**
 * A school's own day (issue 18): some start at 08:45, special schools differ. Nudges to the
 * school's people wait for it instead of the default 08:00-17:30. London wall clock, 'HH:MM',
 * start inclusive, end exclusive.
 */
import { fail, ok, type Result } from './result';

export interface SchoolDayHours {
  start: string;
  end: string;
}

export type SchoolHoursError = 'bad-time' | 'start-not-before-end' | 'only-one';

/** '8:45' or '08:45' -> '08:45'; null when it is not a time of day. */
export function parseTimeOfDay(text: string): string | null {
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(text.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) return null;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}

/** Both blank: the default day (null). Otherwise both must be times, start before end. */
export function parseSchoolHours(startText: string, endText: string): Result<SchoolDayHours | null, SchoolHoursError> {
  const [s, e] = [startText.trim(), endText.trim()];
  if (!s && !e) return ok(null);
  if (!s || !e) return fail('only-one');
  const start = parseTimeOfDay(s);
  const end = parseTimeOfDay(e);
  if (!start || !end) return fail('bad-time');
  if (start >= end) return fail('start-not-before-end');
  return ok({ start, end });
}

/** The stored pair as hours, or null when the school keeps the default day. */
export function schoolHoursOf(school: { dayStart?: string | null; dayEnd?: string | null }): SchoolDayHours | null {
  return school.dayStart && school.dayEnd ? { start: school.dayStart, end: school.dayEnd } : null;
}
