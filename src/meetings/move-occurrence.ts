/**
 * "Move this meeting to ...": checks a leader's new date and time against every audience
 * school's calendar. The leader decides, so a date that leaves some schools out is allowed but
 * those schools are named; a date when no audience school is in, or outside the school year, is
 * refused with a reason.
 */
import { LocalDate, isLocalDate } from '../calendar';
import { Result, fail, ok } from '../core/result';
import { AudienceSchool, DayVerdict, dayVerdict, isOff } from './day-check';
import { ProposalError, checkMeetingTime, meetingInstants } from './propose-dates';

export interface MoveRequest {
  date: string;
  time: string;
  durationMinutes: number;
  /** Today (from the Clock): a meeting cannot be moved into the past. */
  today: LocalDate;
}

export interface MovePlan {
  date: LocalDate;
  time: string;
  durationMinutes: number;
  startsAt: Date;
  endsAt: Date;
  /** Schools not in school that day, with why. */
  schoolsOff: Array<{ id: string; verdict: DayVerdict }>;
  /** Schools in school but in the first or last week of a term (usually avoided). */
  cautions: Array<{ id: string; verdict: DayVerdict }>;
}

export type MoveError = ProposalError | 'in-the-past' | 'no-school-in';

export function planMove(request: MoveRequest, schools: readonly AudienceSchool[]): Result<MovePlan, MoveError> {
  if (schools.length === 0) return fail('no-schools');
  if (!isLocalDate(request.date)) return fail('bad-date', String(request.date));
  const time = checkMeetingTime(request.time, request.durationMinutes);
  if (!time.ok) return time;
  if (request.date < request.today) return fail('in-the-past', request.date);
  const verdicts = schools.map((s) => ({ id: s.id, verdict: dayVerdict(s.calendar, request.date) }));
  if (verdicts.every((v) => v.verdict === 'holiday' || v.verdict === 'weekend')) {
    const inAnyYear = schools.some((s) => s.calendar.years.some((y) => y.terms[0].start <= request.date && request.date <= y.terms[2].end));
    if (!inAnyYear) return fail('outside-school-year', request.date);
  }
  const schoolsOff = verdicts.filter((v) => isOff(v.verdict));
  if (schoolsOff.length === schools.length) return fail('no-school-in', request.date);
  const instants = meetingInstants(request.date, request.time, request.durationMinutes);
  if (!instants) return fail('time-in-clock-change-hour', request.time);
  return ok({
    date: request.date,
    time: request.time,
    durationMinutes: request.durationMinutes,
    ...instants,
    schoolsOff,
    cautions: verdicts.filter((v) => v.verdict === 'first-week' || v.verdict === 'last-week'),
  });
}
