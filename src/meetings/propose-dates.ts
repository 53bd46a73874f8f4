/**
 * Turns a meeting series ("twice a term, Tuesdays at 15:45, 90 minutes") into concrete dates for
 * a whole school year, from every audience school's own calendar. Pure: the caller passes the
 * calendars and the first date that may still be used (today, from the Clock).
 *
 * Rules: a school day for every audience school (no weekend, bank holiday, INSET day, half-term
 * or holiday), never in the first or last calendar week of a term, spread across the term (one
 * meeting near the middle; two near the quarter and three-quarter marks, at least two weeks
 * apart). When no date suits every school, the date that leaves out the fewest schools is chosen
 * and those schools are named, so the leader can see it rather than find out on the day.
 */
import {
  LocalDate,
  TERM_NAMES,
  TermName,
  Weekday,
  addDays,
  daysBetween,
  isInClockChangeHour,
  isLocalDate,
  isLocalTime,
  localTimeOf,
  minutesOfDay,
  onOrAfterWeekday,
  toInstant,
} from '../calendar';
import { Result, fail, ok } from '../core/result';
import { AudienceSchool, dayVerdict, isOff } from './day-check';

export interface SeriesSpec {
  /** Academic year label, e.g. '2026-27'. */
  yearLabel: string;
  perTerm: 1 | 2;
  /** Monday (1) to Friday (5). */
  weekday: Weekday;
  /** London wall-clock start 'HH:mm'. */
  time: string;
  durationMinutes: number;
  /** First date that may be proposed (today when a series is created mid-year). */
  notBefore?: LocalDate;
}

export interface ProposedOccurrence {
  /** Stable within the series: '2026-27/spring/2'. Moving a date keeps the key. */
  key: string;
  yearLabel: string;
  term: TermName;
  /** 1 or 2: which meeting of the term. */
  index: 1 | 2;
  date: LocalDate;
  time: string;
  durationMinutes: number;
  startsAt: Date;
  endsAt: Date;
  /** Ids of audience schools not in school that day; empty when it suits everyone. */
  schoolsOff: string[];
}

export type SkipReason = 'already-passed' | 'no-school-day';

export interface SeriesProposal {
  occurrences: ProposedOccurrence[];
  /** Meetings the series asked for but could not place, with why. */
  skipped: Array<{ key: string; term: TermName; index: 1 | 2; reason: SkipReason }>;
}

export type ProposalError =
  | 'no-schools'
  | 'bad-weekday'
  | 'bad-time'
  /** 01:00-01:59: skipped or repeated in London when the clocks change. */
  | 'time-in-clock-change-hour'
  | 'bad-duration'
  | 'ends-after-midnight'
  | 'bad-date'
  /** Some audience school has no calendar for the year; detail names them. */
  | 'year-not-in-calendar'
  /** notBefore is after the school year ends for every audience school. */
  | 'outside-school-year'
  | 'no-school-days-left';

export const MIN_DURATION_MINUTES = 15;
export const MAX_DURATION_MINUTES = 8 * 60;
/** Two meetings in one term are at least this far apart, when the term allows it. */
const MIN_GAP_DAYS = 14;

/** Checks the time and duration of a meeting: shared with moves. */
export function checkMeetingTime(time: string, durationMinutes: number): Result<true, ProposalError> {
  if (!isLocalTime(time)) return fail('bad-time', time);
  if (isInClockChangeHour(time)) return fail('time-in-clock-change-hour', time);
  if (!Number.isInteger(durationMinutes) || durationMinutes < MIN_DURATION_MINUTES || durationMinutes > MAX_DURATION_MINUTES) {
    return fail('bad-duration', String(durationMinutes));
  }
  if (minutesOfDay(time) + durationMinutes > 24 * 60) return fail('ends-after-midnight', time);
  return ok(true);
}

/**
 * Start and end instants of a London meeting; null when the wall-clock time does not exist that
 * day (never for a checked time, but checked here so a bad date cannot be silently shifted).
 */
export function meetingInstants(date: LocalDate, time: string, durationMinutes: number): { startsAt: Date; endsAt: Date } | null {
  const startsAt = toInstant(date, time);
  if (localTimeOf(startsAt) !== time) return null;
  return { startsAt, endsAt: new Date(startsAt.getTime() + durationMinutes * 60_000) };
}

interface Candidate {
  date: LocalDate;
  off: string[];
}

interface TermWindow {
  start: LocalDate;
  end: LocalDate;
}

function termWindow(schools: readonly AudienceSchool[], yearLabel: string, term: TermName): TermWindow {
  const terms = schools.map((s) => s.calendar.term(yearLabel, term));
  return {
    start: terms.map((t) => t.start).reduce((a, b) => (a < b ? a : b)),
    end: terms.map((t) => t.end).reduce((a, b) => (a > b ? a : b)),
  };
}

