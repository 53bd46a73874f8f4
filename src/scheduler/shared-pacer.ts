/**
 * Pacing that holds across replicas (issue 18; choice and measurements in docs/scheduler.md):
 * every slot is taken from the shared database (`PaceStore`), so any number of replicas
 * together send at a bucket's rate, and a replica that dies holds nothing back (there is no
 * per-replica share to return). Slack is paced per channel and per workspace: a message takes
 * a slot in both and goes at the later one.
 *
 * The worker talks to a `Pacer`; the in-process `RateLimiter` is one (a single replica, or a
 * database that cannot be shared), `SharedPacer` the other.
 */
import type { PaceStore } from '../core/pace-port';
import { DEFAULT_RATES, rateForBucket, type BucketRate, type RateLimiter } from './rate-limiter';

export interface Pacer {
  /** Milliseconds from `now` until `bucket` could send, without taking the slot. */
  peek(bucket: string, now: number): number | Promise<number>;
  /** Takes the next slot; milliseconds to wait before using it. */
  reserve(bucket: string, now: number): number | Promise<number>;
  /** The platform answered 429: nothing more for this bucket before `until`. */
  pauseUntil(bucket: string, until: number): void | Promise<void>;
}

/**
 * Slack's workspace-wide allowance for chat.postMessage ("several hundred messages a minute"
 * across a workspace, https://api.slack.com/methods/chat.postMessage#rate_limiting), on top
 * of about 1/s per channel: 4/s keeps well under 300 a minute.
 */
export const WORKSPACE_RATES: Readonly<Record<string, BucketRate>> = Object.freeze({
  'slack-workspace': { perSecond: 4, burst: 1 },
});

/** The buckets a send takes a slot in: the row's own, and for Slack its workspace. */
export function pacingBuckets(bucket: string): string[] {
  const [platform, team] = bucket.split(':');
  return platform === 'slack' && team ? [bucket, `slack-workspace:${team}`] : [bucket];
}

export class SharedPacer implements Pacer {
  private readonly rates: Readonly<Record<string, BucketRate>>;

  constructor(
    private readonly store: PaceStore,
    rates: Readonly<Record<string, BucketRate>> = DEFAULT_RATES,
  ) {
    this.rates = { ...WORKSPACE_RATES, ...rates };
  }

  async peek(bucket: string, now: number): Promise<number> {
    const slots = await Promise.all(pacingBuckets(bucket).map((b) => this.store.peek(b, now, this.toleranceOf(b))));
    return Math.max(0, ...slots.map((s) => s - now));
  }

  async reserve(bucket: string, now: number): Promise<number> {
    let wait = 0;
    for (const b of pacingBuckets(bucket)) {
      const slot = await this.store.reserve(b, now, this.intervalOf(b), this.toleranceOf(b));
      wait = Math.max(wait, slot - now);
    }
    return wait;
  }

  async pauseUntil(bucket: string, until: number): Promise<void> {
    await this.store.pause(bucket, until);
  }

  private intervalOf(bucket: string): number {
    const { perSecond } = rateForBucket(bucket, this.rates);
    if (!(perSecond > 0)) throw new Error(`Rate for bucket ${bucket} must be positive, got ${perSecond}`);
    return 1000 / perSecond;
  }

  private toleranceOf(bucket: string): number {
    return (Math.max(1, rateForBucket(bucket, this.rates).burst) - 1) * this.intervalOf(bucket);
  }
}

/** One replica's pacing in memory, with Slack's workspace bucket beside the channel's. */
export class LocalPacer implements Pacer {
  constructor(private readonly limiter: RateLimiter) {}

  peek(bucket: string, now: number): number {
    return Math.max(0, ...pacingBuckets(bucket).map((b) => this.limiter.peek(b, now)));
  }

  reserve(bucket: string, now: number): number {
    return Math.max(0, ...pacingBuckets(bucket).map((b) => this.limiter.reserve(b, now)));
  }

  pauseUntil(bucket: string, until: number): void {
    this.limiter.pauseUntil(bucket, until);
  }
}
