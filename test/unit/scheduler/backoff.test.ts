import { nextRetry, type BackoffPolicy } from '../../../src/scheduler/backoff';

const policy: BackoffPolicy = { baseMs: 1_000, maxMs: 60_000, maxAttempts: 5, maxRetryAfterMs: 3_600_000 };
const top = () => 0.999999;
const bottom = () => 0;

describe('nextRetry', () => {
  it('doubles the cap each attempt, with full jitter below it', () => {
    expect([1, 2, 3, 4].map((a) => (nextRetry(a, null, top, policy) as { delayMs: number }).delayMs)).toEqual([999, 1999, 3999, 7999]);
    expect(nextRetry(3, null, bottom, policy)).toEqual({ retry: true, delayMs: 1 });
  });

  it('never waits longer than maxMs without a Retry-After', () => {
    const big = { ...policy, maxAttempts: 100 };
    expect((nextRetry(30, null, top, big) as { delayMs: number }).delayMs).toBeLessThan(60_000);
  });

  it('honours Retry-After as a floor, with at most 10% (max 1 s) spread', () => {
    expect(nextRetry(1, 7_000, bottom, policy)).toEqual({ retry: true, delayMs: 7_000 });
    expect((nextRetry(1, 7_000, top, policy) as { delayMs: number }).delayMs).toBe(7_699);
    expect((nextRetry(1, 120_000, top, policy) as { delayMs: number }).delayMs).toBe(120_999);
  });

  it('clamps an absurd Retry-After', () => {
    expect(nextRetry(1, 10 * 24 * 3_600_000, bottom, policy)).toEqual({ retry: true, delayMs: 3_600_000 });
  });

  it('gives up at maxAttempts', () => {
    expect(nextRetry(4, null, top, policy).retry).toBe(true);
    expect(nextRetry(5, null, top, policy)).toEqual({ retry: false });
    expect(nextRetry(5, 1_000, top, policy)).toEqual({ retry: false });
  });

  it('refuses a nonsense attempt count', () => {
    expect(() => nextRetry(0, null, top, policy)).toThrow(/attempts/);
  });
});
