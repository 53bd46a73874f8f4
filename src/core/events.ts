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

/** One inbound chat event, the same shape whichever platform it came from. */
export interface InboundEvent {
  platform: Platform;
  /** Platform's own id of this delivery, used to drop redeliveries. */
  deliveryId: string;
  tenantId: string;
  userId: string;
  userName: string | null;
  /** Present when the platform told us (Slack profile, Teams member lookup). */
  email: string | null;
  /** True in a 1:1 chat with the bot. */
  direct: boolean;
  address: ConversationAddress;
  text: string | null;
  action: ActionInput | null;
  /** True when the sender is a bot (including this one): such events are ignored. */
  fromBot: boolean;
}
