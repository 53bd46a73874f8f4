/**
 * What a 429 does to the rest of its bucket. A Teams tenant's cap is a short sliding window
 * (about 50 calls a second) and the outbox paces under it (49/s), so a lone 429 there is a
 * bunching of arrivals, not a tenant over its limit: pausing every send to the tenant for the
 * Retry-After (a second at least) would waste 49 slots for one call too many. So a lone 429 on
 * such a bucket delays only its own row (which still waits for the Retry-After); a second 429 in
 * the same bucket within LONE_WINDOW_MS means the tenant really is over (another app sharing
 * the cap, a lower cap than planned), and pauses the whole bucket as before. Slack's limits are
 * per minute with long Retry-Afters: every 429 there pauses its bucket.
 *
 * Memory is per process: with replicas, each may let one lone 429 pass per window.
 * Measured with `npm run bench:fanout` (docs/scheduler.md).
 */
export const LONE_WINDOW_MS = 10_000;

/** Buckets (by platform prefix) capped by a short window, where a lone 429 is a burst. */
const WINDOW_CAPPED = new Set(['teams']);

/** Buckets remembered at most; the oldest are forgotten first. */
const MAX_BUCKETS = 10_000;

export class ThrottleResponse {
  private readonly lastAt = new Map<string, number>();

  /** A 429 at `now` for `bucket`: true when every send to the bucket waits out the Retry-After. */
  pausesBucket(bucket: string, now: number): boolean {
    const previous = this.lastAt.get(bucket);
    this.lastAt.delete(bucket);
    this.lastAt.set(bucket, now);
    if (this.lastAt.size > MAX_BUCKETS) this.lastAt.delete(this.lastAt.keys().next().value!);
    if (!WINDOW_CAPPED.has(bucket.split(':', 1)[0] ?? '')) return true;
    return previous !== undefined && now - previous < LONE_WINDOW_MS;
  }
}
