import type { Prisma } from '@prisma/client';
import { fail, ok, type Result } from '../core/result';
import { FRAMEWORK_V1 } from '../core/selfeval/framework-v1';
import type { Area, CycleStatus, Framework, Rating, RatingLevel, SelfEvalAnswer, SelfEvalCycle } from '../core/selfeval/model';
import type { SaveSelfEvalError, SaveSelfEvalOutcome, SelfEvalRepo } from '../core/selfeval-port';
import type { Db } from './database';
import { isUniqueViolation } from './unique-violation';
import { VersionCache } from './version-cache';

const cycleSelect = {
  id: true,
  trustId: true,
  label: true,
  frameworkVersion: true,
  status: true,
  previousCycleId: true,
  openedAt: true,
  closedAt: true,
} satisfies Prisma.SelfEvalCycleSelect;

const answerSelect = {
  cycleId: true,
  schoolId: true,
  statementId: true,
  frameworkVersion: true,
  rating: true,
  evidence: true,
  help: true,
  answeredBy: true,
  answeredAt: true,
} satisfies Prisma.SelfEvalAnswerSelect;

const frameworkSelect = { base: true, version: true, areas: true, ratings: true, note: true } satisfies Prisma.SelfEvalFrameworkSelect;

type CycleRow = Prisma.SelfEvalCycleGetPayload<{ select: typeof cycleSelect }>;
type AnswerRow = Prisma.SelfEvalAnswerGetPayload<{ select: typeof answerSelect }>;
type FrameworkRow = Prisma.SelfEvalFrameworkGetPayload<{ select: typeof frameworkSelect }>;

const toCycle = (row: CycleRow): SelfEvalCycle => ({ ...row, status: row.status as CycleStatus });
const toAnswer = (row: AnswerRow): SelfEvalAnswer => ({ ...row, rating: row.rating as Rating });
const toFramework = (row: FrameworkRow): Framework => ({
  base: row.base,
  version: row.version,
  areas: row.areas as unknown as Area[],
  ratings: row.ratings as unknown as RatingLevel[],
  note: row.note,
});

/** Self-evaluation frameworks, cycles and answers in the database. Every query is filtered by trust. */
export class PrismaSelfEvalRepo implements SelfEvalRepo {
  private readonly versions = new VersionCache<Framework>();

  constructor(private readonly db: Db) {}

  async framework(trustId: string): Promise<Framework> {
    const row = await this.db.selfEvalFramework.findFirst({ where: { trustId }, orderBy: { version: 'desc' }, select: frameworkSelect });
    return row ? toFramework(row) : FRAMEWORK_V1;
  }

  async frameworkVersion(trustId: string, version: number): Promise<Framework | null> {
    const saved = await this.versions.get(trustId, version, async () => {
      const row = await this.db.selfEvalFramework.findUnique({ where: { trustId_version: { trustId, version } }, select: frameworkSelect });
      return row && toFramework(row);
    });
    return saved ?? (version === 1 ? FRAMEWORK_V1 : null);
  }

  async saveFramework(trustId: string, framework: Framework, createdBy: string | null, at: Date): Promise<Result<void, 'conflict'>> {
    try {
      await this.db.$transaction([
        this.storeDefault(trustId, at),
        this.db.selfEvalFramework.create({ data: this.frameworkData(trustId, framework, createdBy, at) }),
      ]);
      return ok(undefined);
    } catch (error) {
      if (isUniqueViolation(error)) return fail('conflict');
      throw error;
    }
  }

  private frameworkData(trustId: string, f: Framework, createdBy: string | null, at: Date) {
    return {
      trustId,
      version: f.version,
      base: f.base,
      areas: f.areas as unknown as Prisma.InputJsonValue,
      ratings: f.ratings as unknown as Prisma.InputJsonValue,
      note: f.note,
      createdBy,
      createdAt: at,
    };
  }

  /** Version 1 is stored on first use, so history never depends on the shipped code. */
  private storeDefault(trustId: string, at: Date) {
    return this.db.selfEvalFramework.createMany({ data: [this.frameworkData(trustId, FRAMEWORK_V1, null, at)], skipDuplicates: true });
  }

