/**
 * Campaign use cases, the same for every kind and every caller (a leader's button, the
 * scheduler's minute tick): open and invite, remind those who have not answered, invite late
 * joiners, report progress, close and summarise. Every send goes through the outbox with a key
 * by meaning (src/core/campaign.ts), so running any of these twice sends once.
 */
import { campaignKeys, progressOf, type Campaign, type CampaignProgress, type ReachFacts } from '../../core/campaign';
import type { OutboundMessage } from '../../core/message';
import { deliver, type Delivery } from '../checkin/delivery';
import type { CampaignKind, CampaignSvc } from './kind';

export interface SendCount {
  queued: number;
  duplicates: number;
  unreachable: number;
}

/**
 * Opens a scheduled campaign (once) and invites everyone in its audience who has no invitation
 * yet. Safe to run again, and run again it is, hourly while open: people who became reachable
 * (linked, or wrote to the bot) since get their invitation then.
 */
export async function openCampaign<C extends Campaign, U>(
  svc: CampaignSvc,
  kind: CampaignKind<C, U>,
  campaign: C,
): Promise<{ campaign: C; opened: boolean; sent: SendCount }> {
  let opened = false;
  if (campaign.status === 'scheduled') {
    opened = await kind.store.markOpen(campaign, svc.clock.now());
    if (opened) svc.logger.info('campaign opened', { kind: kind.id, trustId: campaign.trustId, id: campaign.id });
  }
  const current = (await kind.store.get(campaign.trustId, campaign.id)) ?? campaign;
  if (current.status !== 'open') return { campaign: current, opened, sent: { queued: 0, duplicates: 0, unreachable: 0 } };
  const posts = kind.posts ? await kind.posts(current) : [];
  const posted = posts.length > 0 ? (await svc.outbox.enqueue(posts)).queued.length : 0;
  const sent = await inviteAudience(svc, kind, current);
  return { campaign: current, opened, sent: { ...sent, queued: sent.queued + posted } };
}

/**
 * Queues the invitation of every person in the audience; keys already used are not sent again.
 * `onlyNew` (the hourly late invitations) skips, before building any message, people who already
 * have an invitation or still cannot be reached, so an hour with nobody new costs a few reads.
 */
export async function inviteAudience<C extends Campaign, U>(
  svc: CampaignSvc,
  kind: CampaignKind<C, U>,
  campaign: C,
  options: { onlyNew?: boolean } = {},
): Promise<SendCount> {
  const units = await kind.audience(campaign);
  let wanted: ((personId: string) => boolean) | null = null;
  if (options.onlyNew) {
    const ids = [...new Set(units.flatMap((u) => u.people.map((p) => p.id)))];
    const reachable = new Set(
      (await svc.roster.identities.contacts(campaign.trustId, ids)).filter((c) => c.reachable).map((c) => c.personId),
    );
    const fresh = new Set<string>();
    for (const id of ids) {
      if (reachable.has(id) && !(await svc.outbox.get(campaignKeys.invite(kind.id, campaign.id, id)))) fresh.add(id);
    }
    wanted = (id) => fresh.has(id);
  }
  const deliveries: Delivery[] = [];
  for (const unit of units) {
    for (const person of unit.people) {
      if (wanted && !wanted(person.id)) continue;
      const content = await kind.invitation(campaign, unit, person);
      if (content) deliveries.push({ person, key: campaignKeys.invite(kind.id, campaign.id, person.id), content });
    }
  }
  return deliver(svc, campaign.trustId, kind.nudgeKinds.invite, deliveries);
}

/** Units that have not answered, with who may answer for them (only units with someone to ask). */
export async function waitingUnits<C extends Campaign, U>(kind: CampaignKind<C, U>, campaign: C) {
  const units = await kind.audience(campaign);
  const responded = await kind.responded(campaign, units);
  return units.filter((u) => !responded.has(u.id) && u.people.length > 0).sort((a, b) => a.label.localeCompare(b.label, 'en-GB'));
}

/**
 * Queues a reminder to each person of each unit that has not answered. `occasion` names the
 * reminder ("first", "last", "manual-2027-03-02"): one per person per occasion, however often asked.
 */
export async function remindWaiting<C extends Campaign, U>(
  svc: CampaignSvc,
  kind: CampaignKind<C, U>,
  campaign: C,
  occasion: string,
): Promise<SendCount & { waiting: string[] }> {
  const waiting = await waitingUnits(kind, campaign);
  const deliveries: Delivery[] = [];
  for (const unit of waiting) {
    for (const person of unit.people) {
      const content = await kind.reminder(campaign, unit, person);
      if (content) deliveries.push({ person, key: campaignKeys.reminder(kind.id, campaign.id, person.id, occasion), content });
    }
  }
  const sent = await deliver(svc, campaign.trustId, kind.nudgeKinds.reminder, deliveries);
  return { ...sent, waiting: waiting.map((u) => u.label) };
}

/** Live progress: how many answered, who is still to, and who could not be reached and why. */
export async function campaignProgress<C extends Campaign, U>(
  svc: CampaignSvc,
  kind: CampaignKind<C, U>,
  campaign: C,
): Promise<CampaignProgress> {
  const units = await kind.audience(campaign);
  const responded = await kind.responded(campaign, units);
  const ids = [...new Set(units.flatMap((u) => u.people.map((p) => p.id)))];
  const [contacts, linked] = await Promise.all([
    svc.roster.identities.contacts(campaign.trustId, ids),
    svc.roster.identities.linkedPeople(campaign.trustId, ids),
  ]);
  const facts: ReachFacts = { contacts, linked: new Set(linked) };
  return progressOf(units, responded, facts);
}

/**
 * Closes the campaign (if still open) and sends the summary to its owners, except `by` and
 * whoever closed it before, who got it as their reply. Safe to run again: the close happens
 * once, each owner's summary key is taken after the first, and a second close (another
 * leader's button, the closing time after an early close) sends nobody a second summary.
 */
export async function closeCampaign<C extends Campaign, U>(
  svc: CampaignSvc,
  kind: CampaignKind<C, U>,
  campaign: C,
  by: string | null,
): Promise<{ campaign: C; closed: boolean; summary: OutboundMessage }> {
  const closed = campaign.status === 'open' ? await kind.store.markClosed(campaign, svc.clock.now(), by) : false;
  const current = (await kind.store.get(campaign.trustId, campaign.id)) ?? campaign;
  const summary = await kind.summary(current);
  // Whoever closed it had the summary as their reply, on this call or an earlier one.
  const owners = (await kind.owners(current)).filter((p) => p.id !== by && p.id !== current.closedBy);
  await deliver(
    svc,
    campaign.trustId,
    null,
    owners.map((person) => ({ person, key: campaignKeys.summary(kind.id, campaign.id, person.id), content: summary })),
  );
  return { campaign: current, closed, summary };
}
