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
  /**
   * The latest time a call given `slot` by `reserve` may leave; later, it must take a new slot.
   * Infinity where one process paces alone (its departures are spaced by `dispatch`).
   */
  latest(bucket: string, slot: number): number;
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
  private readonly granted = new Map<string, Granted[]>();
  /** The latest departure for each slot handed out, by `${bucket}|${slot}` (see `latest`). */
  private readonly deadlines = new Map<string, number>();
  /** A store reservation under way, per bucket (see `take`). */
  private readonly refills = new Map<string, Promise<void>>();
  /** A store peek under way, per bucket (see `peekStore`). */
  private readonly peeks = new Map<string, Promise<number>>();
  /** Running average of a store call, in ms (monotonic timer: transport timing, not product time). */
  private latencyMs = 0;

  constructor(
    private readonly store: PaceStore,
    rates: Readonly<Record<string, BucketRate>> = DEFAULT_RATES,
  ) {
    this.rates = { ...WORKSPACE_RATES, ...rates };
  }

  /**
   * No spacing of this process's own departures: spacing holds a call back after a late one,
   * and rows wake in any order, so one late call made the rest of the block late and spilled
   * it beside another replica's slots (bench:fanout, three replicas: 429s, or with late slots
   * dropped, twice the time). A call keeps to its own slot instead (`latest`).
   */
  dispatch(): number {
    return 0;
  }

  async peek(bucket: string, now: number): Promise<number> {
    const waits = await Promise.all(
      pacingBuckets(bucket).map(async (b) => {
        const next = this.live(b, now)[0]?.at;
        return (next ?? (await this.peekStore(b, now))) - now;
      }),
    );
    return Math.max(0, ...waits);
  }

  /**
   * One store peek per bucket at a time, shared by the rows asking meanwhile: a claim of a
   * hundred rows for one tenant peeked a hundred times at once (at the start of a fan-out, beside
   * its first sends). A shared answer can only be a little early, never late: the worker then
   * reserves, and the reservation is exact.
   */
  private peekStore(bucket: string, now: number): Promise<number> {
    const pending = this.peeks.get(bucket);
    if (pending) return pending;
    const peek = Promise.resolve(this.store.peek(bucket, now, 0)).finally(() => this.peeks.delete(bucket));
    this.peeks.set(bucket, peek);
    return peek;
  }

  async reserve(bucket: string, now: number): Promise<number> {
    let at = now;
    let latest = Infinity;
    // The call goes at the later slot; its lateness is judged against that bucket's slot (Slack:
    // the workspace's, usually, or a busy channel's). Judged against an earlier slot it would
    // always be late and never go (a Slack bulletin stalled at a fifth of its rate).
    for (const b of pacingBuckets(bucket)) {
      const slot = await this.take(b, now);
      if (slot.at > at || (slot.at === at && slot.latest < latest)) [at, latest] = [slot.at, slot.latest];
    }
    if (this.deadlines.size >= PRUNE_DEADLINES_AT) this.pruneDeadlines(now);
    this.deadlines.set(`${bucket}|${at}`, latest);
    return at - now;
  }

  /**
   * A call leaves within 0.9 of an interval of its slot: then any one-second window holds at
   * most the bucket's rate plus one call (49/s against a cap of 50), whichever replicas sent
   * them. Later, it takes a new slot. Tighter is safer and slower (half an interval: 1.13 of
   * N/cap in bench:fanout with three replicas, against 1.04).
   */
  latest(bucket: string, slot: number): number {
    return this.deadlines.get(`${bucket}|${slot}`) ?? Infinity;
  }

  private pruneDeadlines(now: number): void {
    for (const [key, latest] of this.deadlines) if (latest < now - 60_000) this.deadlines.delete(key);
  }

  async pauseUntil(bucket: string, until: number): Promise<void> {
    this.granted.delete(bucket);
    await this.store.pause(bucket, until);
  }

  private live(bucket: string, now: number): Granted[] {
    const slots = (this.granted.get(bucket) ?? []).filter((t) => t.at >= now);
    this.granted.set(bucket, slots);
    return slots;
  }

  /**
   * One refill at a time per bucket: rows are delivered concurrently, and a block fetched by
   * each of them at once would reserve a block per row (50 rows, 500 slots, ten seconds of the
   * bucket) while using one slot of each.
   */
  private async take(bucket: string, now: number): Promise<Granted> {
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
    for (let i = 0; i < block; i++) slots.push({ at: first + i * interval, latest: first + (i + LATE_FRACTION) * interval });
    slots.sort((a, b) => a.at - b.at);
    this.granted.set(bucket, slots);
  }

  private intervalOf(bucket: string): number {
    const { perSecond } = rateForBucket(bucket, this.rates);
    if (!(perSecond > 0)) throw new Error(`Rate for bucket ${bucket} must be positive, got ${perSecond}`);
    return 1000 / perSecond;
  }
}

/** How far into the next interval a call may leave after its slot (see `SharedPacer.latest`). */
const LATE_FRACTION = 0.9;

/** A slot from the shared store, and the latest its call may leave. */
interface Granted {
  at: number;
  latest: number;
}

/** Deadlines of slots whose rows went back to the queue are dropped once this many are kept. */
const PRUNE_DEADLINES_AT = 10_000;

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

  latest(): number {
    return Infinity;
  }
}
