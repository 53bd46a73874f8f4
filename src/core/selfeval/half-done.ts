/**
 * Areas a school started and left (issue 13, gentle nudges): some statements answered, not
 * all. The nudge is due on the n-th school day after the last answer in the area, and is sent
 * once per gap: the key names the last answer's time, so a new answer starts a new gap.
 */
import type { LocalDate } from '../dates';
import type { Framework, SelfEvalAnswer } from './model';

/** School days a half-done area waits before the SENCOs get a nudge. */
export const NUDGE_AFTER_SCHOOL_DAYS = 3;

export interface HalfDoneArea {
  areaId: string;
  title: string;
  /** 1-based position of the area, for "Area 2 of 5". */
  areaNumber: number;
  areaCount: number;
  answered: number;
  total: number;
  /** The latest answer in the area: the gap is measured from here. */
  lastAnsweredAt: Date;
}

export function halfDoneAreas(framework: Framework, answers: readonly SelfEvalAnswer[]): HalfDoneArea[] {
  const byStatement = new Map(answers.map((a) => [a.statementId, a]));
  return framework.areas.flatMap((area, index) => {
    const given = area.statements.map((s) => byStatement.get(s.id)).filter((a): a is SelfEvalAnswer => a !== undefined);
    if (given.length === 0 || given.length === area.statements.length) return [];
    const last = Math.max(...given.map((a) => a.answeredAt.getTime()));
    return [
      {
        areaId: area.id,
        title: area.title,
        areaNumber: index + 1,
        areaCount: framework.areas.length,
        answered: given.length,
        total: area.statements.length,
        lastAnsweredAt: new Date(last),
      },
    ];
  });
}

/**
 * The school day the nudge is due on: the `after`-th school day after `lastDay` (the day of the
 * last answer), given the school's calendar as `nextSchoolDayAfter`. Null when the calendar
 * has no such day (the end of the known years).
 */
export function nudgeDueDay(
  lastDay: LocalDate,
  after: number,
  nextSchoolDayAfter: (date: LocalDate) => LocalDate | null,
): LocalDate | null {
  let day: LocalDate | null = lastDay;
  for (let i = 0; i < after && day; i++) day = nextSchoolDayAfter(day);
  return day;
}

/** The outbox key of one nudge to one person: once per gap (the last answer's time) and person. */
export function nudgeKey(cycleId: string, schoolId: string, area: HalfDoneArea, personId: string): string {
  return `selfeval-nudge:${cycleId}:${schoolId}:${area.areaId}:${area.lastAnsweredAt.getTime()}:${personId}`;
}
