/**
 * The scheduler: a node-cron tick each minute (due work, stale-send recovery) and a delivery
 * loop draining the outbox. No business rules: features register `DueWorkSource`s and
 * enqueue outbox rows.
 *
 * Time: the process runs with TZ=UTC (src/tz.ts) and the cron expression is evaluated in UTC
 * explicitly. node-cron with a London timezone misfires at the October clock change (see the
 * stack notes); wall-clock rules are evaluated by the sources with src/calendar instead.
 */
import cron, { type ScheduledTask } from 'node-cron';
import type { DueWorkSource, JobClaims } from '../core/due-work-port';
import type { DeliveryQueue, RecipientReachability } from '../core/outbox-port';
import type { PaceStore } from '../core/pace-port';
import type { ChatSender, Clock, Logger } from '../core/ports';
import { OutboxWorker, type DrainReport, type WorkerTuning } from './outbox-worker';
import type { HoldCheck } from './quiet-rules';
import { DEFAULT_RATES, RateLimiter, rateForBucket, type BucketRate } from './rate-limiter';
import { LocalPacer, SharedPacer, WORKSPACE_RATES } from './shared-pacer';
import { DEFAULT_TAKEOVER_MS, runTick, type TickReport } from './tick';

export interface SchedulerOptions {
  /** This replica's name (claims and leases record it). */
  instanceId: string;
  clock: Clock;
  logger: Logger;
  queue: DeliveryQueue;
  claims: JobClaims;
  senders: readonly ChatSender[];
  reachability: RecipientReachability;
  holdCheck?: HoldCheck;
  sources?: readonly DueWorkSource[];
  /** False in tests: no cron tick and no delivery loop; drive the scheduler with `runOnce`. */
  cron?: boolean;
  /** Delivery loop poll interval when the outbox is idle. */
  pollMs?: number;
  /** Waits on the clock's time (tests pass a fake clock's sleep). */
  sleep?: (ms: number) => Promise<void>;
  rates?: Readonly<Record<string, BucketRate>>;
  /** The shared pacing store (PostgreSQL): every replica's sends count against one budget per bucket. */
  pace?: PaceStore;
  /** Rows found 'sending' after their worker died, and posts with no answer in time: see src/scheduler/outbox-worker.ts. */
  onUncertain?: 'flag' | 'resend';
  worker?: Partial<WorkerTuning>;
  takeoverAfterMs?: number;
  random?: () => number;
}

export interface RunReport {
  tick: TickReport;
  recovered: string[];
  delivery: DrainReport;
}

export interface Scheduler {
  /** One minute's work at `now` (default: the clock): recover, run due work, deliver what is due. */
  runOnce(now?: Date): Promise<RunReport>;
  /** Adds a source of due work (features register theirs at start-up). */
  register(source: DueWorkSource): void;
  /** Delivers now instead of at the next poll, e.g. after a large enqueue. */
  wake(): void;
  /** Stops the tick and the loop; calls in flight finish, unstarted rows are given back. */
  stop(): Promise<void>;
}

export function startScheduler(options: SchedulerOptions): Scheduler {
  const { clock, logger } = options;
  const sources: DueWorkSource[] = [...(options.sources ?? [])];
  const rates = options.rates ?? DEFAULT_RATES;
  const worker = new OutboxWorker({
    workerId: options.instanceId,
    queue: options.queue,
    senders: options.senders,
    reachability: options.reachability,
    holdCheck: options.holdCheck,
    // Shared pacing when replicas share a database (issue 18), else in memory.
    limiter: options.pace
      ? new SharedPacer(options.pace, rates)
      : new LocalPacer(new RateLimiter((bucket) => rateForBucket(bucket, { ...WORKSPACE_RATES, ...rates }))),
    clock,
    sleep: options.sleep,
    logger,
    random: options.random,
    tuning: options.worker,
    onUncertain: options.onUncertain,
  });

  const policy = options.onUncertain ?? 'flag';
  const reportMidSend = (keys: string[]) => {
    if (keys.length > 0)
      logger.warn('outbox rows left mid-send by a stopped worker', { policy, keys: keys.slice(0, 20), count: keys.length });
  };
  const recover = async (now: Date): Promise<string[]> => {
    const keys = await options.queue.recoverStale(now, policy);
    reportMidSend(keys);
    return keys;
  };
  // A previous run of this replica (same INSTANCE_ID) is dead: take its rows back now rather
  // than after their leases, so a restart resumes at once.
  const ready = options.queue.recoverOwn(options.instanceId, clock.now(), policy).then(
    ({ released, midSend }) => {
      if (released > 0) logger.info('outbox rows of a previous run released', { released });
      reportMidSend(midSend);
    },
    (error) => logger.error('outbox start-up recovery failed', { error: String(error) }),
  );
  const tick = (now: Date) =>
    runTick(now, {
      claims: options.claims,
      sources,
      by: options.instanceId,
      logger,
      takeoverAfterMs: options.takeoverAfterMs ?? DEFAULT_TAKEOVER_MS,
    });

  let task: ScheduledTask | null = null;
  if (options.cron !== false) {
    task = cron.schedule(
      '* * * * *',
      async () => {
        const now = clock.now();
        await recover(now).catch((error) => logger.error('outbox recovery failed', { error: String(error) }));
        await tick(now).catch((error) => logger.error('scheduler tick failed', { error: String(error) }));
        worker.wake();
      },
      { timezone: 'UTC', noOverlap: true, name: `scheduler-${options.instanceId}` },
    );
    // Rows left mid-send by other dead replicas are looked at straight away too.
    void ready
      .then(() => recover(clock.now()))
      .catch((error) => logger.error('outbox recovery failed', { error: String(error) }))
      .then(() => worker.start(options.pollMs ?? 1000));
  }

  return {
    async runOnce(now = clock.now()) {
      await ready;
      const recovered = await recover(now);
      const tickReport = await tick(now);
      const delivery = await worker.drain();
      return { tick: tickReport, recovered, delivery };
    },
    register(source) {
      sources.push(source);
    },
    wake: () => worker.wake(),
    async stop() {
      await ready;
      await task?.stop();
      await task?.destroy();
      await worker.stop();
    },
  };
}
