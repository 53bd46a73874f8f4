import type { OutboundMessage } from './message';
import type { Person } from './model';
import type { Outbox, OutboxEntry } from './outbox-port';
import type { Contact } from './roster-port';

/**
 * The one way proactive messages reach people: pick each person's contact, queue one outbox
 * row per person with the caller's key. The address stays opaque here; the outbox asks the
 * platform's adapter for the rate-limit bucket (see `Addressing` in ./ports).
 */

export interface PersonDelivery {
  person: Pick<Person, 'id' | 'preferredPlatform'>;
  /** Idempotency key of this person's message (a second enqueue is a no-op). */
  key: string;
  content: OutboundMessage;
}

export interface DeliveryReport {
  queued: number;
  duplicates: number;
  unreachable: number;
  /** Person ids with no reachable account. */
  unreachableIds: string[];
}

/** The person's preferred platform if reachable there, else their most recently seen reachable account. */
export function pickContact(person: Pick<Person, 'id' | 'preferredPlatform'>, contacts: readonly Contact[]): Contact | null {
  const mine = contacts.filter((c) => c.personId === person.id && c.reachable);
  return mine.find((c) => c.platform === person.preferredPlatform) ?? mine[0] ?? null;
}

/**
 * Queues each delivery to its person. `contacts` come from `IdentityLinks.contacts` (newest
 * first). `kind` marks nudges: quiet hours, snooze and pause apply at send time.
 */
export async function deliverToPeople(
  outbox: Pick<Outbox, 'enqueue'>,
  trustId: string,
  contacts: readonly Contact[],
  deliveries: readonly PersonDelivery[],
  kind: string | null = null,
): Promise<DeliveryReport> {
  const entries: OutboxEntry[] = [];
  const unreachableIds: string[] = [];
  for (const d of deliveries) {
    const contact = pickContact(d.person, contacts);
    if (!contact) {
      unreachableIds.push(d.person.id);
      continue;
    }
    entries.push({
      key: d.key,
      trustId,
      personId: d.person.id,
      platform: contact.platform,
      target: contact.address,
      content: d.content,
      kind,
    });
  }
  const report = { queued: 0, duplicates: 0, unreachable: unreachableIds.length, unreachableIds };
  if (entries.length === 0) return report;
  const result = await outbox.enqueue(entries);
  return { ...report, queued: result.queued.length, duplicates: result.duplicates.length };
}
