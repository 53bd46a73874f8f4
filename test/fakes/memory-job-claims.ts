import type { JobClaims } from '../../src/core/due-work-port';

/** JobClaims in memory, with the same takeover rule as the Prisma one. */
export function memoryJobClaims(): JobClaims & {
  runs: Map<string, { kind: string; by: string; claimedAt: Date; finishedAt: Date | null; outcome: string | null }>;
} {
  const runs = new Map<string, { kind: string; by: string; claimedAt: Date; finishedAt: Date | null; outcome: string | null }>();
  return {
    runs,
    claim: async (key, kind, by, { now, takeoverAfterMs }) => {
      const run = runs.get(key);
      if (run && (run.finishedAt || run.claimedAt.getTime() >= now.getTime() - takeoverAfterMs)) return false;
      runs.set(key, { kind, by, claimedAt: now, finishedAt: null, outcome: run?.outcome ?? null });
      return true;
    },
    finish: async (key, outcome, at) => {
      const run = runs.get(key);
      if (run) Object.assign(run, { finishedAt: at, outcome });
    },
    abandon: async (key, error) => {
      const run = runs.get(key);
      if (run && !run.finishedAt) run.outcome = error;
    },
    finishedAmong: async (keys) => new Set(keys.filter((k) => runs.get(k)?.finishedAt)),
  };
}
