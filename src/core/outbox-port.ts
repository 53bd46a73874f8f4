import type { ConversationAddress } from './events';
import type { OutboundMessage } from './message';
import type { Platform } from './model';

/**
 * The delivery outbox: every proactive message is a row before it is sent, so a restart loses
 * nothing and the same logical message is queued once. Flows enqueue; the scheduler's workers
 * deliver (src/scheduler/outbox-worker.ts documents the state machine and its guarantees).
 */

export const OUTBOX_STATUSES = ['queued', 'held', 'sending', 'sent', 'failed', 'unreachable', 'uncertain'] as const;
/**
 * - queued: waiting for its `notBefore`; held: the same, moved later by quiet hours, snooze or
 *   pause (never dropped);
 * - sending: a platform call has started (committed before the call);
 * - sent / failed / unreachable: final;
 * - uncertain: final, a worker died during the platform call, or the platform did not answer
 *   a post within the call timeout, so we cannot know whether it got the message; never
 *   re-sent automatically (no duplicate), listed for follow-up.
 * A send whose text was posted and whose files were not keeps where the text is (`sentTo`)
 * through its retries: a retry delivers only the files, and a row that ends failed or uncertain
 * so is `partial` (the text arrived) and can still be edited.
 */
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** One proactive message to queue. */
export interface OutboxEntry {
  /**
   * Idempotency key, deterministic for the logical message: e.g.
   * `checkin-reminder:<roundId>:<personId>:<yyyy-mm-dd>`. A second enqueue is a no-op.
   */
  key: string;
  trustId?: string | null;
  personId?: string | null;
  platform: Platform;
  /** A stored conversation reference (Teams) or channel / user (Slack). */
  target: ConversationAddress;
  content: OutboundMessage;
  /** Earliest delivery (default: now). Quiet rules may move it later, never earlier. */
  notBefore?: Date;
  /**
   * Rate-limit bucket; leave it out and the outbox asks the platform's adapter (`Addressing`),
   * which is what flows should do. Tests may name one.
   */
  bucket?: string;
  /**
   * Set for nudges (reminders, follow-ups): quiet hours, snooze of this kind and pause-all
   * apply at send time. Leave unset for messages a person asked for.
   */
  kind?: string | null;
}

/**
 * A change to a message queued earlier under `of`: replace its content, or delete it. Queued
 * as its own row (paced with the original's bucket, retried, idempotent by `key`), delivered
 * once the original was sent. When several edits of one message are due, only the newest is
 * sent. E.g. `{ key: 'meeting-rsvp:m1:ann:count-14', of: 'meeting-invite:m1:ann', op: 'update', content }`.
 */
export interface OutboxEdit {
  key: string;
  /** Key of the original message. */
  of: string;
  op: 'update' | 'delete';
  /** The new content (update); for a delete, what replaces the message if the platform refuses to delete it. */
  content?: OutboundMessage;
  notBefore?: Date;
}

/** What a row asks the platform to do. */
export type OutboxOp = 'send' | 'update' | 'delete';

export interface EnqueueResult {
  /** Keys that are new rows now. */
  queued: string[];
  /** Keys that were already in the outbox (whatever their status): nothing was changed. */
  duplicates: string[];
}

/** A row as status queries report it. */
export interface OutboxRecord {
  key: string;
  platform: Platform;
  personId: string | null;
  kind: string | null;
  status: OutboxStatus;
  attempts: number;
  notBefore: Date;
  lastError: string | null;
  lastAttemptAt: Date | null;
  sentAt: Date | null;
  settledAt: Date | null;
  providerId: string | null;
  op: OutboxOp;
  /** For edits: the original's key. */
  of: string | null;
  /**
   * The message's text was posted but its files were not delivered (failed), may not have been
   * (uncertain), or are still to go (queued): what a status view should say instead of "failed".
   */
  partial: boolean;
  createdAt: Date;
}

/** What flows and feature code use to queue proactive messages and ask how they went. */
export interface Outbox {
  /** Queues each entry once per key, in one transaction; reports which keys were new. */
  enqueue(entries: readonly OutboxEntry[]): Promise<EnqueueResult>;
  /**
   * Queues edits of messages queued earlier, once per key. `missing`: edits whose original
   * key is not in the outbox (nothing was queued for them).
   */
  edit(edits: readonly OutboxEdit[]): Promise<EnqueueResult & { missing: string[] }>;
  get(key: string): Promise<OutboxRecord | null>;
  /** Rows per status, optionally only keys starting with `keyPrefix` (one fan-out). */
  countByStatus(keyPrefix?: string): Promise<Record<OutboxStatus, number>>;
  /** The `partial` rows among those (text posted, files not delivered), per status. */
  countPartial(keyPrefix: string): Promise<Record<OutboxStatus, number>>;
  /** Nudge kinds queued, held or sent to this person since `since` (newest first). */
  recentKinds(personId: string, since: Date): Promise<string[]>;
  /** After "resume": this person's held nudges become due now (quiet hours still apply). */
  releaseHeld(personId: string, now: Date): Promise<number>;
  /**
   * The address of one conversation with these people and the bot, asked of the platform's
   * adapter (`Addressing.groupOf`): a Slack group DM; null on Teams or when absent.
   */
  groupAddress?(platform: Platform, addresses: readonly ConversationAddress[]): ConversationAddress | null;
  /**
   * Who was queued a message or an edit, or had one sent, with `from < time <= upTo` (one a
   * person, their latest), leaving out keys that start with `exceptPrefix`: Home's push refresh
   * reads this, and leaves out its own rows so it never feeds on itself.
   */
  recipients(from: Date, upTo: Date, exceptPrefix: string): Promise<Recipient[]>;
}

