import type { ConversationAddress } from '../../src/core/events';
import { teamsBucket } from '../../src/core/outbox-port';

/**
 * Teams addresses as this adapter stores them: `{ kind: 'reference', reference }` (a
 * ConversationReference of a 1:1 chat, group chat or team channel) or `{ kind: 'member',
 * memberId, tenantId, serviceUrl }` (a member seen in a team, no 1:1 chat yet). Teams paces
 * bots per tenant, so that is the rate-limit bucket.
 */
export function teamsBucketOf(address: ConversationAddress): string {
  return teamsBucket(tenantOf(address));
}

export function tenantOf(address: ConversationAddress): string {
  if (address.kind === 'member') return String(address.tenantId ?? '');
  const reference = address.reference as { conversation?: { tenantId?: string }; channelData?: unknown } | undefined;
  return String(reference?.conversation?.tenantId ?? address.tenantId ?? '');
}

/** A personal (1:1) chat: the only place Teams takes files through the consent card. */
export function isPersonalChat(address: ConversationAddress): boolean {
  if (address.kind === 'member') return true;
  const conversation = (address.reference as { conversation?: { conversationType?: string; isGroup?: boolean } } | undefined)?.conversation;
  return conversation?.conversationType === 'personal' || (!conversation?.conversationType && conversation?.isGroup === false);
}
