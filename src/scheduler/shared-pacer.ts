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
import { DEFAULT_RATES, RateLimiter, rateForBucket, type BucketRate } from './rate-limiter';

export interface Pacer {
  /** Milliseconds from `now` until `bucket` could send, without taking the slot. */
  peek(bucket: string, now: number): number | Promise<number>;
  /** Takes the next slot; milliseconds to wait before using it. */
  reserve(bucket: string, now: number): number | Promise<number>;
  /** The platform answered 429: nothing more for this bucket before `until`. */
  pauseUntil(bucket: string, until: number): void | Promise<void>;
  /** Just before the call: ms to wait so this process's real departures stay spaced (RateLimiter.dispatch). */
  dispatch(bucket: string, now: number): number;
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

/**
 * Slots are taken from the shared store a block at a time (about 200 ms of the bucket's rate:
 * 10 slots for Teams), so a send costs a tenth of a database round trip, not one. A granted
 * slot that has already passed is dropped, never used late (a late slot could land beside
 * another replica's). The store is asked with the time the call is expected to finish (`now`
 * plus a running average of its latency), so slots are not already past when they arrive.
 */
export class SharedPacer implements Pacer {
  private readonly rates: Readonly<Record<string, BucketRate>>;
  private readonly granted = new Map<string, number[]>();
  /** A store reservation under way, per bucket (see `take`). */
  private readonly refills = new Map<string, Promise<void>>();
  /** This replica's real departures, spaced as in one process (its own slots are an interval apart too). */
  private readonly departures: RateLimiter;
  /** Running average of a store call, in ms (monotonic timer: transport timing, not product time). */
  private latencyMs = 0;

  constructor(
    private readonly store: PaceStore,
    rates: Readonly<Record<string, BucketRate>> = DEFAULT_RATES,
  ) {
    this.rates = { ...WORKSPACE_RATES, ...rates };
    this.departures = new RateLimiter((b) => rateForBucket(b, this.rates));
  }

  dispatch(bucket: string, now: number): number {
    return this.departures.dispatch(bucket, now);
  }

  async peek(bucket: string, now: number): Promise<number> {
    const waits = await Promise.all(
      pacingBuckets(bucket).map(async (b) => {
        const next = this.live(b, now)[0];
        return (next ?? (await this.store.peek(b, now, 0))) - now;
      }),
    );
    return Math.max(0, ...waits);
  }

  async reserve(bucket: string, now: number): Promise<number> {
    let wait = 0;
    for (const b of pacingBuckets(bucket)) wait = Math.max(wait, (await this.take(b, now)) - now);
    return wait;
  }

  async pauseUntil(bucket: string, until: number): Promise<void> {
    this.granted.delete(bucket);
    await this.store.pause(bucket, until);
  }

  private live(bucket: string, now: number): number[] {
    const slots = (this.granted.get(bucket) ?? []).filter((t) => t >= now);
    this.granted.set(bucket, slots);
    return slots;
  }

  /**
   * One refill at a time per bucket: rows are delivered concurrently, and a block fetched by
   * each of them at once would reserve a block per row (50 rows, 500 slots, ten seconds of the
   * bucket) while using one slot of each.
   */
  private async take(bucket: string, now: number): Promise<number> {
    for (;;) {
      const slots = this.live(bucket, now);
      if (slots.length > 0) return slots.shift()!;
      const pending = this.refills.get(bucket);
      if (pending) {
        await pending;
        continue;
      }
      const refill = this.refill(bucket, now).finally(() => this.refills.delete(bucket));
      this.refills.set(bucket, refill);
      await refill;
    }
  }

  private async refill(bucket: string, now: number): Promise<void> {
    const interval = this.intervalOf(bucket);
    const block = Math.max(1, Math.round(rateForBucket(bucket, this.rates).perSecond / 5));
    const started = performance.now();
    const first = await this.store.reserve(bucket, now + this.latencyMs, interval * block, 0);
    this.latencyMs = 0.8 * this.latencyMs + 0.2 * (performance.now() - started);
    const slots = this.granted.get(bucket) ?? [];
    for (let i = 0; i < block; i++) slots.push(first + i * interval);
    slots.sort((a, b) => a - b);
    this.granted.set(bucket, slots);
  }

  private intervalOf(bucket: string): number {
    const { perSecond } = rateForBucket(bucket, this.rates);
    if (!(perSecond > 0)) throw new Error(`Rate for bucket ${bucket} must be positive, got ${perSecond}`);
    return 1000 / perSecond;
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

  dispatch(bucket: string, now: number): number {
    return this.limiter.dispatch(bucket, now);
  }
}
