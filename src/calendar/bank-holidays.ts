/**
 * England and Wales bank holidays: the standing rules, the shipped data, and the gov.uk feed.
 *
 * The rules cannot know about one-off holidays proclaimed by the Crown (VE Day 2020, the 2022
 * Jubilee, the 2023 Coronation), so production should merge the gov.uk feed into the shipped
 * list rather than trust the rules alone.
 */
import {
  LocalDate,
  MONDAY,
  addDays,
  isLocalDate,
  isWeekend,
  lastWeekdayOfMonth,
  makeLocalDate,
  nthWeekdayOfMonth,
  parseLocalDate,
} from './local-date';
import { BankHoliday, ENGLAND_AND_WALES_BANK_HOLIDAYS } from './bank-holidays-data';

export { ENGLAND_AND_WALES_BANK_HOLIDAYS, BANK_HOLIDAY_DATA_YEARS } from './bank-holidays-data';
export type { BankHoliday } from './bank-holidays-data';

/**
 * Easter Sunday (Gregorian) by the anonymous "Meeus/Jones/Butcher" algorithm, which is exact
 * for every Gregorian year, unlike the shortcut formulas that break outside 1900-2099.
 */
export function easterSunday(year: number): LocalDate {
  if (!Number.isInteger(year) || year < 1583) throw new Error(`Easter needs a Gregorian year, got ${year}`);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return makeLocalDate(year, month, day);
}

function nextWeekdayNotTaken(from: LocalDate, taken: Set<LocalDate>): LocalDate {
  let date = from;
  while (isWeekend(date) || taken.has(date)) date = addDays(date, 1);
  return date;
}

/**
 * Christmas and Boxing Day with substitutes: a day that falls at a weekend moves to the next
 * weekday not already a holiday, so Christmas on a Sunday keeps Boxing Day on Monday 26th and
 * gives Tuesday 27th as the Christmas substitute (as gov.uk did in 2022).
 */
function christmasHolidays(year: number): BankHoliday[] {
  const christmas = makeLocalDate(year, 12, 25);
  const boxing = makeLocalDate(year, 12, 26);
  const taken = new Set<LocalDate>([christmas, boxing].filter((d) => !isWeekend(d)));
  const observe = (date: LocalDate, title: string): BankHoliday => {
    if (!isWeekend(date)) return { date, title };
    const substitute = nextWeekdayNotTaken(addDays(boxing, 1), taken);
    taken.add(substitute);
    return { date: substitute, title: `${title} (substitute day)` };
  };
  return [observe(christmas, 'Christmas Day'), observe(boxing, 'Boxing Day')];
}

function newYearsDay(year: number): BankHoliday {
  const date = makeLocalDate(year, 1, 1);
  if (!isWeekend(date)) return { date, title: "New Year's Day" };
  return { date: nextWeekdayNotTaken(date, new Set()), title: "New Year's Day (substitute day)" };
}

/**
 * The standing England and Wales bank holidays of one year, computed from the rules. Ignores
 * one-off proclamations (e.g. Early May moved to 8 May in 2020), which only the feed knows.
 */
export function englandAndWalesBankHolidaysByRule(year: number): BankHoliday[] {
  const easter = easterSunday(year);
  return [
    newYearsDay(year),
    { date: addDays(easter, -2), title: 'Good Friday' },
    { date: addDays(easter, 1), title: 'Easter Monday' },
    { date: nthWeekdayOfMonth(year, 5, MONDAY, 1), title: 'Early May bank holiday' },
    { date: lastWeekdayOfMonth(year, 5, MONDAY), title: 'Spring bank holiday' },
    { date: lastWeekdayOfMonth(year, 8, MONDAY), title: 'Summer bank holiday' },
    ...christmasHolidays(year),
  ];
}

/** The shipped 2024-2030 list as plain dates, sorted. */
export const DEFAULT_BANK_HOLIDAYS: readonly LocalDate[] = Object.freeze(ENGLAND_AND_WALES_BANK_HOLIDAYS.map((h) => h.date).sort());

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function feedError(detail: string): Error {
  return new Error(`Malformed gov.uk bank holidays feed: ${detail}`);
}

function eventDate(event: unknown, index: number): LocalDate {
  const where = `"england-and-wales".events[${index}]`;
  if (!isRecord(event)) throw feedError(`${where} is not an object`);
  if (typeof event.title !== 'string' || event.title.trim() === '') {
    throw feedError(`${where}.title must be a non-empty string`);
  }
  if (!isLocalDate(event.date)) {
    throw feedError(`${where}.date must be a real date as YYYY-MM-DD, got ${JSON.stringify(event.date)}`);
  }
  // notes and bunting are display-only, but a wrong type means we are not reading the feed we think.
  if ('notes' in event && typeof event.notes !== 'string') throw feedError(`${where}.notes must be a string`);
  if ('bunting' in event && typeof event.bunting !== 'boolean') throw feedError(`${where}.bunting must be a boolean`);
  return event.date;
}

/**
 * Reads https://www.gov.uk/bank-holidays.json (already parsed) and returns the England and
 * Wales dates, sorted and de-duplicated. Scotland and Northern Ireland are ignored on purpose:
 * the trusts we serve are English. Throws an Error naming the first problem it finds.
 */
export function parseGovUkBankHolidays(json: unknown): LocalDate[] {
  if (!isRecord(json)) throw feedError('expected a JSON object at the top level');
  const division = json['england-and-wales'];
  if (!isRecord(division)) throw feedError('missing the "england-and-wales" division');
  if (typeof division.division !== 'string') throw feedError('"england-and-wales".division must be a string');
  if (!Array.isArray(division.events)) throw feedError('"england-and-wales".events must be an array');
  const dates = division.events.map((event, index) => eventDate(event, index));
  return [...new Set(dates)].sort();
}

/** Union of two holiday lists, sorted and de-duplicated; throws on any invalid date. */
export function mergeBankHolidays(a: readonly LocalDate[], b: readonly LocalDate[]): LocalDate[] {
  const all = [...a, ...b].map((d) => parseLocalDate(d));
  return [...new Set(all)].sort();
}
