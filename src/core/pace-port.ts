/**
 * Rate-limit pacing shared by every replica (issue 18). Each bucket keeps the earliest time the
 * next request may go (GCRA, as in src/scheduler/rate-limiter.ts); taking a slot is one atomic
 * step in the shared database, so replicas together never exceed the bucket's rate. Times are
 * milliseconds of the injected Clock, passed in by the caller.
 */
export interface PaceStore {
  /**
   * Takes the next slot for `bucket` and returns its time (ms): max(now, nextAt - tolerance,
   * pausedUntil); the bucket's next time moves on by `intervalMs`.
   */
  reserve(bucket: string, nowMs: number, intervalMs: number, toleranceMs: number): Promise<number>;
  /** The time the next slot would be, without taking it. */
  peek(bucket: string, nowMs: number, toleranceMs: number): Promise<number>;
  /** The platform answered 429: no slot before `untilMs` for anyone. */
  pause(bucket: string, untilMs: number): Promise<void>;
}
