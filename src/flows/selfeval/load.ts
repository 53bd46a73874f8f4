/** Loading a school's self-evaluation for a handler: the cycle, its framework version and the answers. */
import type { Framework, SelfEvalAnswer, SelfEvalCycle } from '../../core/selfeval/model';
import type { Actor } from '../../core/model';
import type { SelfEvalRepo } from '../../core/selfeval-port';
import type { HandlerContext } from '../registry';

export interface SchoolSitting {
  trustId: string;
  cycle: SelfEvalCycle;
  framework: Framework;
  schoolId: string;
  schoolName: string;
  answers: SelfEvalAnswer[];
  /** The school's answers in the previous cycle, for comparison. */
  previous: SelfEvalAnswer[];
}

/** The schools this person is SENCO of (answers are theirs and the SEND leader's to see). */
export function sencoSchoolIds(actor: Actor): string[] {
  return actor.roles.filter((r) => r.role === 'senco' && r.schoolId).map((r) => r.schoolId!);
}

/** The trust's open cycle (the newest, if somehow more than one). */
export async function openCycle(ctx: HandlerContext, trustId: string): Promise<SelfEvalCycle | null> {
  return (await ctx.deps.selfeval.repo.cycles(trustId)).find((c) => c.status === 'open') ?? null;
}

/** The open cycle, else the newest one (a closed cycle can still be rolled up, shared and exported). */
export async function currentCycleOf(repo: SelfEvalRepo, trustId: string): Promise<SelfEvalCycle | null> {
  const cycles = await repo.cycles(trustId);
  return cycles.find((c) => c.status === 'open') ?? cycles[0] ?? null;
}

export async function currentCycle(ctx: HandlerContext, trustId: string): Promise<SelfEvalCycle | null> {
  return currentCycleOf(ctx.deps.selfeval.repo, trustId);
}

/** The framework version the cycle was opened with (the latest if that one is gone). */
export async function cycleFramework(repo: SelfEvalRepo, trustId: string, cycle: SelfEvalCycle): Promise<Framework> {
  return (await repo.frameworkVersion(trustId, cycle.frameworkVersion)) ?? (await repo.framework(trustId));
}

export async function frameworkOf(ctx: HandlerContext, trustId: string, cycle: SelfEvalCycle): Promise<Framework> {
  return cycleFramework(ctx.deps.selfeval.repo, trustId, cycle);
}

export async function loadSitting(
  ctx: HandlerContext,
  trustId: string,
  cycle: SelfEvalCycle,
  schoolId: string,
): Promise<SchoolSitting | null> {
  const school = await ctx.deps.roster.repo.getSchool(trustId, schoolId);
  if (!school) return null;
  const repo = ctx.deps.selfeval.repo;
  const [framework, answers, previous] = await Promise.all([
    frameworkOf(ctx, trustId, cycle),
    repo.answers(trustId, cycle.id, schoolId),
    cycle.previousCycleId ? repo.answers(trustId, cycle.previousCycleId, schoolId) : Promise.resolve([]),
  ]);
  return { trustId, cycle, framework, schoolId, schoolName: school.name, answers, previous };
}
