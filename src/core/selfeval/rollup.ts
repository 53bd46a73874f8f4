/**
 * The trust roll-up of a cycle (issue 13): an area x school matrix of levels, the most
 * common development areas (statements rated weak by the most schools), and, per area, the
 * schools that could support others. Extractive and deterministic; sorted by name for ties.
 * Built in one pass over the answers, so 500 schools take milliseconds.
 */
import { isWeak, ratingLevel, type Framework, type Rating, type SelfEvalAnswer } from './model';

export interface RollupSchool {
  schoolId: string;
  schoolName: string;
}

export interface RollupCell {
  /** Mean level 0-3 of the answered statements; null when none answered. */
  level: number | null;
  /** The level rounded to a rating, for the heat-map colour. */
  rating: Rating | null;
  answered: number;
  total: number;
}

export interface CommonDevelopment {
  areaId: string;
  statementId: string;
  text: string;
  /** Schools rating it not yet in place or developing. */
  schools: number;
}

export interface Supporters {
  areaId: string;
  title: string;
  /** Schools with the area complete and at least established on average, strongest first. */
  schools: Array<{ schoolId: string; schoolName: string; level: number }>;
}

export interface TrustRollup {
  areas: Array<{ areaId: string; title: string }>;
  /** In school-name order. */
  schools: RollupSchool[];
  /** cells[schoolIndex][areaIndex] */
  cells: RollupCell[][];
  commonDevelopment: CommonDevelopment[];
  supporters: Supporters[];
  /** Schools with every statement answered. */
  complete: number;
}

export const TOP_DEVELOPMENT = 5;
export const TOP_SUPPORTERS = 3;
/** "Could support others": at least established across the area. */
export const SUPPORT_LEVEL = 2;

export function ratingOfLevel(level: number): Rating {
  return level >= 2.5 ? 'strong' : level >= 1.5 ? 'established' : level >= 0.5 ? 'developing' : 'not-yet';
}

export function buildRollup(framework: Framework, schools: readonly RollupSchool[], answers: readonly SelfEvalAnswer[]): TrustRollup {
  const sorted = [...schools].sort((a, b) => a.schoolName.localeCompare(b.schoolName, 'en-GB') || (a.schoolId < b.schoolId ? -1 : 1));
  const schoolIndex = new Map(sorted.map((s, i) => [s.schoolId, i]));
  const statementArea = new Map<string, number>();
  framework.areas.forEach((a, ai) => a.statements.forEach((s) => statementArea.set(s.id, ai)));
  const A = framework.areas.length;
  const sums = new Float64Array(sorted.length * A);
  const counts = new Int32Array(sorted.length * A);
  const weak = new Map<string, number>();
  for (const answer of answers) {
    const si = schoolIndex.get(answer.schoolId);
    const ai = statementArea.get(answer.statementId);
    if (si === undefined || ai === undefined) continue;
    sums[si * A + ai]! += ratingLevel(answer.rating);
    counts[si * A + ai]!++;
    if (isWeak(answer.rating)) weak.set(answer.statementId, (weak.get(answer.statementId) ?? 0) + 1);
  }
  const cells = sorted.map((_, si) =>
    framework.areas.map((area, ai) => {
      const n = counts[si * A + ai]!;
      const level = n ? sums[si * A + ai]! / n : null;
      return { level, rating: level === null ? null : ratingOfLevel(level), answered: n, total: area.statements.length };
    }),
  );
  const order = new Map<string, number>();
  framework.areas.forEach((a) => a.statements.forEach((s) => order.set(s.id, order.size)));
  const commonDevelopment = framework.areas
    .flatMap((a) => a.statements.map((s) => ({ areaId: a.id, statementId: s.id, text: s.text, schools: weak.get(s.id) ?? 0 })))
    .filter((d) => d.schools > 0)
    .sort((a, b) => b.schools - a.schools || order.get(a.statementId)! - order.get(b.statementId)!)
    .slice(0, TOP_DEVELOPMENT);
  const supporters = framework.areas.map((area, ai) => ({
    areaId: area.id,
    title: area.title,
    schools: sorted
      .map((s, si) => ({ schoolId: s.schoolId, schoolName: s.schoolName, cell: cells[si]![ai]! }))
      .filter((x) => x.cell.answered === x.cell.total && x.cell.level !== null && x.cell.level >= SUPPORT_LEVEL)
      .sort((a, b) => b.cell.level! - a.cell.level! || a.schoolName.localeCompare(b.schoolName, 'en-GB'))
      .slice(0, TOP_SUPPORTERS)
      .map((x) => ({ schoolId: x.schoolId, schoolName: x.schoolName, level: x.cell.level! })),
  }));
  const complete = cells.filter((row) => row.every((c) => c.answered === c.total)).length;
  return {
    areas: framework.areas.map((a) => ({ areaId: a.id, title: a.title })),
    schools: sorted,
    cells,
    commonDevelopment,
    supporters,
    complete,
  };
}
