/**
 * Where a school is in its self-evaluation, for "Area 2 of 5, statement 3 of 4" and for
 * resuming where they left off on either platform: the first unanswered statement of the
 * area (one area per sitting), and which areas are done.
 */
import type { Framework, SelfEvalAnswer } from './model';

export interface AreaProgress {
  areaId: string;
  /** 1-based position of the area in the framework. */
  areaNumber: number;
  areaCount: number;
  answered: number;
  total: number;
  complete: boolean;
  /** The next statement to ask (first unanswered, in order), with its 1-based number. */
  next: { statementId: string; number: number } | null;
}

export function areaProgress(framework: Framework, areaId: string, answers: readonly SelfEvalAnswer[]): AreaProgress | null {
  const index = framework.areas.findIndex((a) => a.id === areaId);
  const area = framework.areas[index];
  if (!area) return null;
  const done = new Set(answers.map((a) => a.statementId));
  const nextIndex = area.statements.findIndex((s) => !done.has(s.id));
  const answered = area.statements.filter((s) => done.has(s.id)).length;
  return {
    areaId,
    areaNumber: index + 1,
    areaCount: framework.areas.length,
    answered,
    total: area.statements.length,
    complete: answered === area.statements.length,
    next: nextIndex < 0 ? null : { statementId: area.statements[nextIndex]!.id, number: nextIndex + 1 },
  };
}

/** Every area's progress, and the area to offer next (the first not finished). */
export function schoolProgress(
  framework: Framework,
  answers: readonly SelfEvalAnswer[],
): { areas: AreaProgress[]; nextAreaId: string | null } {
  const areas = framework.areas.map((a) => areaProgress(framework, a.id, answers)!);
  return { areas, nextAreaId: areas.find((a) => !a.complete)?.areaId ?? null };
}
