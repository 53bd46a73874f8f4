/**
 * One school's calendar: the trust's academic years, the school's own overrides, bank holidays
 * and INSET days, answering "may we nudge / meet on this date?" and "where in the term are we?".
 */
import { LocalDate, addDays, isWeekend, isWithinRange, mondayOf, daysBetween, eachLocalDate, parseLocalDate } from './local-date';
import { AcademicYear, Term, TermName, isInHalfTerm, termByName, validateAcademicYear } from './term-dates';

export interface SchoolCalendarOptions {
  /** The trust's academic years (one per label). */
  years: readonly AcademicYear[];
  bankHolidays: readonly LocalDate[];
  /** The school's own years: each replaces the trust year with the same label, or adds one. */
  overrides?: readonly AcademicYear[];
  /** INSET days the school adds on top of those in its years; each must fall inside a term. */
  extraInsetDays?: readonly LocalDate[];
}

export interface TermPosition {
  /** Academic year label, e.g. '2026-27'. */
  year: string;
  term: TermName;
  /** 1 before half-term, 2 after it. */
  half: 1 | 2;
}

/** How far nextSchoolDay looks before giving up: a summer holiday plus slack, well under a year. */
const SEARCH_LIMIT_DAYS = 400;

function effectiveYears(options: SchoolCalendarOptions): AcademicYear[] {
  const byLabel = new Map<string, AcademicYear>();
  for (const year of options.years) {
    if (byLabel.has(year.label)) throw new Error(`Academic year ${year.label} is given twice`);
    byLabel.set(year.label, year);
  }
  const overridden = new Set<string>();
  for (const year of options.overrides ?? []) {
    if (overridden.has(year.label)) throw new Error(`School override for ${year.label} is given twice`);
    overridden.add(year.label);
    byLabel.set(year.label, year);
  }
  return [...byLabel.values()].sort((a, b) => (a.label < b.label ? -1 : 1));
}

/** Attaches each extra INSET day to the year whose terms contain it, so validation can check it. */
function withExtraInset(years: AcademicYear[], extra: readonly LocalDate[]): AcademicYear[] {
  const unplaced = extra.map((d) => parseLocalDate(d));
  const result = years.map((year) => {
    const mine = unplaced.filter((d) => year.terms.some((t) => isWithinRange(d, t.start, t.end)));
    return mine.length === 0 ? year : { ...year, insetDays: [...new Set([...year.insetDays, ...mine])] };
  });
  const placed = new Set(result.flatMap((y) => y.insetDays));
  const orphans = unplaced.filter((d) => !placed.has(d));
  if (orphans.length > 0) {
    throw new Error(`INSET day(s) ${orphans.join(', ')} are not inside any term; extend the term in a school override`);
  }
  return result;
}

function assertWeekCount(weeks: number): void {
  if (!Number.isInteger(weeks) || weeks < 0) throw new Error(`weeks must be a whole number >= 0, got ${weeks}`);
}

export class SchoolCalendar {
  /** The years in force for this school (trust years with overrides applied), by label order. */
  readonly years: readonly AcademicYear[];
  private readonly bankHolidays: ReadonlySet<LocalDate>;
  private readonly insetDays: ReadonlySet<LocalDate>;

  /** Throws an Error listing every problem if any year is invalid: a wrong calendar fails loudly. */
  constructor(options: SchoolCalendarOptions) {
    const bankHolidays = options.bankHolidays.map((d) => parseLocalDate(d));
    const years = withExtraInset(effectiveYears(options), options.extraInsetDays ?? []);
    const problems = years.flatMap((y) => validateAcademicYear(y, bankHolidays));
    if (problems.length > 0) throw new Error(`Invalid school calendar:\n- ${problems.join('\n- ')}`);
    this.years = years;
    this.bankHolidays = new Set(bankHolidays);
    this.insetDays = new Set(years.flatMap((y) => y.insetDays));
  }

  year(label: string): AcademicYear {
    const year = this.years.find((y) => y.label === label);
    if (!year) throw new Error(`No academic year ${label} in this calendar (have: ${this.years.map((y) => y.label).join(', ') || 'none'})`);
    return year;
  }

  term(yearLabel: string, name: TermName): Term {
    return termByName(this.year(yearLabel), name);
  }

