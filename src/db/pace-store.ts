import type { PaceStore } from '../core/pace-port';
import type { Db } from './database';

/**
 * Shared pacing in PostgreSQL / PGlite: one row per bucket. `reserve` is a single statement
 * that locks the row (FOR UPDATE in the subquery), so two replicas taking slots at once are
 * served one after the other and get slots an interval apart.
 */
export class PrismaPaceStore implements PaceStore {
  constructor(private readonly db: Db) {}

  async reserve(bucket: string, nowMs: number, intervalMs: number, toleranceMs: number): Promise<number> {
    await this.db.$executeRaw`
      INSERT INTO "RatePace" ("bucket", "nextAtMs", "pausedUntilMs") VALUES (${bucket}, ${nowMs}, 0)
      ON CONFLICT ("bucket") DO NOTHING`;
    const rows = await this.db.$queryRaw<Array<{ slot: number }>>`
      UPDATE "RatePace" AS r
      SET "nextAtMs" = GREATEST(o.n, GREATEST(${nowMs}::float8, o.n - ${toleranceMs}::float8, o.p)) + ${intervalMs}::float8
      FROM (SELECT "nextAtMs" AS n, "pausedUntilMs" AS p FROM "RatePace" WHERE "bucket" = ${bucket} FOR UPDATE) AS o
      WHERE r."bucket" = ${bucket}
      RETURNING GREATEST(${nowMs}::float8, o.n - ${toleranceMs}::float8, o.p) AS slot`;
    return Number(rows[0]?.slot ?? nowMs);
  }

  async peek(bucket: string, nowMs: number, toleranceMs: number): Promise<number> {
    const rows = await this.db.$queryRaw<Array<{ slot: number }>>`
      SELECT GREATEST(${nowMs}::float8, "nextAtMs" - ${toleranceMs}::float8, "pausedUntilMs") AS slot
      FROM "RatePace" WHERE "bucket" = ${bucket}`;
    return Number(rows[0]?.slot ?? nowMs);
  }

  async pause(bucket: string, untilMs: number): Promise<void> {
    await this.db.$executeRaw`
      INSERT INTO "RatePace" ("bucket", "nextAtMs", "pausedUntilMs") VALUES (${bucket}, ${untilMs}, ${untilMs})
      ON CONFLICT ("bucket") DO UPDATE SET "pausedUntilMs" = GREATEST("RatePace"."pausedUntilMs", EXCLUDED."pausedUntilMs")`;
  }
}