/** A person something was queued for, and when (see `Outbox.recipients`). */
export interface Recipient {
  personId: string;
  trustId: string | null;
  at: Date;
}

/** Teams allows about 50 requests/s per app per tenant: one bucket per tenant. */
export function teamsBucket(tenantId: string): string {
  return `teams:${tenantId}`;
}

/** Slack allows about 1 chat.postMessage/s per channel: one bucket per channel (or DM user). */
export function slackBucket(teamId: string, channelOrUser: string): string {
  return `slack:${teamId}:${channelOrUser}`;
}

/** A row leased to one worker for delivery. */
export interface ClaimedMessage {
  id: string;
  key: string;
  platform: Platform;
  target: ConversationAddress;
  content: OutboundMessage;
  bucket: string;
  kind: string | null;
  personId: string | null;
  trustId: string | null;
  /** Platform calls made so far (before this one). */
  attempts: number;
  notBefore: Date;
  op: OutboxOp;
  /** For edits: the original's key. */
  of: string | null;
  /**
   * A send whose text an earlier attempt posted (there), its files still to deliver; null
   * otherwise. Passed to `ChatSender.send` so the text is not posted again.
   */
  sentTo: ConversationAddress | null;
}

/** What an edit row needs to know about its original message at delivery time. */
export interface EditContext {
  /** The original's status, and where it was sent (null until sent). */
  original: { status: OutboxStatus; sentTo: ConversationAddress | null } | null;
  /** A newer edit of the same original exists: this one need not reach the platform. */
  superseded: boolean;
}

/**
 * The outcome of one platform call, as the worker records it. `sentTo` on a retry or a final
 * failure: the message's text was posted there though its files were not (kept on the row, so
 * the next attempt sends only the files and edits still reach the text).
 */
export type DeliveryResult =
  | { status: 'sent'; at: Date; providerId: string | null; sentTo?: ConversationAddress | null }
  | { status: 'retry'; notBefore: Date; error: string; sentTo?: ConversationAddress | null }
  | { status: 'failed' | 'unreachable' | 'uncertain'; at: Date; error: string; sentTo?: ConversationAddress | null };

/**
 * The workers' side of the outbox. Every write names the worker, so a worker that lost its
 * lease (it was too slow, another replica took the row) cannot overwrite the new holder.
 */
export interface DeliveryQueue {
  /**
   * Leases up to `limit` due rows (queued or held, `notBefore <= now`, no live lease), oldest
   * first, to `worker` until `now + leaseMs`. Safe with many replicas on PostgreSQL
   * (`FOR UPDATE SKIP LOCKED`): a row is leased to one worker at a time.
   */
  claim(worker: string, limit: number, now: Date, leaseMs: number): Promise<ClaimedMessage[]>;
  /**
   * Marks the row 'sending' (attempts + 1) and commits, just before the platform call. False
   * when this worker no longer holds the row: then it must not call the platform.
   */
  begin(id: string, worker: string, now: Date, leaseMs: number): Promise<boolean>;
  /**
   * Takes back a `begin` before any call was made (the row missed its rate-limit slot): 'queued'
   * again, attempts as before, still leased to `worker` until `leaseUntil`. False when this
   * worker no longer holds the row.
   */
  unbegin(id: string, worker: string, leaseUntil: Date): Promise<boolean>;
  /** Records the outcome of the call started by `begin`. */
  settle(id: string, worker: string, result: DeliveryResult): Promise<void>;
  /**
   * Gives a leased row back without a platform call, due again at `notBefore`: 'held' with a
   * reason for quiet hours / snooze / pause, 'queued' for rate-limit pacing or shutdown.
   * Several ids: all of them, in one statement.
   */
  defer(id: string | readonly string[], worker: string, notBefore: Date, status: 'queued' | 'held', reason: string | null): Promise<void>;
  /** For an edit row: its original message and whether a newer edit replaces this one. */
  editContext(row: ClaimedMessage): Promise<EditContext>;
  /** Ends a leased row without a platform call (e.g. the recipient left the roster). */
  cancel(id: string, worker: string, now: Date, reason: string): Promise<void>;
  /**
   * Rows left 'sending' past their lease: their worker died during the platform call.
   * 'flag' marks them 'uncertain' (never sent twice); 'resend' queues them again
   * (at-least-once: the platform may show the message twice). Returns the keys.
   */
  recoverStale(now: Date, policy: 'flag' | 'resend'): Promise<string[]>;
  /**
   * At start-up, before claiming: rows still leased to `worker` belong to a previous run of
   * this same replica, which is dead. Unstarted ones are released at once; 'sending' ones are
   * handled as `recoverStale` would, without waiting for their leases. Only sound when worker
   * names are unique among running replicas (INSTANCE_ID). Returns the uncertain/resent keys.
   */
  recoverOwn(worker: string, now: Date, policy: 'flag' | 'resend'): Promise<{ released: number; midSend: string[] }>;
}

/** Records that a person cannot be reached on a platform (blocked or removed the bot). */
export interface RecipientReachability {
  markUnreachable(personId: string, platform: Platform, at: Date): Promise<void>;
}