  isBankHoliday(date: LocalDate): boolean {
    return this.bankHolidays.has(date);
  }

  isInsetDay(date: LocalDate): boolean {
    return this.insetDays.has(date);
  }

  /** The year and term whose start..end contains `date` (half-term included), if any. */
  private termContaining(date: LocalDate): { year: AcademicYear; term: Term } | null {
    for (const year of this.years) {
      for (const term of year.terms) {
        if (isWithinRange(date, term.start, term.end)) return { year, term };
      }
    }
    return null;
  }

  /** Like termContaining, but null during half-term: the half-term week is a holiday. */
  private termTime(date: LocalDate): { year: AcademicYear; term: Term } | null {
    const found = this.termContaining(parseLocalDate(date));
    return found && !isInHalfTerm(date, found.term) ? found : null;
  }

  /**
   * Where `date` sits: null in the holidays, including half-term itself. Weekends inside a term
   * belong to the half they fall in.
   */
  termOf(date: LocalDate): TermPosition | null {
    const found = this.termTime(date);
    if (!found) return null;
    return { year: found.year.label, term: found.term.name, half: date < found.term.halfTermStart ? 1 : 2 };
  }

  /** Term time, a weekday, not a bank holiday: the days staff are in school (INSET included). */
  isTeacherDay(date: LocalDate): boolean {
    return this.termOf(date) !== null && !isWeekend(date) && !this.bankHolidays.has(date);
  }

  /** A teacher day that is not INSET: pupils are in. */
  isPupilDay(date: LocalDate): boolean {
    return this.isTeacherDay(date) && !this.insetDays.has(date);
  }

  /**
   * A day for nudges and meetings. Same as isPupilDay: INSET days are taken up by the school's
   * own training, so SENCOs are not free for network business then.
   */
  isSchoolDay(date: LocalDate): boolean {
    return this.isPupilDay(date);
  }

  /** School days of one term, in order. */
  schoolDaysIn(yearLabel: string, name: TermName): LocalDate[] {
    const term = this.term(yearLabel, name);
    return [...eachLocalDate(term.start, term.end)].filter((d) => this.isSchoolDay(d));
  }

  /**
   * The n-th school day of a term: 1 = first; negative counts from the end (-1 = last).
   * Null when the term has fewer school days.
   */
  nthSchoolDay(yearLabel: string, name: TermName, n: number): LocalDate | null {
    if (!Number.isInteger(n) || n === 0) throw new Error(`n must be a non-zero integer, got ${n}`);
    const days = this.schoolDaysIn(yearLabel, name);
    return (n > 0 ? days[n - 1] : days[days.length + n]) ?? null;
  }

  /**
   * True when `date` is in term time and in one of the first `weeks` calendar weeks (Monday to
   * Sunday) of its term; the week containing the first day is week 1 even if it starts midweek.
   */
  isInFirstWeeks(date: LocalDate, weeks: number): boolean {
    assertWeekCount(weeks);
    const found = this.termTime(date);
    if (!found) return false;
    return daysBetween(mondayOf(found.term.start), mondayOf(date)) / 7 < weeks;
  }

  /** Mirror of isInFirstWeeks, counting back from the calendar week of the term's last day. */
  isInLastWeeks(date: LocalDate, weeks: number): boolean {
    assertWeekCount(weeks);
    const found = this.termTime(date);
    if (!found) return false;
    return daysBetween(mondayOf(date), mondayOf(found.term.end)) / 7 < weeks;
  }

  /** The first school day on or after `date` (may be `date` itself); null if none within 400 days. */
  nextSchoolDayOnOrAfter(date: LocalDate): LocalDate | null {
    for (let i = 0; i < SEARCH_LIMIT_DAYS; i += 1) {
      const day = addDays(date, i);
      if (this.isSchoolDay(day)) return day;
    }
    return null;
  }

  /** The first school day strictly after `date`; null if none within 400 days. */
  nextSchoolDayAfter(date: LocalDate): LocalDate | null {
    return this.nextSchoolDayOnOrAfter(addDays(date, 1));
  }
}

/** Factory form of `new SchoolCalendar(options)`. */
export function createSchoolCalendar(options: SchoolCalendarOptions): SchoolCalendar {
  return new SchoolCalendar(options);
}
