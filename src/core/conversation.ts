/**
 * Multi-step conversations keep their place in the database (`StateStore`), keyed by the
 * person when the chat account is linked, so a form started in Teams can be finished in Slack
 * and any replica can take the next message. Unlinked accounts are keyed by their chat account.
 */
import type { Actor } from './model';

/** A conversation nobody answered for this long is forgotten. */
export const CONVERSATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export function personConversationKey(personId: string): string {
  return `person:${personId}`;
}

export function accountConversationKey(account: { platform: string; tenantId: string; userId: string }): string {
  return `${account.platform}:${account.tenantId}:${account.userId}`;
}

/** The key of this actor's conversation: theirs on every platform once linked. */
export function conversationKeyOf(actor: Pick<Actor, 'platform' | 'tenantId' | 'userId' | 'personId'>): string {
  return actor.personId ? personConversationKey(actor.personId) : accountConversationKey(actor);
}
