/** At most `count` uses in any `windowMs` (a sliding window). */
export interface RateLimit {
  count: number;
  windowMs: number;
}

export type RateVerdict = { ok: true } | { ok: false; retryAt: Date };

/**
 * Counts uses of expensive commands per person and command. Shared by every replica (the
 * database decides), so asking two replicas in turn does not double the allowance.
 */
export interface RateLimiter {
  /** Records one use at `now` if the window has room; otherwise says when the oldest use ages out. */
  take(key: string, limit: RateLimit, now: Date): Promise<RateVerdict>;
}

/** The default for commands that read a whole trust (exports, roll-ups, status, digests, searches). */
export const EXPENSIVE: RateLimit = { count: 5, windowMs: 60_000 };

/** The pure part of the window: given the times of earlier uses, may one more go now? */
export function verdictOf(earlier: readonly Date[], limit: RateLimit, now: Date): RateVerdict {
  const since = now.getTime() - limit.windowMs;
  const inWindow = earlier.filter((at) => at.getTime() > since).sort((a, b) => a.getTime() - b.getTime());
  if (inWindow.length < limit.count) return { ok: true };
  // Room again when enough of the oldest uses have left the window.
  const freeing = inWindow[inWindow.length - limit.count]!;
  return { ok: false, retryAt: new Date(freeing.getTime() + limit.windowMs) };
}
