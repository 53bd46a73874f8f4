/** Looking things up in a framework version. */
import type { Area, Framework, Statement } from './model';

export function findArea(framework: Framework, areaId: string): Area | undefined {
  return framework.areas.find((a) => a.id === areaId);
}

export function findStatement(framework: Framework, statementId: string): { area: Area; statement: Statement } | undefined {
  for (const area of framework.areas) {
    const statement = area.statements.find((s) => s.id === statementId);
    if (statement) return { area, statement };
  }
  return undefined;
}

export function ratingLabel(framework: Framework, rating: string): string {
  return framework.ratings.find((r) => r.id === rating)?.label ?? rating;
}

/** Every statement id, in framework order. */
export function statementIds(framework: Framework): string[] {
  return framework.areas.flatMap((a) => a.statements.map((s) => s.id));
}
