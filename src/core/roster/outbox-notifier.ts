import type { ConversationAddress } from '../events';
import type { OutboundMessage } from '../message';
import { slackBucket, teamsBucket, type Outbox, type OutboxEntry } from '../outbox-port';
import type { Contact, IdentityLinks, Notifier, RosterRepo } from '../roster-port';

/**
 * Proactive messages to people (join and erasure requests to leaders, a welcome) through
 * the delivery outbox: each person gets it once per key, on their preferred platform when
 * they can be reached there, else where they were last seen.
 */
export class OutboxNotifier implements Notifier {
  constructor(
    private readonly outbox: Outbox,
    private readonly identities: IdentityLinks,
    private readonly repo: RosterRepo,
  ) {}

  async notify(
    trustId: string,
    personIds: string[],
    key: string,
    message: OutboundMessage,
  ): Promise<{ queued: number; unreachable: number }> {
    const contacts = await this.identities.contacts(trustId, personIds);
    const entries: OutboxEntry[] = [];
    let unreachable = 0;
    for (const personId of personIds) {
      const person = await this.repo.getPerson(trustId, personId);
      const contact =
        person && !person.archived
          ? pick(
              contacts.filter((c) => c.personId === personId && c.reachable),
              person.preferredPlatform,
            )
          : null;
      if (!contact) {
        unreachable++;
        continue;
      }
      entries.push({
        key: `${key}:${personId}`,
        trustId,
        personId,
        platform: contact.platform,
        target: contact.address,
        content: message,
        bucket: bucketOf(contact),
      });
    }
    if (entries.length) await this.outbox.enqueue(entries);
    return { queued: entries.length, unreachable };
  }
}

/** Contacts come newest first: the preferred platform wins, then the most recent. */
function pick(contacts: Contact[], preferred: string | null): Contact | null {
  return contacts.find((c) => c.platform === preferred) ?? contacts[0] ?? null;
}

/** Teams is paced per tenant, Slack per DM channel (or user until the DM is open). */
function bucketOf(contact: Contact): string {
  const a = contact.address as ConversationAddress & {
    tenantId?: string;
    teamId?: string;
    userId?: string;
    channel?: string;
    reference?: { conversation?: { tenantId?: string } };
  };
  if (contact.platform === 'teams') return teamsBucket(String(a.tenantId ?? a.reference?.conversation?.tenantId ?? ''));
  return slackBucket(String(a.teamId ?? ''), String(a.channel ?? a.userId ?? ''));
}
