import type { ConversationAddress, InboundEvent } from './events';
import type { OutboundMessage } from './message';
import type { Actor, Platform } from './model';

/** The current time; a fake in tests. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Structured logging; implementations write JSON lines. */
export interface Logger {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

/**
 * Where the message itself was posted by an attempt that then failed to deliver its files:
 * the text is there (it can be updated or deleted), only the files are left. The outbox keeps
 * it on the row and passes it back to `ChatSender.send`, so the text is never posted twice.
 */
export interface PostedPart {
  sentTo?: ConversationAddress;
}

/** Outcome of one delivery attempt to a chat platform. */
export type SendOutcome =
  /**
   * `sentTo` names the message itself (Teams conversation + activity id, Slack channel + ts),
   * in the adapter's own format, so it can be updated or deleted later.
   */
  | { status: 'sent'; providerId: string | null; sentTo?: ConversationAddress | null }
  /** Try again later (429 / 5xx / network); `retryAfterMs` when the platform said. */
  | ({ status: 'retry'; retryAfterMs: number | null; error: string } & PostedPart)
  /** The recipient blocked or removed the bot, or the conversation is gone. */
  | { status: 'unreachable'; error: string }
  | ({ status: 'failed'; error: string } & PostedPart)
  /**
   * A post got no answer within the call timeout: it may have reached the platform, so sending
   * it again could show it twice. The outbox settles the row 'uncertain' (listed, not re-sent).
   * With `sentTo`, the text is known to be posted and it is its files that may not have been.
   */
  | ({ status: 'uncertain'; error: string } & PostedPart);

/** Sends a neutral message to a stored address. One implementation per platform. */
export interface ChatSender {
  readonly platform: Platform;
  /**
   * Posts the message. `posted`: an earlier attempt posted its text there (see `PostedPart`)
   * and only its files are left; the outcome, once they are delivered, is `sent` to `posted`.
   * Platforms that send files in the same call as the text (Teams) never report a part.
   */
  send(address: ConversationAddress, message: OutboundMessage, posted?: ConversationAddress): Promise<SendOutcome>;
  /** Replaces a message sent earlier (`sentTo` from its send outcome). */
  update(sentTo: ConversationAddress, message: OutboundMessage): Promise<SendOutcome>;
  /**
   * Deletes a message sent earlier. When the platform refuses the delete (Slack
   * `cant_delete_message`, Teams 403) and `instead` is given, the message is replaced with it.
   */
  delete(sentTo: ConversationAddress, instead?: OutboundMessage): Promise<SendOutcome>;
}

/**
 * Addresses are each adapter's own format; only the adapter can read one. The outbox asks
 * here which rate-limit bucket a message to an address falls in (Teams: the tenant; Slack:
 * the channel), so core and flows never decode a conversation reference.
 */
export interface Addressing {
  bucketOf(platform: Platform, address: ConversationAddress): string;
  /**
   * One conversation with all these people and the bot, where the platform allows the bot to
   * open one (a Slack group DM); null where it does not (Teams) or the addresses cannot share one.
   */
  groupOf?(platform: Platform, addresses: readonly ConversationAddress[]): ConversationAddress | null;
}

/** Who is this chat user? Links platform identities to people on the roster. */
export interface IdentityRepo {
  /** Records the identity (creating it on first contact) and returns the actor it maps to. */
  resolve(input: Pick<InboundEvent, 'platform' | 'tenantId' | 'userId' | 'userName' | 'email' | 'address' | 'direct'>): Promise<Actor>;
}

/** A flow's saved place in a multi-turn conversation. */
export interface ConversationState {
  flow: string;
  step: string;
  data: Record<string, unknown>;
}

/** Conversation state kept in the database, so it survives restarts and replicas. */
export interface StateStore {
  get(key: string): Promise<ConversationState | null>;
  set(key: string, state: ConversationState, ttlMs: number): Promise<void>;
  /** Removes the state under each key (one statement, however many keys). */
  clear(...keys: string[]): Promise<void>;
  /**
   * Removes the state and returns it, in one step in the database: of two callers taking the
   * same key at once (two presses, two replicas) exactly one gets it, the other null.
   */
  take(key: string): Promise<ConversationState | null>;
}

/** What `ReceiptStore.begin` found: a new delivery (now ours), one handled already, or one being handled. */
export type ReceiptClaim = 'new' | 'done' | 'busy';

/** Remembers deliveries already handled. */
export interface ReceiptStore {
  /** True when this key was new (and is now recorded as handled); false for a redelivery. */
  claim(key: string): Promise<boolean>;
  /**
   * Starts handling a delivery: 'new' when the key was unknown, or when an earlier claim of it
   * was never finished and is older than `leaseMs` (its handler died: the delivery is ours now);
   * 'done' when it was handled; 'busy' when another handler began it less than `leaseMs` ago.
   */
  begin(key: string, leaseMs: number): Promise<ReceiptClaim>;
  /** The delivery begun with `begin` has been handled: a redelivery is a duplicate from now on. */
  finish(key: string): Promise<void>;
  /** Forget a claim, so a failed delivery can be retried by the platform. */
  release(key: string): Promise<void>;
}

export interface AuditEntryInput {
  trustId: string | null;
  actorId: string | null;
  action: string;
  subject?: string | null;
  details?: Record<string, unknown>;
}

export interface AuditLog {
  record(entry: AuditEntryInput): Promise<void>;
}

/** The database's health, for /healthz. */
export interface HealthCheck {
  ping(): Promise<boolean>;
}
