import type { JobClaims } from '../core/due-work-port';
import type { Db } from './database';

/**
 * Occurrence claims on the JobRun primary key: exactly one INSERT wins, on any replica. A
 * claim left unfinished for longer than the takeover lease (its holder died, or its run
 * failed) can be taken over by one caller: ON CONFLICT DO UPDATE locks the row and re-checks
 * the WHERE, so two replicas taking over at once still produce one winner.
 */
export class PrismaJobClaims implements JobClaims {
  constructor(private readonly db: Db) {}

  async claim(key: string, kind: string, by: string, options: { now: Date; dueAt?: Date; takeoverAfterMs: number }): Promise<boolean> {
    const staleBefore = new Date(options.now.getTime() - options.takeoverAfterMs);
    const changed = await this.db.$executeRaw`
      INSERT INTO "JobRun" ("key", "kind", "dueAt", "claimedBy", "claimedAt")
      VALUES (${key}, ${kind}, ${options.dueAt ?? null}, ${by}, ${options.now})
      ON CONFLICT ("key") DO UPDATE SET "claimedBy" = EXCLUDED."claimedBy", "claimedAt" = EXCLUDED."claimedAt"
      WHERE "JobRun"."finishedAt" IS NULL AND "JobRun"."claimedAt" < ${staleBefore}`;
    return changed === 1;
  }

  async finish(key: string, outcome: string, at: Date): Promise<void> {
    await this.db.jobRun.updateMany({ where: { key }, data: { finishedAt: at, outcome: outcome.slice(0, 500) } });
  }

  async abandon(key: string, error: string): Promise<void> {
    await this.db.jobRun.updateMany({ where: { key, finishedAt: null }, data: { outcome: error.slice(0, 500) } });
  }

  async finishedAmong(keys: readonly string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows = await this.db.jobRun.findMany({ where: { key: { in: [...keys] }, finishedAt: { not: null } }, select: { key: true } });
    return new Set(rows.map((r) => r.key));
  }
}