  async openCycle(trustId: string, label: string, createdBy: string | null, at: Date): Promise<Result<SelfEvalCycle, 'exists'>> {
    await this.storeDefault(trustId, at);
    const latest = await this.framework(trustId);
    const previous = await this.db.selfEvalCycle.findFirst({
      where: { trustId },
      orderBy: [{ openedAt: 'desc' }, { id: 'desc' }],
      select: { id: true },
    });
    try {
      const row = await this.db.selfEvalCycle.create({
        data: {
          trustId,
          label,
          frameworkVersion: latest.version,
          status: 'open',
          previousCycleId: previous?.id ?? null,
          createdBy,
          openedAt: at,
        },
        select: cycleSelect,
      });
      return ok(toCycle(row));
    } catch (error) {
      if (isUniqueViolation(error)) return fail('exists');
      throw error;
    }
  }

  async closeCycle(trustId: string, cycleId: string, at: Date): Promise<boolean> {
    const r = await this.db.selfEvalCycle.updateMany({
      where: { id: cycleId, trustId, status: 'open' },
      data: { status: 'closed', closedAt: at },
    });
    return r.count > 0;
  }

  async getCycle(trustId: string, cycleId: string): Promise<SelfEvalCycle | null> {
    const row = await this.db.selfEvalCycle.findFirst({ where: { id: cycleId, trustId }, select: cycleSelect });
    return row ? toCycle(row) : null;
  }

  async cycles(trustId: string): Promise<SelfEvalCycle[]> {
    const rows = await this.db.selfEvalCycle.findMany({
      where: { trustId },
      orderBy: [{ openedAt: 'desc' }, { id: 'desc' }],
      select: cycleSelect,
    });
    return rows.map(toCycle);
  }

  async saveAnswer(trustId: string, a: SelfEvalAnswer): Promise<Result<SaveSelfEvalOutcome, SaveSelfEvalError>> {
    try {
      return await this.saveAnswerOnce(trustId, a);
    } catch (error) {
      // Two taps at once both tried to create the row: the second is an update of the first.
      if (isUniqueViolation(error)) return this.saveAnswerOnce(trustId, a);
      throw error;
    }
  }

  private async saveAnswerOnce(trustId: string, a: SelfEvalAnswer): Promise<Result<SaveSelfEvalOutcome, SaveSelfEvalError>> {
    return this.db.$transaction(async (tx) => {
      const cycle = await tx.selfEvalCycle.findFirst({ where: { id: a.cycleId, trustId }, select: { status: true } });
      if (!cycle) return fail('not-found');
      if (cycle.status !== 'open') return fail('closed');
      const key = { cycleId_schoolId_statementId: { cycleId: a.cycleId, schoolId: a.schoolId, statementId: a.statementId } };
      const existing = await tx.selfEvalAnswer.findUnique({ where: key, select: { rating: true, evidence: true, help: true } });
      const data = {
        frameworkVersion: a.frameworkVersion,
        rating: a.rating,
        evidence: a.evidence,
        help: a.help,
        answeredBy: a.answeredBy,
        answeredAt: a.answeredAt,
      };
      if (existing && existing.rating === a.rating && existing.evidence === a.evidence && existing.help === a.help) return ok('unchanged');
      await tx.selfEvalAnswer.upsert({
        where: key,
        create: { cycleId: a.cycleId, trustId, schoolId: a.schoolId, statementId: a.statementId, ...data },
        update: data,
      });
      return ok(existing ? 'updated' : 'created');
    });
  }

  async answers(trustId: string, cycleId: string, schoolId?: string): Promise<SelfEvalAnswer[]> {
    const rows = await this.db.selfEvalAnswer.findMany({
      where: { trustId, cycleId, ...(schoolId ? { schoolId } : {}) },
      orderBy: [{ schoolId: 'asc' }, { statementId: 'asc' }],
      select: answerSelect,
    });
    return rows.map(toAnswer);
  }

  async share(trustId: string, cycleId: string, schoolId: string, sharedBy: string | null, at: Date): Promise<boolean> {
    const cycle = await this.db.selfEvalCycle.findFirst({ where: { id: cycleId, trustId }, select: { id: true } });
    if (!cycle) return false;
    const r = await this.db.selfEvalShare.createMany({
      data: [{ trustId, cycleId, schoolId, sharedBy, sharedAt: at }],
      skipDuplicates: true,
    });
    return r.count > 0;
  }

  async unshare(trustId: string, cycleId: string, schoolId: string): Promise<boolean> {
    const r = await this.db.selfEvalShare.deleteMany({ where: { trustId, cycleId, schoolId } });
    return r.count > 0;
  }

  async sharedSchools(trustId: string, cycleId: string): Promise<string[]> {
    const rows = await this.db.selfEvalShare.findMany({
      where: { trustId, cycleId },
      select: { schoolId: true },
      orderBy: { sharedAt: 'asc' },
    });
    return rows.map((r) => r.schoolId);
  }
}