/** Days of the preferred weekday on which at least one school is in and none is in an avoided week. */
function candidatesIn(schools: readonly AudienceSchool[], window: TermWindow, weekday: Weekday, notBefore: LocalDate): Candidate[] {
  const result: Candidate[] = [];
  for (let date = onOrAfterWeekday(window.start, weekday); date <= window.end; date = addDays(date, 7)) {
    if (date < notBefore) continue;
    const verdicts = schools.map((s) => ({ id: s.id, verdict: dayVerdict(s.calendar, date) }));
    // An avoided week for anyone rules the day out: the first and last weeks are never used.
    if (verdicts.some((v) => v.verdict === 'first-week' || v.verdict === 'last-week')) continue;
    const off = verdicts.filter((v) => isOff(v.verdict)).map((v) => v.id);
    if (off.length < schools.length) result.push({ date, off });
  }
  return result;
}

/** Fewest schools off first, then nearest the target, then the earlier date. */
function best(candidates: Candidate[], target: LocalDate): Candidate | null {
  let chosen: Candidate | null = null;
  let chosenScore: [number, number, string] | null = null;
  for (const c of candidates) {
    const score: [number, number, string] = [c.off.length, Math.abs(daysBetween(target, c.date)), c.date];
    if (
      !chosenScore ||
      score[0] < chosenScore[0] ||
      (score[0] === chosenScore[0] && (score[1] < chosenScore[1] || (score[1] === chosenScore[1] && score[2] < chosenScore[2])))
    ) {
      chosen = c;
      chosenScore = score;
    }
  }
  return chosen;
}

function targets(window: TermWindow, perTerm: 1 | 2): LocalDate[] {
  const length = daysBetween(window.start, window.end);
  const fractions = perTerm === 1 ? [0.5] : [0.25, 0.75];
  return fractions.map((f) => addDays(window.start, Math.round(length * f)));
}

function checkSpec(spec: SeriesSpec, schools: readonly AudienceSchool[]): Result<true, ProposalError> {
  if (schools.length === 0) return fail('no-schools');
  if (!Number.isInteger(spec.weekday) || spec.weekday < 1 || spec.weekday > 5) return fail('bad-weekday', String(spec.weekday));
  const time = checkMeetingTime(spec.time, spec.durationMinutes);
  if (!time.ok) return time;
  if (spec.notBefore !== undefined && !isLocalDate(spec.notBefore)) return fail('bad-date', String(spec.notBefore));
  const missing = schools.filter((s) => !s.calendar.years.some((y) => y.label === spec.yearLabel));
  if (missing.length > 0) return fail('year-not-in-calendar', missing.map((s) => s.name).join(', '));
  return ok(true);
}

export function proposeSeriesDates(spec: SeriesSpec, schools: readonly AudienceSchool[]): Result<SeriesProposal, ProposalError> {
  const checked = checkSpec(spec, schools);
  if (!checked.ok) return checked;
  const notBefore = spec.notBefore ?? '0000-01-01';
  const yearEnd = termWindow(schools, spec.yearLabel, 'summer').end;
  if (notBefore > yearEnd) return fail('outside-school-year', `${spec.yearLabel} ends ${yearEnd}`);

  const proposal: SeriesProposal = { occurrences: [], skipped: [] };
  for (const term of TERM_NAMES) {
    const window = termWindow(schools, spec.yearLabel, term);
    const candidates = candidatesIn(schools, window, spec.weekday, notBefore);
    let previous: LocalDate | null = null;
    targets(window, spec.perTerm).forEach((target, i) => {
      const index = (i + 1) as 1 | 2;
      const key = `${spec.yearLabel}/${term}/${index}`;
      if (target < notBefore && (i < spec.perTerm - 1 || window.end < notBefore)) {
        proposal.skipped.push({ key, term, index, reason: 'already-passed' });
        return;
      }
      const after = previous;
      const spaced = after === null ? candidates : candidates.filter((c) => daysBetween(after, c.date) >= MIN_GAP_DAYS);
      const later = after === null ? candidates : candidates.filter((c) => c.date > after);
      const pick = best(spaced, target) ?? best(later, target);
      const instants = pick ? meetingInstants(pick.date, spec.time, spec.durationMinutes) : null;
      if (!pick || !instants) {
        proposal.skipped.push({ key, term, index, reason: 'no-school-day' });
        return;
      }
      previous = pick.date;
      proposal.occurrences.push({
        key,
        yearLabel: spec.yearLabel,
        term,
        index,
        date: pick.date,
        time: spec.time,
        durationMinutes: spec.durationMinutes,
        ...instants,
        schoolsOff: pick.off,
      });
    });
  }
  if (proposal.occurrences.length === 0) return fail('no-school-days-left', spec.yearLabel);
  return ok(proposal);
}
