import { verdictOf, type RateLimiter } from '../../src/core/rate-limit-port';

/** The same window as PrismaRateLimiter, in memory, for unit tests of flows. */
export function memoryRateLimiter(): RateLimiter {
  const uses = new Map<string, Date[]>();
  return {
    take: async (key, limit, now) => {
      const earlier = (uses.get(key) ?? []).filter((at) => at.getTime() > now.getTime() - limit.windowMs);
      const verdict = verdictOf(earlier, limit, now);
      uses.set(key, verdict.ok ? [...earlier, now] : earlier);
      return verdict;
    },
  };
}
