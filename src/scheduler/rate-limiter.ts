/**
 * Client-side pacing per rate-limit bucket, so the platforms rarely need to answer 429.
 *
 * A token bucket in its "virtual scheduling" form (GCRA): each bucket remembers the earliest
 * time the next request may go. `reserve` hands out send times `interval` apart, allowing a
 * burst of `burst` requests at once after a quiet spell. Pure: the caller passes the time in
 * milliseconds, so tests use a fake clock and the worker sleeps until the returned slot.
 */

export interface BucketRate {
  /** Sustained requests per second. */
  perSecond: number;
  /** Requests that may go at once after a quiet spell (1 = strictly paced). */
  burst: number;
}

/**
 * Limits as documented, less a small safety margin because the platforms count in windows we
 * cannot see and clocks and networks jitter:
 * - Teams: about 50 requests/s per app per tenant
 *   (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit). 49/s keeps
 *   any one-second window at or under 50 when sends are evenly spaced; burst 1 so a window
 *   never holds a burst plus a second's worth. Arrival jitter we cannot control (a request
 *   delayed by opening a new connection lands just before the next one) still draws a rare
 *   429 from a strict window: about 0.1-0.2% of calls in `npm run bench:fanout`, absorbed by
 *   the Retry-After path.
 * - Slack: chat.postMessage about 1 message/s per channel, short bursts tolerated
 *   (https://api.slack.com/methods/chat.postMessage#rate_limiting).
 * Several replicas each pace on their own: give each `perSecond / replicas` (see
 * `scaleRates`) or let the 429 + Retry-After path absorb the excess.
 */
export const DEFAULT_RATES: Readonly<Record<string, BucketRate>> = Object.freeze({
  teams: { perSecond: 49, burst: 1 },
  slack: { perSecond: 1, burst: 1 },
});

/** The rate for a bucket named `<platform>:...`; unknown prefixes get the strictest rate. */
export function rateForBucket(bucket: string, rates: Readonly<Record<string, BucketRate>> = DEFAULT_RATES): BucketRate {
  return rates[bucket.split(':', 1)[0] ?? ''] ?? { perSecond: 1, burst: 1 };
}

/** Divides every rate among `replicas` workers sending to the same tenants. */
export function scaleRates(rates: Readonly<Record<string, BucketRate>>, replicas: number): Record<string, BucketRate> {
  if (!Number.isInteger(replicas) || replicas < 1) throw new Error(`replicas must be a whole number >= 1, got ${replicas}`);
  return Object.fromEntries(Object.entries(rates).map(([k, r]) => [k, { perSecond: r.perSecond / replicas, burst: r.burst }]));
}

interface BucketState {
  /** Earliest time the next request may go if the bucket had no burst allowance. */
  nextAt: number;
  /** The platform asked us to wait (429 Retry-After) until this time. */
  pausedUntil: number;
  /** When the latest call to this bucket actually left (see `dispatch`). */
  lastDispatch: number;
}

/** Buckets idle this long are forgotten (Slack has one per channel). */
const PRUNE_AT_SIZE = 10_000;

export class RateLimiter {
  private readonly buckets = new Map<string, BucketState>();

  constructor(private readonly rateOf: (bucket: string) => BucketRate = (b) => rateForBucket(b)) {}

  /** Milliseconds from `now` until `bucket` could send, without taking the slot. */
  peek(bucket: string, now: number): number {
    return Math.max(0, this.slotFor(bucket, now) - now);
  }

  /**
   * Takes the next slot for `bucket` and returns the milliseconds to wait before using it
   * (0 = send now). Only reserve what you will send: a reserved slot is not given back.
   */
  reserve(bucket: string, now: number): number {
    const slot = this.slotFor(bucket, now);
    const state = this.state(bucket, now);
    state.nextAt = Math.max(state.nextAt, slot) + this.intervalOf(bucket);
    return Math.max(0, slot - now);
  }

  /**
   * Called just before the platform call: the milliseconds to wait first so that calls to a
   * strictly paced bucket (burst 1) leave at least one interval apart as actually sent; 0 =
   * go now, and the dispatch is recorded.
   *
   * Why: `reserve` spaces the planned slots, but between a slot and its call come a database
   * write and the event loop. On a busy CPU some calls are delayed more than others, so a
   * late call and the on-time one after it leave almost together, and a platform counting
   * in a strict one-second window sees 51 (bench:fanout with the cores loaded: 3% of calls
   * answered 429). Spacing the real departures keeps every window at the planned rate;
   * lateness then only slows the fan-out a little instead of drawing 429s.
   * (Cross-replica pacing is a separate concern and may replace this.)
   */
  dispatch(bucket: string, now: number): number {
    if (this.rateOf(bucket).burst > 1) return 0;
    const state = this.state(bucket, now);
    const wait = state.lastDispatch + this.intervalOf(bucket) - now;
    // Sub-millisecond remainders are float noise from summed intervals; timers cannot wait them.
    if (wait >= 1) return wait;
    state.lastDispatch = now;
    return 0;
  }

  /** One process pacing alone never drops a slot for lateness: `dispatch` spaces its calls. */
  latest(): number {
    return Infinity;
  }

  /** The platform answered 429: nothing more for this bucket before `until`. */
  pauseUntil(bucket: string, until: number): void {
    const state = this.state(bucket, until);
    state.pausedUntil = Math.max(state.pausedUntil, until);
  }

  private slotFor(bucket: string, now: number): number {
    const state = this.buckets.get(bucket);
    if (!state) return now;
    const { burst } = this.rateOf(bucket);
    const tolerance = (Math.max(1, burst) - 1) * this.intervalOf(bucket);
    return Math.max(now, state.nextAt - tolerance, state.pausedUntil);
  }

  private intervalOf(bucket: string): number {
    const { perSecond } = this.rateOf(bucket);
    if (!(perSecond > 0)) throw new Error(`Rate for bucket ${bucket} must be positive, got ${perSecond}`);
    return 1000 / perSecond;
  }

  private state(bucket: string, now: number): BucketState {
    let state = this.buckets.get(bucket);
    if (!state) {
      if (this.buckets.size >= PRUNE_AT_SIZE) this.prune(now);
      state = { nextAt: now, pausedUntil: 0, lastDispatch: -Infinity };
      this.buckets.set(bucket, state);
    }
    return state;
  }

  /** Drops buckets whose next slot is already in the past: they behave as new ones. */
  private prune(now: number): void {
    for (const [bucket, state] of this.buckets) {
      if (state.nextAt <= now && state.pausedUntil <= now) this.buckets.delete(bucket);
    }
  }
}
