import type { Platform } from './model';

/**
 * Where a reply or a later proactive message goes. Opaque to the core: a Teams conversation
 * reference or a Slack channel id, stored as JSON and handed back to the same adapter.
 */
export type ConversationAddress = Record<string, unknown>;

/** A card button press or form submission, after the adapter has unpacked it. */
export interface ActionInput {
  /** The action's verb, e.g. `help.show` or `setup.confirm`. */
  verb: string;
  /** Button data and form field values, all as strings. */
  data: Record<string, string>;
}

/** A file attached to a message (Slack file_share, Teams file download info). */
export interface InboundFile {
  name: string;
  /** Size in bytes when the platform says (Slack does; Teams does not). */
  size: number | null;
  /**
   * Downloads the file, giving up with 'too-large' as soon as it passes `maxBytes` (never
   * buffering more). Throws when the platform refuses or the network fails.
   */
  download(maxBytes: number): Promise<Uint8Array | 'too-large'>;
}

/** One inbound chat event, the same shape whichever platform it came from. */
export interface InboundEvent {
  platform: Platform;
  /**
   * Platform's own id of this delivery, unique within the tenant (Teams: conversation id +
   * activity id; Slack: event id), used with platform and tenant to drop redeliveries.
   */
  deliveryId: string;
  tenantId: string;
  userId: string;
  userName: string | null;
  /** Present when the platform told us (Slack profile, Teams member lookup). */
  email: string | null;
  /** True in a 1:1 chat with the bot. */
  direct: boolean;
  address: ConversationAddress;
  /**
   * The shared channel the event came from (a Teams team channel, a Slack channel), as an
   * outbox target for one message to everyone in it; absent in 1:1 chats. Opaque to the core.
   */
  channel?: ConversationAddress | null;
  text: string | null;
  action: ActionInput | null;
  /** A file sent with the message, if any. */
  file?: InboundFile | null;
  /** True when the sender is a bot (including this one): such events are ignored. */
  fromBot: boolean;
}

/**
 * Chat accounts the platform told us about without a message: the bot installed in a team
 * (Teams `conversationUpdate` + member list) or new members joining it.
 */
export interface MembersEvent {
  platform: Platform;
  tenantId: string;
  members: Array<{ userId: string; name: string | null; email: string | null; address: ConversationAddress }>;
  /**
   * The bot was just installed by this one person in a 1:1 chat (Teams personal scope): they
   * get a welcome there (their Home, or how to join). Absent for team installs and joins.
   */
  personalInstall?: boolean;
}
