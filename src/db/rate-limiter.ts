import { verdictOf, type RateLimit, type RateLimiter, type RateVerdict } from '../core/rate-limit-port';
import type { Db } from './database';
import { lockKey } from './locks';

/**
 * Sliding-window counts in `RateLimitHit`, one row per use. Read and written under the
 * advisory lock `rate:<key>` so two replicas (or 20 parallel requests) cannot both take the
 * last slot. Rows older than the window are deleted as each key is used, so a key never holds
 * more than `count` rows; housekeeping removes the rows of keys nobody uses again.
 */
export class PrismaRateLimiter implements RateLimiter {
  constructor(private readonly db: Db) {}

  async take(key: string, limit: RateLimit, now: Date): Promise<RateVerdict> {
    return this.db.$transaction(async (tx) => {
      await lockKey(tx, `rate:${key}`);
      const since = new Date(now.getTime() - limit.windowMs);
      await tx.rateLimitHit.deleteMany({ where: { key, at: { lte: since } } });
      const hits = await tx.rateLimitHit.findMany({ where: { key }, select: { at: true } });
      const verdict = verdictOf(
        hits.map((h) => h.at),
        limit,
        now,
      );
      if (verdict.ok) await tx.rateLimitHit.create({ data: { key, at: now } });
      return verdict;
    });
  }
}
