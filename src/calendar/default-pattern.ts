/**
 * A rule-of-thumb English school year for trusts that have not entered their own dates.
 *
 * Local authorities publish slightly different dates each year, and academies set their own,
 * so this is a sensible default, not the truth: trusts and schools should override it. The
 * rules below reproduce the common 2026-27 published pattern (1 Sep / 26-30 Oct / 18 Dec /
 * 4 Jan / 15-19 Feb / 25 Mar / 12 Apr / 31 May-4 Jun / 21 Jul) and give 195 weekdays in
 * term that are not bank holidays: the 190 pupil days plus room for the 5 INSET days.
 *
 * No INSET days are included: each school chooses its own five (usually at term edges), and
 * guessing them would silence nudges on days the school is actually teaching. Until a school
 * adds them, every one of the 195 days counts as a school day.
 */
import { englandAndWalesBankHolidaysByRule, easterSunday } from './bank-holidays';
import {
  FRIDAY,
  LocalDate,
  MONDAY,
  addDays,
  isWeekend,
  lastWeekdayOfMonth,
  makeLocalDate,
  onOrAfterWeekday,
  onOrBeforeWeekday,
  weekdayOf,
} from './local-date';
import { AcademicYear, Term, TermName, academicYearLabel } from './term-dates';

/** First weekday on or after `date` that is not in `avoid`. */
function weekdayOnOrAfter(date: LocalDate, avoid: ReadonlySet<LocalDate> = new Set()): LocalDate {
  let day = date;
  while (isWeekend(day) || avoid.has(day)) day = addDays(day, 1);
  return day;
}

/** Last weekday on or before `date` that is not in `avoid`. */
function weekdayOnOrBefore(date: LocalDate, avoid: ReadonlySet<LocalDate> = new Set()): LocalDate {
  let day = date;
  while (isWeekend(day) || avoid.has(day)) day = addDays(day, -1);
  return day;
}

/**
 * A term that would end on a lone Monday ends the Friday before instead: nobody brings
 * children back for one day after a weekend just before a long holiday.
 */
function endAvoidingLoneMonday(date: LocalDate): LocalDate {
  const end = weekdayOnOrBefore(date);
  return weekdayOf(end) === MONDAY ? addDays(end, -3) : end;
}

function halfTermWeek(monday: LocalDate): { halfTermStart: LocalDate; halfTermEnd: LocalDate } {
  return { halfTermStart: monday, halfTermEnd: addDays(monday, 4) };
}

function term(name: TermName, start: LocalDate, end: LocalDate, halfTermMonday: LocalDate): Term {
  return { name, start, end, ...halfTermWeek(halfTermMonday) };
}

/**
 * Autumn: starts on the first weekday of September (a Friday 1st waits for the Monday), so a
 * school's INSET days on 1-2 September sit inside the term. Half-term is the last Monday-to-
 * Friday week wholly in October. The term ends on the last weekday on or before 20 December,
 * which leaves about two weeks for Christmas.
 */
function autumnTerm(startYear: number): Term {
  const firstOfSeptember = weekdayOnOrAfter(makeLocalDate(startYear, 9, 1));
  const start = weekdayOf(firstOfSeptember) === FRIDAY ? addDays(firstOfSeptember, 3) : firstOfSeptember;
  // The last Monday whose Friday is still in October (31 Oct minus 4 days, back to a Monday).
  const halfTermMonday = onOrBeforeWeekday(makeLocalDate(startYear, 10, 27), MONDAY);
  const end = endAvoidingLoneMonday(makeLocalDate(startYear, 12, 20));
  return term('autumn', start, end, halfTermMonday);
}

/**
 * The Easter fortnight must contain Easter Monday. Normally it runs from the Monday of Holy
 * Week, so Good Friday falls in the first week. When Easter is early (on or before 31 March)
 * that would cut the spring term short, so the fortnight starts on Easter Monday instead and
 * the spring term ends on the Thursday before Good Friday.
 */
function easterHolidayMonday(year: number): LocalDate {
  const easter = easterSunday(year);
  const early = easter <= makeLocalDate(year, 3, 31);
  return early ? addDays(easter, 1) : addDays(easter, -6);
}

/**
 * Spring: starts on the first weekday on or after 4 January (New Year substitutes are at most
 * 3 January). Half-term is the week starting on the Monday between 12 and 18 February. The
 * term ends on the last working day before the Easter fortnight.
 */
function springTerm(year: number, bankHolidays: ReadonlySet<LocalDate>): Term {
  const start = weekdayOnOrAfter(makeLocalDate(year, 1, 4), bankHolidays);
  const halfTermMonday = onOrAfterWeekday(makeLocalDate(year, 2, 12), MONDAY);
  const end = weekdayOnOrBefore(addDays(easterHolidayMonday(year), -1), bankHolidays);
  return term('spring', start, end, halfTermMonday);
}

/**
 * Summer: starts the Monday after the Easter fortnight (or the next working day if that is
 * the Early May bank holiday). Half-term is the week of the Spring bank holiday, the last
 * Monday in May. The term ends on the last weekday on or before 21 July.
 */
function summerTerm(year: number, bankHolidays: ReadonlySet<LocalDate>): Term {
  const start = weekdayOnOrAfter(addDays(easterHolidayMonday(year), 14), bankHolidays);
  const halfTermMonday = lastWeekdayOfMonth(year, 5, MONDAY);
  const end = endAvoidingLoneMonday(makeLocalDate(year, 7, 21));
  return term('summer', start, end, halfTermMonday);
}

/** The default pattern for the academic year starting in September of `startYear` (e.g. 2026 → '2026-27'). */
export function defaultAcademicYear(startYear: number): AcademicYear {
  const label = academicYearLabel(startYear);
  const bankHolidays = new Set(englandAndWalesBankHolidaysByRule(startYear + 1).map((h) => h.date));
  return {
    label,
    terms: [autumnTerm(startYear), springTerm(startYear + 1, bankHolidays), summerTerm(startYear + 1, bankHolidays)],
    insetDays: [],
  };
}
