/**
 * Proactive check-in messages go through the delivery outbox, one row per person with a
 * deterministic key (a second enqueue of the same key is a no-op), by the shared helper in
 * src/core/deliver-to-people.ts.
 */
import { deliverToPeople, type PersonDelivery } from '../../core/deliver-to-people';
import type { CheckinSvc } from './services';

export { pickContact } from '../../core/deliver-to-people';

/** Nudge kinds: quiet hours, snooze and pause apply to them at send time. */
export const INVITE_KIND = 'checkin-invite';
export const REMINDER_KIND = 'checkin-reminder';

export type Delivery = PersonDelivery;

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
  const { queued, duplicates, unreachable } = await deliverToPeople(svc.outbox, trustId, contacts, deliveries, kind);
  return { queued, duplicates, unreachable };
}
