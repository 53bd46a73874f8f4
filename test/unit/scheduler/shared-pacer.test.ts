import type { PaceStore } from '../../../src/core/pace-port';
import { SharedPacer } from '../../../src/scheduler/shared-pacer';

/** The shared store in memory: GCRA without tolerance, with a small delay like a database round trip. */
function memoryStore(): PaceStore & { reserves: number; peeks: number } {
  const next = new Map<string, number>();
  return {
    reserves: 0,
    peeks: 0,
    async reserve(bucket, nowMs, intervalMs) {
      this.reserves += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      const at = Math.max(nowMs, next.get(bucket) ?? 0);
      next.set(bucket, at + intervalMs);
      return at;
    },
    async peek(bucket, nowMs) {
      this.peeks += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return Math.max(nowMs, next.get(bucket) ?? 0);
    },
    async pause(bucket, untilMs) {
      next.set(bucket, Math.max(untilMs, next.get(bucket) ?? 0));
    },
  };
}

describe('SharedPacer', () => {
  it('fetches one block of slots at a time per bucket, however many rows ask at once', async () => {
    const store = memoryStore();
    const pacer = new SharedPacer(store, { teams: { perSecond: 50, burst: 1 } });
    const now = 1_000_000;
    const waits = await Promise.all(Array.from({ length: 50 }, () => pacer.reserve('teams:t1', now)));
    // 50 rows at 50/s: blocks of 10 (200 ms), five of them, and the last row goes within a second.
    expect(store.reserves).toBe(5);
    expect(Math.max(...waits)).toBeLessThan(1_100);
    expect(new Set(waits).size).toBe(50);
  });

  it('asks the store once for rows peeking at one bucket together, and again afterwards', async () => {
    const store = memoryStore();
    const pacer = new SharedPacer(store, { teams: { perSecond: 50, burst: 1 } });
    await store.pause('teams:t1', 1_004_000);
    const waits = await Promise.all(Array.from({ length: 100 }, () => pacer.peek('teams:t1', 1_000_000)));
    expect(store.peeks).toBe(1);
    expect(new Set(waits)).toEqual(new Set([4_000]));
    await Promise.all([pacer.peek('teams:t1', 1_000_000), pacer.peek('teams:t2', 1_000_000)]);
    expect(store.peeks).toBe(3);
  });

  it('keeps buckets apart: a refill for one tenant does not hold another', async () => {
    const store = memoryStore();
    const pacer = new SharedPacer(store, { teams: { perSecond: 50, burst: 1 } });
    const [a, b] = await Promise.all([pacer.reserve('teams:t1', 0), pacer.reserve('teams:t2', 0)]);
    expect([a, b]).toEqual([0, 0]);
    expect(store.reserves).toBe(2);
  });

  it('judges a Slack call against the later of its channel and workspace slots, so it can go', async () => {
    const store = memoryStore();
    const pacer = new SharedPacer(store, { slack: { perSecond: 1, burst: 1 } });
    const now = 1_000_000;
    // Ten direct messages at once: a channel each (free now), one workspace at 4/s.
    const waits = await Promise.all(Array.from({ length: 10 }, (_, i) => pacer.reserve(`slack:T1:D${i}`, now)));
    expect(Math.max(...waits)).toBeGreaterThanOrEqual(9 * 250);
    for (const [i, wait] of waits.entries()) {
      const latest = pacer.latest(`slack:T1:D${i}`, now + wait);
      expect(latest).toBeGreaterThan(now + wait);
      expect(latest).toBeLessThanOrEqual(now + wait + 250);
    }
  });
});
