/**
 * Proactive check-in messages go through the delivery outbox, one row per person with a
 * deterministic key (a second enqueue of the same key is a no-op).
 */
import type { ConversationAddress } from '../../core/events';
import type { OutboundMessage } from '../../core/message';
import type { Person, Platform } from '../../core/model';
import { slackBucket, teamsBucket, type OutboxEntry } from '../../core/outbox-port';
import type { Contact } from '../../core/roster-port';
import type { CheckinSvc } from './services';

/** Nudge kinds: quiet hours, snooze and pause apply to them at send time. */
export const INVITE_KIND = 'checkin-invite';
export const REMINDER_KIND = 'checkin-reminder';

/** The rate-limit bucket for an address kept by the adapters (see src/core/outbox-port.ts). */
export function bucketOf(platform: Platform, address: ConversationAddress): string {
  if (platform === 'teams') {
    const reference = address.reference as { conversation?: { tenantId?: string } } | undefined;
    const tenant = address.kind === 'reference' ? reference?.conversation?.tenantId : address.tenantId;
    return teamsBucket(typeof tenant === 'string' ? tenant : '');
  }
  const channel = typeof address.channel === 'string' ? address.channel : String(address.userId ?? '');
  return slackBucket(String(address.teamId ?? ''), channel);
}

/** The person's preferred platform if reachable there, else their most recently seen reachable identity. */
export function pickContact(person: Pick<Person, 'id' | 'preferredPlatform'>, contacts: readonly Contact[]): Contact | null {
  const mine = contacts.filter((c) => c.personId === person.id && c.reachable);
  return mine.find((c) => c.platform === person.preferredPlatform) ?? mine[0] ?? null;
}

export interface Delivery {
  person: Pick<Person, 'id' | 'preferredPlatform'>;
  key: string;
  content: OutboundMessage;
}

/** Queues each delivery to its person; reports how many were new, repeated or unreachable. */
export async function deliver(
  svc: Pick<CheckinSvc, 'roster' | 'outbox'>,
  trustId: string,
  kind: string | null,
  deliveries: readonly Delivery[],
): Promise<{ queued: number; duplicates: number; unreachable: number }> {
  if (deliveries.length === 0) return { queued: 0, duplicates: 0, unreachable: 0 };
  const contacts = await svc.roster.identities.contacts(
    trustId,
    deliveries.map((d) => d.person.id),
  );
  const entries: OutboxEntry[] = [];
  let unreachable = 0;
  for (const d of deliveries) {
    const contact = pickContact(d.person, contacts);
    if (!contact) {
      unreachable += 1;
      continue;
    }
    entries.push({
      key: d.key,
      trustId,
      personId: d.person.id,
      platform: contact.platform,
      target: contact.address,
      content: d.content,
      bucket: bucketOf(contact.platform, contact.address),
      kind,
    });
  }
  if (entries.length === 0) return { queued: 0, duplicates: 0, unreachable };
  const result = await svc.outbox.enqueue(entries);
  return { queued: result.queued.length, duplicates: result.duplicates.length, unreachable };
}
