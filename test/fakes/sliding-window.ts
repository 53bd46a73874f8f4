/**
 * A rate cap as a platform might enforce it: at most `limit` accepted requests per key in any
 * sliding window of `windowMs`. Rejected requests do not count.
 */
export class SlidingWindowCap {
  private readonly accepted = new Map<string, number[]>();
  /** Requests refused because the cap was reached. */
  refused = 0;

  constructor(
    readonly limit: number,
    readonly windowMs = 1000,
  ) {}

  /** True (and counted) when a request for `key` at `now` is within the cap. */
  tryTake(key: string, now: number): boolean {
    const times = this.accepted.get(key) ?? [];
    let start = 0;
    while (start < times.length && times[start]! <= now - this.windowMs) start += 1;
    const live = start > 0 ? times.slice(start) : times;
    this.accepted.set(key, live);
    if (live.length >= this.limit) {
      this.refused += 1;
      return false;
    }
    live.push(now);
    return true;
  }

  /** Seconds a refused caller should wait (Retry-After): until the oldest request leaves the window. */
  retryAfterSeconds(key: string, now: number): number {
    const oldest = this.accepted.get(key)?.[0];
    return oldest === undefined ? 1 : Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000));
  }
}
