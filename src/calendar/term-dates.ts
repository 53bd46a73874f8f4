/**
 * The shape of an English school year (three terms, each split by a one-week half-term) and
 * the checks that catch typing mistakes in term dates before they silence or misfire nudges.
 */
import { LocalDate, isLocalDate, isWeekend, isWithinRange, makeLocalDate } from './local-date';

export type TermName = 'autumn' | 'spring' | 'summer';

export const TERM_NAMES: readonly TermName[] = ['autumn', 'spring', 'summer'];

/**
 * One term. `start`/`end` are the first and last days of the term including any INSET days a
 * school places at its edges. `halfTermStart`/`halfTermEnd` are the holiday itself, inclusive
 * (usually Monday to Friday).
 */
export interface Term {
  name: TermName;
  start: LocalDate;
  end: LocalDate;
  halfTermStart: LocalDate;
  halfTermEnd: LocalDate;
}

/** One academic year, labelled like '2026-27', with its INSET (staff training) days. */
export interface AcademicYear {
  label: string;
  terms: [Term, Term, Term];
  insetDays: LocalDate[];
}

const LABEL_PATTERN = /^(\d{4})-(\d{2})$/;

/** '2026-27' for 2026; the label keys trust years and school overrides. */
export function academicYearLabel(startYear: number): string {
  if (!Number.isInteger(startYear) || startYear < 1000 || startYear > 9998) {
    throw new Error(`Not a plausible academic start year: ${startYear}`);
  }
  return `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/** 2026 for '2026-27'; null when the label is malformed or the two years do not follow on. */
export function startYearOfLabel(label: string): number | null {
  const match = LABEL_PATTERN.exec(label);
  if (!match) return null;
  const startYear = Number(match[1]);
  // A label the bank-holiday rules and date maths can serve: '1066-67' or '9999-00' is not one.
  if (startYear < MIN_START_YEAR || startYear > MAX_START_YEAR) return null;
  return (startYear + 1) % 100 === Number(match[2]) ? startYear : null;
}

/** Academic years the calendar answers for (start years). */
export const MIN_START_YEAR = 2000;
export const MAX_START_YEAR = 2099;

/** The named term of a year (terms are stored in order, but look them up by name to be safe). */
export function termByName(year: AcademicYear, name: TermName): Term {
  const term = year.terms.find((t) => t.name === name);
  if (!term) throw new Error(`Academic year ${year.label} has no ${name} term`);
  return term;
}

export function isInHalfTerm(date: LocalDate, term: Term): boolean {
  return isWithinRange(date, term.halfTermStart, term.halfTermEnd);
}

function termDateProblems(term: Term): string[] {
  const fields = ['start', 'end', 'halfTermStart', 'halfTermEnd'] as const;
  return fields
    .filter((field) => !isLocalDate(term[field]))
    .map((field) => `${term.name} term ${field} "${String(term[field])}" is not a valid YYYY-MM-DD date`);
}

function termShapeProblems(term: Term): string[] {
  const problems: string[] = [];
  const t = `${term.name} term`;
  if (term.end < term.start) problems.push(`${t} ends (${term.end}) before it starts (${term.start})`);
  if (term.halfTermEnd < term.halfTermStart) {
    problems.push(`${t} half-term ends (${term.halfTermEnd}) before it starts (${term.halfTermStart})`);
  }
  // Strictly inside: a half-term touching a term edge would leave one "half" with no days.
  if (!(term.start < term.halfTermStart && term.halfTermEnd < term.end)) {
    problems.push(`${t} half-term ${term.halfTermStart}..${term.halfTermEnd} is not inside the term ${term.start}..${term.end}`);
  }
  if (isWeekend(term.start)) problems.push(`${t} starts on a weekend (${term.start})`);
  if (isWeekend(term.end)) problems.push(`${t} ends on a weekend (${term.end})`);
  return problems;
}

function orderProblems(year: AcademicYear): string[] {
  const problems: string[] = [];
  year.terms.forEach((term, index) => {
    const expected = TERM_NAMES[index];
    if (term.name !== expected) problems.push(`term ${index + 1} should be ${expected}, found ${term.name}`);
  });
  for (let i = 1; i < year.terms.length; i += 1) {
    const before = year.terms[i - 1];
    const after = year.terms[i];
    if (before && after && !(before.end < after.start)) {
      problems.push(`${after.name} term starts (${after.start}) before the ${before.name} term has ended (${before.end})`);
    }
  }
  return problems;
}

/** The year must sit between 1 August and 31 August of the following year, matching its label. */
function labelProblems(year: AcademicYear): string[] {
  const startYear = startYearOfLabel(year.label);
  if (startYear === null) return [`label "${year.label}" should look like '2026-27'`];
  const first = makeLocalDate(startYear, 8, 1);
  const last = makeLocalDate(startYear + 1, 8, 31);
  return year.terms
    .filter((term) => !isWithinRange(term.start, first, last) || !isWithinRange(term.end, first, last))
    .map((term) => `${term.name} term ${term.start}..${term.end} falls outside academic year ${year.label} (${first}..${last})`);
}

function insetProblems(year: AcademicYear, bankHolidays: ReadonlySet<LocalDate>): string[] {
  const problems: string[] = [];
  const seen = new Set<LocalDate>();
  for (const day of year.insetDays) {
    if (!isLocalDate(day)) {
      problems.push(`INSET day "${String(day)}" is not a valid YYYY-MM-DD date`);
      continue;
    }
    if (seen.has(day)) problems.push(`INSET day ${day} is listed twice`);
    seen.add(day);
    const term = year.terms.find((t) => isWithinRange(day, t.start, t.end));
    if (!term) problems.push(`INSET day ${day} is not inside any term of ${year.label}`);
    else if (isInHalfTerm(day, term)) problems.push(`INSET day ${day} falls in the ${term.name} half-term`);
    if (isWeekend(day)) problems.push(`INSET day ${day} is a weekend`);
    if (bankHolidays.has(day)) problems.push(`INSET day ${day} is a bank holiday`);
  }
  return problems;
}

/**
 * Every problem found in `year`, as plain English sentences; an empty list means valid.
 * Pass the bank holidays to also catch INSET days placed on them.
 */
export function validateAcademicYear(year: AcademicYear, bankHolidays: readonly LocalDate[] = []): string[] {
  if (!Array.isArray(year.terms) || year.terms.length !== 3) {
    return [`${year.label}: expected exactly 3 terms (autumn, spring, summer)`];
  }
  const dateProblems = year.terms.flatMap(termDateProblems);
  // Ordering checks on broken dates would only repeat the same mistake in other words.
  if (dateProblems.length > 0) return dateProblems.map((p) => `${year.label}: ${p}`);
  const problems = [
    ...labelProblems(year),
    ...orderProblems(year),
    ...year.terms.flatMap(termShapeProblems),
    ...insetProblems(year, new Set(bankHolidays)),
  ];
  return problems.map((p) => `${year.label}: ${p}`);
}
