/**
 * Delivers outbox rows through the platform senders, paced by the rate limiter.
 *
 * A row's life: queued/held --claim (lease)--> [quiet rules, rate-limit slot] --begin-->
 * sending --platform call--> sent | queued (retry later) | failed | unreachable | uncertain.
 *
 * Update and delete rows (`op`) wait until their original is sent, then act on where it
 * landed (`sentTo`); a newer edit of the same message makes older ones moot (ended unsent).
 *
 * Guarantees, honestly:
 * - A row is leased to one worker at a time (claim uses FOR UPDATE SKIP LOCKED), and only the
 *   lease holder can mark it 'sending' (`begin` is conditional on the holder). A worker that
 *   lost its lease does not call the platform. So two workers never send the same row.
 * - 'sending' is committed before the platform call and the outcome right after it. If the
 *   process dies before `begin`, the lease expires and the row is claimed again: nothing was
 *   sent, nothing is lost. If it dies between `begin` and the outcome (a window of one HTTP
 *   round trip plus one write), nobody can know whether Teams or Slack got the message; neither
 *   platform offers an idempotency key for posts. Such rows become 'uncertain' once their send
 *   lease passes and are NOT re-sent by default (`onUncertain: 'flag'`): no duplicate, at the
 *   price of a rare message that may not have arrived, which stays visible in the outbox.
 *   `onUncertain: 'resend'` chooses at-least-once instead.
 * - A post that gets no answer within the senders' call timeout (SEND_TIMEOUT_MS) is the same
 *   unknown, found in seconds instead of at the end of the lease: the row is settled
 *   'uncertain' at once (or queued again under `onUncertain: 'resend'`) and its send slot is free.
 * - Ambiguous answers from the platform itself (5xx, network errors) are retried with backoff,
 *   as Microsoft and Slack advise, so those cases are at-least-once.
 * - A message whose text was posted and whose files were not (Slack uploads them after the
 *   post) comes back with `sentTo`: the row keeps it and the next attempt sends only the
 *   files, so the text is never posted twice; a row that ends failed or uncertain so says so.
 * - A graceful stop (SIGTERM) lets calls in flight finish and gives unstarted rows back: no
 *   uncertain rows, no losses, no duplicates.
 * - Nothing here throws out of the loop: a failing row is logged and retried later.
 */
import { describeError } from '../core/describe-error';
import type { ConversationAddress } from '../core/events';
import type { Platform } from '../core/model';
import type { ClaimedMessage, DeliveryQueue, RecipientReachability } from '../core/outbox-port';
import type { ChatSender, Clock, Logger, PostedPart, SendOutcome } from '../core/ports';
import { DEFAULT_BACKOFF, nextRetry, type BackoffPolicy } from './backoff';
import { DeferBatch } from './defer-batch';
import type { HoldCheck } from './quiet-rules';
import { RateLimiter } from './rate-limiter';
import type { Pacer } from './shared-pacer';
import { Semaphore } from './semaphore';
import { ThrottleResponse } from './throttle-response';

export interface WorkerTuning {
  /** Rows per claim; the next claim happens when half of them are done. */
  batchSize: number;
  /** How long a claimed, not yet started row stays this worker's. */
  claimLeaseMs: number;
  /** Longer than any platform call can take, so a live call never looks dead. */
  sendLeaseMs: number;
  /** A row whose rate-limit slot is further away than this is given back, due at that slot. */
  horizonMs: number;
  /** Platform calls in flight at once (Teams answers in ~100-300 ms; 49/s needs ~15). */
  maxInFlight: number;
  backoff: BackoffPolicy;
}

export const DEFAULT_TUNING: Readonly<WorkerTuning> = Object.freeze({
  batchSize: 100,
  claimLeaseMs: 60_000,
  sendLeaseMs: 10 * 60_000,
  horizonMs: 5_000,
  maxInFlight: 32,
  backoff: DEFAULT_BACKOFF,
});

export interface OutboxWorkerOptions {
  workerId: string;
  queue: DeliveryQueue;
  senders: readonly ChatSender[];
  reachability: RecipientReachability;
  /** Quiet hours / snooze / pause; absent = every row may go now. */
  holdCheck?: HoldCheck;
  limiter?: Pacer;
  clock: Clock;
  /** Waits `ms` of the clock's time (a fake clock's sleep advances it). */
  sleep?: (ms: number) => Promise<void>;
  logger: Logger;
  random?: () => number;
  tuning?: Partial<WorkerTuning>;
  /** A post with no answer in time: 'flag' settles it 'uncertain' (default), 'resend' retries it. */
  onUncertain?: 'flag' | 'resend';
}

