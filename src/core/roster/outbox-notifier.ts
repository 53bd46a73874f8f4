import { deliverToPeople, type PersonDelivery } from '../deliver-to-people';
import type { OutboundMessage } from '../message';
import type { Outbox } from '../outbox-port';
import type { IdentityLinks, Notifier, RosterRepo } from '../roster-port';

/**
 * Proactive messages to people (join and erasure requests to leaders, a welcome) through
 * the delivery outbox: each person gets it once per key, on their preferred platform when
 * they can be reached there, else where they were last seen. Archived people are not sent to.
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
    const deliveries: PersonDelivery[] = [];
    let archived = 0;
    for (const personId of personIds) {
      const person = await this.repo.getPerson(trustId, personId);
      if (!person || person.archived) archived++;
      else deliveries.push({ person, key: `${key}:${personId}`, content: message });
    }
    const report = await deliverToPeople(this.outbox, trustId, contacts, deliveries);
    return { queued: report.queued + report.duplicates, unreachable: report.unreachable + archived };
  }
}
