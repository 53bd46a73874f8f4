/**
 * Calendar dates without a time or a zone ("local dates"), as 'YYYY-MM-DD' strings.
 *
 * All arithmetic goes through the day number since 1970-01-01 at UTC midnight, so it never
 * touches the host time zone and is immune to clock changes (a day is always 86 400 000 ms
 * at UTC midnight).
 */

/** A calendar date 'YYYY-MM-DD' (e.g. '2026-10-26'). Validate untrusted input with parseLocalDate. */
export type LocalDate = string;

/**
 * Day of the week, JavaScript convention: 0 = Sunday, 1 = Monday, … 6 = Saturday.
 * We follow Date#getUTCDay so rules like `{ weekdays: [2] }` read as "Tuesday" without a
 * translation table; displays still list days Monday first, as en-GB readers expect.
 */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export const SUNDAY: Weekday = 0;
export const MONDAY: Weekday = 1;
export const TUESDAY: Weekday = 2;
export const WEDNESDAY: Weekday = 3;
export const THURSDAY: Weekday = 4;
export const FRIDAY: Weekday = 5;
export const SATURDAY: Weekday = 6;

const MS_PER_DAY = 86_400_000;
const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface LocalDateParts {
  year: number;
  /** 1-12 */
  month: number;
  /** 1-31 */
  day: number;
}

function partsOrNull(value: string): LocalDateParts | null {
  const match = LOCAL_DATE_PATTERN.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return null;
  // Round-trip through Date.UTC to reject 2026-02-30 and friends.
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    return null;
  }
  return { year, month, day };
}

/** True when `value` is a 'YYYY-MM-DD' string naming a real calendar day. */
export function isLocalDate(value: unknown): value is LocalDate {
  return typeof value === 'string' && partsOrNull(value) !== null;
}

/** Returns `value` unchanged if it is a real 'YYYY-MM-DD' date; throws a readable Error otherwise. */
export function parseLocalDate(value: unknown): LocalDate {
  if (typeof value !== 'string') {
    throw new Error(`Expected a date as 'YYYY-MM-DD', got ${typeof value}`);
  }
  if (!LOCAL_DATE_PATTERN.test(value)) {
    throw new Error(`"${value}" is not a date in the form YYYY-MM-DD`);
  }
  if (partsOrNull(value) === null) {
    throw new Error(`"${value}" is not a real calendar date`);
  }
  return value;
}

/** Splits a valid LocalDate into numbers; throws on an invalid one so bad data cannot leak into arithmetic. */
export function localDateParts(date: LocalDate): LocalDateParts {
  const parts = partsOrNull(date);
  if (!parts) throw new Error(`"${date}" is not a valid YYYY-MM-DD date`);
  return parts;
}

/** Builds a LocalDate from numbers (month 1-12); throws if the day does not exist. */
export function makeLocalDate(year: number, month: number, day: number): LocalDate {
  const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return parseLocalDate(text);
}

/** Days since 1970-01-01 (negative before). */
export function toDayNumber(date: LocalDate): number {
  const { year, month, day } = localDateParts(date);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** Inverse of toDayNumber. */
export function fromDayNumber(dayNumber: number): LocalDate {
  if (!Number.isInteger(dayNumber)) throw new Error(`Day number must be an integer, got ${dayNumber}`);
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The instant of UTC midnight at the start of `date` (useful for date-fns helpers, never for London wall-clock). */
export function utcMidnightOf(date: LocalDate): Date {
  return new Date(toDayNumber(date) * MS_PER_DAY);
}

/** The UTC calendar date of an instant; London dates come from london-time.ts instead. */
export function utcDateOf(instant: Date): LocalDate {
  if (Number.isNaN(instant.getTime())) throw new Error('Invalid Date');
  return instant.toISOString().slice(0, 10);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** Day of week with 0 = Sunday … 6 = Saturday (see Weekday). */
export function weekdayOf(date: LocalDate): Weekday {
  // 1970-01-01 was a Thursday (4).
  return ((((toDayNumber(date) + 4) % 7) + 7) % 7) as Weekday;
}

export function isWeekend(date: LocalDate): boolean {
  const weekday = weekdayOf(date);
  return weekday === SATURDAY || weekday === SUNDAY;
}

/** -1, 0 or 1; valid 'YYYY-MM-DD' strings sort correctly as text, so no parsing is needed. */
export function compareLocalDates(a: LocalDate, b: LocalDate): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Inclusive range test: start <= date <= end. */
export function isWithinRange(date: LocalDate, start: LocalDate, end: LocalDate): boolean {
  return date >= start && date <= end;
}

/** The Monday on or before `date`: en-GB calendar weeks run Monday to Sunday. */
export function mondayOf(date: LocalDate): LocalDate {
  const sinceMonday = (weekdayOf(date) + 6) % 7;
  return addDays(date, -sinceMonday);
}

/** Every date from start to end inclusive (nothing if end < start). */
export function* eachLocalDate(start: LocalDate, end: LocalDate): Generator<LocalDate> {
  const last = toDayNumber(end);
  for (let n = toDayNumber(start); n <= last; n += 1) yield fromDayNumber(n);
}

export function localDateRange(start: LocalDate, end: LocalDate): LocalDate[] {
  return Array.from(eachLocalDate(start, end));
}

/** The first date on or after `date` that falls on `weekday`. */
export function onOrAfterWeekday(date: LocalDate, weekday: Weekday): LocalDate {
  return addDays(date, (weekday - weekdayOf(date) + 7) % 7);
}

/** The last date on or before `date` that falls on `weekday`. */
export function onOrBeforeWeekday(date: LocalDate, weekday: Weekday): LocalDate {
  return addDays(date, -((weekdayOf(date) - weekday + 7) % 7));
}

/** The n-th (1-based) given weekday of a month, e.g. first Monday in May. */
export function nthWeekdayOfMonth(year: number, month: number, weekday: Weekday, n: number): LocalDate {
  if (!Number.isInteger(n) || n < 1 || n > 5) throw new Error(`n must be 1-5, got ${n}`);
  const result = addDays(onOrAfterWeekday(makeLocalDate(year, month, 1), weekday), 7 * (n - 1));
  if (localDateParts(result).month !== month) {
    const ordinal = ['1st', '2nd', '3rd', '4th', '5th'][n - 1];
    throw new Error(`${year}-${String(month).padStart(2, '0')} has no ${ordinal} weekday ${weekday} (0 = Sunday)`);
  }
  return result;
}

/** The last given weekday of a month, e.g. last Monday in August. */
export function lastWeekdayOfMonth(year: number, month: number, weekday: Weekday): LocalDate {
  const lastDay = addDays(month === 12 ? makeLocalDate(year + 1, 1, 1) : makeLocalDate(year, month + 1, 1), -1);
  return onOrBeforeWeekday(lastDay, weekday);
}