export interface DrainReport {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
  unreachable: number;
  /** Posts with no answer in time, settled 'uncertain'. */
  uncertain: number;
  held: number;
  /** Given back for pacing or shutdown, without a platform call. */
  deferred: number;
  /** Lost the lease before starting: another worker has the row. */
  skipped: number;
  errors: number;
}

const emptyReport = (): DrainReport => ({
  claimed: 0,
  sent: 0,
  retried: 0,
  failed: 0,
  unreachable: 0,
  uncertain: 0,
  held: 0,
  deferred: 0,
  skipped: 0,
  errors: 0,
});

/** A call that keeps missing its slot (a starved CPU) goes after this many new ones, late. */
const MAX_RESLOTS = 5;

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class OutboxWorker {
  private readonly tuning: WorkerTuning;
  private readonly senders: ReadonlyMap<Platform, ChatSender>;
  private readonly limiter: Pacer;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly slots: Semaphore;
  private stopping = false;
  private signalStop: () => void = () => undefined;
  private readonly stopped = new Promise<void>((resolve) => (this.signalStop = resolve));
  private wakeUp: () => void = () => undefined;
  private draining: Promise<unknown> = Promise.resolve();
  private loop: Promise<void> | null = null;
  /** The earliest time a row this worker gave back for pacing is due (see `untilNextDue`). */
  private nextDueAt = Infinity;
  /** Running average of `queue.begin`, in ms (see `beginLeadMs`). */
  private beginMs = 0;
  private readonly throttles = new ThrottleResponse();
  private readonly pacingDefers: DeferBatch;

  constructor(private readonly options: OutboxWorkerOptions) {
    this.tuning = { ...DEFAULT_TUNING, ...options.tuning };
    this.senders = new Map(options.senders.map((s) => [s.platform, s]));
    this.limiter = options.limiter ?? new RateLimiter();
    this.sleep = options.sleep ?? realSleep;
    this.random = options.random ?? Math.random;
    this.slots = new Semaphore(this.tuning.maxInFlight);
    this.pacingDefers = new DeferBatch((ids, due) => options.queue.defer(ids, options.workerId, due, 'queued', null));
  }

  /** Delivers everything due now, until no row is due; one drain at a time per worker. */
  drain(): Promise<DrainReport> {
    const run = this.draining.then(() => this.drainOnce());
    this.draining = run.catch(() => undefined);
    return run;
  }

  /** Drains, then polls every `pollMs` (or when woken) until stopped. */
  start(pollMs: number): void {
    if (this.loop) return;
    this.loop = (async () => {
      while (!this.stopping) {
        this.nextDueAt = Infinity;
        await this.drain().catch((error) => this.options.logger.error('outbox drain failed', { error: String(error) }));
        await this.idle(this.untilNextDue(pollMs));
      }
    })();
  }

  /**
   * How long to wait before the next drain: the poll interval, or less when this worker gave a
   * row back for a rate-limit slot due sooner. Rows given back are due at least half a horizon
   * (2.5 s) ahead, so with the default 1 s poll this never shortens the wait; it matters only
   * for a poll longer than that. (The Slack-bound bulletin's gain, 0.96 to 0.995 of its rate,
   * came from rows coming back before their slot, in `waitForSlot`.)
   */
  private untilNextDue(pollMs: number): number {
    return Math.max(0, Math.min(pollMs, this.nextDueAt - this.options.clock.now().getTime()));
  }

  /** Ends a poll wait early (after a large enqueue). */
  wake(): void {
    this.wakeUp();
  }

  /** Stops claiming, lets calls in flight finish and gives waiting rows back. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.signalStop();
    this.wakeUp();
    await this.loop;
    await this.draining;
  }

  private async idle(ms: number): Promise<void> {
    await Promise.race([this.sleep(ms), this.stopped, new Promise<void>((resolve) => (this.wakeUp = resolve))]);
  }

  private async drainOnce(): Promise<DrainReport> {
    const report = emptyReport();
    const active = new Set<Promise<void>>();
    const { batchSize, claimLeaseMs } = this.tuning;
    try {
      while (!this.stopping) {
        if (active.size > batchSize / 2) {
          await Promise.race(active);
          continue;
        }
        const rows = await this.options.queue.claim(this.options.workerId, batchSize - active.size, this.options.clock.now(), claimLeaseMs);
        report.claimed += rows.length;
        for (const row of rows) {
          const delivery: Promise<void> = this.deliver(row, report).finally(() => active.delete(delivery));
          active.add(delivery);
        }
        if (rows.length === 0) {
          if (active.size === 0) break;
          await Promise.race(active);
        }
      }
    } finally {
      await Promise.allSettled(active);
    }
    return report;
  }

  /** One row, start to finish. Never throws: a failure leaves the row to its lease. */
  private async deliver(row: ClaimedMessage, report: DrainReport): Promise<void> {
    try {
      if (await this.holdIfNeeded(row, report)) return;
      const sentTo = await this.editTarget(row, report);
      if (sentTo === false) return;
      // A slot missed while waiting for a free sender is given up before anything is written,
      // and the row waits for a new one outside the senders' limit (`attempt`).
      for (let missed = 0; ; missed++) {
        const slot = await this.waitForSlot(row, report);
        if (slot === null) return;
        if (await this.slots.run(() => this.attempt(row, report, sentTo, slot, missed < MAX_RESLOTS))) return;
      }
    } catch (error) {
      report.errors += 1;
      this.options.logger.error('outbox delivery failed; the row is retried when its lease ends', {
        key: row.key,
        error: describeError(error),
      });
    }
  }

  /** Quiet hours, snooze and pause: true when the row was held or cancelled instead. */
  private async holdIfNeeded(row: ClaimedMessage, report: DrainReport): Promise<boolean> {
    const { queue, workerId, clock } = this.options;
    const sender = this.senders.get(row.platform);
    if (!sender) {
      await queue.cancel(row.id, workerId, clock.now(), `no sender for ${row.platform}: the platform is not configured`);
      report.failed += 1;
      return true;
    }
    if (!this.options.holdCheck) return false;
    const decision = await this.options.holdCheck(row, clock.now());
    if (decision.action === 'send') return false;
    if (decision.action === 'cancel') {
      await queue.cancel(row.id, workerId, clock.now(), decision.reason);
      report.failed += 1;
    } else {
      await queue.defer(row.id, workerId, decision.until, 'held', decision.reason);
      report.held += 1;
    }
    return true;
  }

  /** Takes a rate-limit slot and waits for it; the slot's time, or null when the row was given back instead. */
  private async waitForSlot(row: ClaimedMessage, report: DrainReport): Promise<number | null> {
    const { queue, workerId, clock } = this.options;
    const now = clock.now().getTime();
    const wait = await this.limiter.peek(row.bucket, now);
    if (wait > this.tuning.horizonMs) {
      // Back half a horizon before the slot it could have had, so that when it is claimed again
      // it reserves the next slot while the rows before it still hold theirs: the chain of
      // slots never breaks for a claim round trip.
      const due = now + wait - this.tuning.horizonMs / 2;
      this.nextDueAt = Math.min(this.nextDueAt, due);
      await this.pacingDefers.defer(row.id, new Date(due));
      report.deferred += 1;
      return null;
    }
    const slot = now + (await this.limiter.reserve(row.bucket, now));
    // Wake a little before the slot: the send's start is written first (see `attempt`). From the
    // time now, not `now`: the peek and the reservation may have taken a database round trip.
    const early = slot - this.beginLeadMs() - clock.now().getTime();
    if (early > 0) await Promise.race([this.sleep(early), this.stopped]);
    if (this.stopping) {
      await queue.defer(row.id, workerId, row.notBefore, 'queued', null);
      report.deferred += 1;
      return null;
    }
    return slot;
  }

  /**
   * How long before its slot a row wakes to write that its send begins, so the call itself
   * leaves on the slot: twice the running average of that write plus 2 ms (transport timing,
   * not product time), at most 50 ms. A kill in that lead leaves the row `uncertain`, as one in
   * flight: a longer lead (four times plus 5 ms) left one such row undelivered in bench:fanout.
   */
  private beginLeadMs(): number {
    return Math.min(50, 2 * this.beginMs + 2);
  }

  /**
   * A call leaves by its slot's `latest` or not at all: between the slot and the call come a
   * database write, the event loop and, with replicas, other processes' CPU time, and a call
   * landing beside the next slot's (this process's or another replica's) is one too many for a
   * strict one-second window. A missed slot costs one interval; a 429 costs a retry and pauses
   * the bucket for every replica for its Retry-After.
   */
  private missed(bucket: string, slot: number): boolean {
    // A clock that sleeps by moving itself (tests) is never late: its time jumps by every
    // sleeper's wait, so lateness measured on it would be an artefact.
    if (this.options.sleep) return false;
    return this.options.clock.now().getTime() > this.limiter.latest(bucket, slot);
  }

  /** False when the slot was missed before the send began: the caller takes a new one. */
  private async attempt(
    row: ClaimedMessage,
    report: DrainReport,
    sentTo: ConversationAddress | null,
    slot: number,
    mayMiss: boolean,
  ): Promise<boolean> {
    const { queue, workerId, clock } = this.options;
    if (this.stopping) {
      await queue.defer(row.id, workerId, row.notBefore, 'queued', null);
      report.deferred += 1;
      return true;
    }
    // A slot missed while waiting for a free sender: given up before anything is written.
    if (mayMiss && this.missed(row.bucket, slot)) return false;
    const writing = performance.now();
    const begun = await queue.begin(row.id, workerId, clock.now(), this.tuning.sendLeaseMs);
    this.beginMs = 0.8 * this.beginMs + 0.2 * (performance.now() - writing);
    if (!begun) {
      report.skipped += 1;
      return true;
    }
    const ahead = slot - clock.now().getTime();
    if (ahead > 0) await this.sleep(ahead);
    // Space the real departures, not only the planned slots (see RateLimiter.dispatch).
    for (let wait = this.limiter.dispatch(row.bucket, clock.now().getTime()); wait > 0;) {
      await this.sleep(wait);
      wait = this.limiter.dispatch(row.bucket, clock.now().getTime());
    }
    // Missed during the write after all (its latency has a long tail): the start is taken back
    // rather than the row waiting for a new slot as 'sending' (a kill then would leave it
    // `uncertain` though never sent).
    if (mayMiss && this.missed(row.bucket, slot)) {
      const leaseUntil = new Date(clock.now().getTime() + this.tuning.claimLeaseMs);
      if (await queue.unbegin(row.id, workerId, leaseUntil)) return false;
      report.skipped += 1;
      return true;
    }
    const outcome = await this.send(row, sentTo);
    await this.record(row, outcome, report);
    return true;
  }

  /**
   * Update and delete rows act on the message sent for their original key: wait while it is
   * on its way, end without a call when it never arrived or a newer edit replaces this one.
   * Returns where the original landed (null for a plain send), or false when the row is done.
   */
  private async editTarget(row: ClaimedMessage, report: DrainReport): Promise<ConversationAddress | null | false> {
    if (row.op === 'send') return null;
    const { queue, workerId, clock } = this.options;
    const { original, superseded } = await queue.editContext(row);
    if (superseded) {
      await queue.cancel(row.id, workerId, clock.now(), 'superseded: a newer edit of the same message replaces it');
      report.failed += 1;
      return false;
    }
    if (original && ['queued', 'held', 'sending'].includes(original.status)) {
      await queue.defer(row.id, workerId, new Date(clock.now().getTime() + this.tuning.horizonMs), 'queued', null);
      report.deferred += 1;
      return false;
    }
    // A send that ended failed or uncertain with its text posted (files undelivered) has a sentTo too: the text can still be edited.
    if (!original?.sentTo) {
      await queue.cancel(
        row.id,
        workerId,
        clock.now(),
        `the original message was not sent (${original?.status ?? 'gone'}): nothing to ${row.op}`,
      );
      report.failed += 1;
      return false;
    }
    return original.sentTo;
  }

  private async send(row: ClaimedMessage, sentTo: ConversationAddress | null): Promise<SendOutcome> {
    try {
      const sender = this.senders.get(row.platform)!;
      if (row.op === 'update' && sentTo) return await sender.update(sentTo, row.content);
      // A delete row's content, when it has any, is what replaces the message if the platform refuses the delete.
      if (row.op === 'delete' && sentTo) return await sender.delete(sentTo, row.content.blocks.length > 0 ? row.content : undefined);
      // An earlier attempt posted the text: the sender delivers only what is left (its files).
      return await sender.send(row.target, row.content, row.sentTo ?? undefined);
    } catch (error) {
      // Senders classify errors themselves; an exception here is unexpected, so try again later.
      return { status: 'retry', retryAfterMs: null, error: `sender threw: ${String((error as Error)?.message ?? error)}`.slice(0, 300) };
    }
  }

  private async record(row: ClaimedMessage, outcome: SendOutcome, report: DrainReport): Promise<void> {
    const { queue, workerId, clock } = this.options;
    const now = clock.now();
    switch (outcome.status) {
      case 'sent':
        await queue.settle(row.id, workerId, { status: 'sent', at: now, providerId: outcome.providerId, sentTo: outcome.sentTo ?? null });
        report.sent += 1;
        return;
      case 'retry':
        return this.retryOrGiveUp(row, outcome, now, report);
      case 'unreachable':
        await queue.settle(row.id, workerId, { status: 'unreachable', at: now, error: outcome.error });
        report.unreachable += 1;
        if (row.personId) await this.options.reachability.markUnreachable(row.personId, row.platform, now);
        return;
      case 'failed': {
        const posted = await this.settleFinal(row, 'failed', outcome, outcome.error, now);
        report.failed += 1;
        this.options.logger.warn('outbox message failed', { key: row.key, error: outcome.error, partial: Boolean(posted.sentTo) });
        return;
      }
      case 'uncertain': {
        if (this.options.onUncertain === 'resend')
          return this.retryOrGiveUp(row, { ...outcome, status: 'retry', retryAfterMs: null }, now, report);
        await this.settleFinal(row, 'uncertain', outcome, outcome.error, now);
        report.uncertain += 1;
        this.options.logger.warn('outbox message uncertain: not re-sent, to avoid a duplicate', { key: row.key, error: outcome.error });
        return;
      }
    }
  }

  /** Settles a row for good, keeping where its text is posted if its files were not delivered. */
  private async settleFinal(
    row: ClaimedMessage,
    status: 'failed' | 'uncertain',
    outcome: PostedPart,
    error: string,
    now: Date,
  ): Promise<PostedPart> {
    const posted = postedPart(row, outcome);
    await this.options.queue.settle(row.id, this.options.workerId, { status, at: now, error: partialError(posted, error), ...posted });
    return posted;
  }

  private async retryOrGiveUp(
    row: ClaimedMessage,
    outcome: Extract<SendOutcome, { status: 'retry' }>,
    now: Date,
    report: DrainReport,
  ): Promise<void> {
    const { queue, workerId } = this.options;
    // A 429 holds back the whole bucket, unless it is a lone one on a window-capped bucket
    // (ThrottleResponse): then the bucket gives up its next slot, one call fewer in the window
    // that was one too many. The row itself always waits for the Retry-After (nextRetry).
    if (outcome.retryAfterMs !== null) {
      if (this.throttles.pausesBucket(row.bucket, now.getTime()))
        await this.limiter.pauseUntil(row.bucket, now.getTime() + outcome.retryAfterMs);
      else await this.limiter.reserve(row.bucket, now.getTime());
    }
    const attempts = row.attempts + 1;
    const decision = nextRetry(attempts, outcome.retryAfterMs, this.random, this.tuning.backoff);
    if (!decision.retry) {
      const posted = await this.settleFinal(row, 'failed', outcome, `gave up after ${attempts} attempts: ${outcome.error}`, now);
      report.failed += 1;
      this.options.logger.warn('outbox message gave up', { key: row.key, attempts, error: outcome.error, partial: Boolean(posted.sentTo) });
      return;
    }
    const posted = postedPart(row, outcome);
    const notBefore = new Date(now.getTime() + decision.delayMs);
    await queue.settle(row.id, workerId, { status: 'retry', notBefore, error: partialError(posted, outcome.error), ...posted });
    report.retried += 1;
  }
}

/**
 * Where this send's text is posted, if an attempt (this one or an earlier one) posted it and
 * its files are still undelivered: kept on the row whatever the outcome.
 */
function postedPart(row: ClaimedMessage, outcome: PostedPart): { sentTo?: ConversationAddress } {
  const sentTo = outcome.sentTo ?? row.sentTo;
  return sentTo ? { sentTo } : {};
}

/** The row's error says plainly that the text arrived and the files did not, when so. */
function partialError(posted: PostedPart, error: string): string {
  return posted.sentTo ? `the message was delivered without its files: ${error}` : error;
}
