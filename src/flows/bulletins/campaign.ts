/**
 * A bulletin as a campaign kind: the units are its recipients (one person each, labelled by
 * school), a unit has responded when that person acknowledged, the owner is the sender.
 * Invitations are the bulletin card; reminders the same card with a line on top (one
 * automatic reminder, see reminders.ts, and the sender's manual ones).
 */
import { recipientsOf, type Bulletin } from '../../core/bulletin';
import type { CampaignUnit } from '../../core/campaign';
import { londonDate } from '../../core/dates';
import { textMessage } from '../../core/message';
import type { Person } from '../../core/model';
import { bulletinText as T } from '../../i18n/bulletins';
import type { CampaignKind, CampaignSvc } from '../campaigns/kind';
import type { FlowDeps } from '../deps';
import { bulletinCard } from './cards';
import { autoReminderTimes } from './reminders';

export type BulletinSvc = CampaignSvc & Pick<FlowDeps, 'bulletins'>;
export type BulletinUnit = CampaignUnit<{ school: string }>;

export const BULLETIN_KIND = 'bulletin';
export const REMINDER_KIND = 'bulletin-reminder';

/** Recipients of a bulletin as campaign units, with the sender's name for the card. */
export async function bulletinAudience(svc: BulletinSvc, b: Bulletin): Promise<{ units: BulletinUnit[]; sender: string }> {
  const [people, schools] = await Promise.all([
    svc.roster.repo.listPeople(b.trustId, { includeArchived: true }),
    svc.roster.repo.listSchools(b.trustId, { includeArchived: true }),
  ]);
  const schoolName = new Map(schools.map((s) => [s.id, s.name]));
  const label = (p: Person) => schoolName.get(p.schoolId ?? '') ?? 'Trust';
  const units = recipientsOf(b.audience, people, schools, londonDate(svc.clock.now())).map((p) => ({
    id: p.id,
    label: label(p),
    people: [{ id: p.id, name: p.name, preferredPlatform: p.preferredPlatform }],
    detail: { school: label(p) },
  }));
  return { units, sender: people.find((p) => p.id === b.createdBy)?.name ?? 'the MAT SEND leader' };
}

export function bulletinCampaign(svc: BulletinSvc): CampaignKind<Bulletin, { school: string }> {
  const { repo } = svc.bulletins;
  // The sender's name, once per bulletin (not once per recipient of a 5,000-person send).
  const names = new Map<string, Promise<string>>();
  const senderOf = (b: Bulletin) => {
    let name = names.get(b.createdBy);
    if (!name)
      names.set(
        b.createdBy,
        (name = svc.roster.repo.listPeople(b.trustId).then((ps) => ps.find((p) => p.id === b.createdBy)?.name ?? 'the MAT SEND leader')),
      );
    return name;
  };
  return {
    id: BULLETIN_KIND,
    // A bulletin is asked for by its sender: it is not held by quiet hours; its reminders are nudges.
    nudgeKinds: { invite: null, reminder: REMINDER_KIND },
    store: {
      get: (trustId, id) => repo.get(trustId, id),
      due: (edge, from, upTo) => repo.due(edge, from, upTo),
      open: () => repo.open(),
      markOpen: (b, now) => repo.markOpen(b.trustId, b.id, now),
      markClosed: (b, now, by) => repo.markClosed(b.trustId, b.id, now, by),
    },
    audience: async (b) => (await bulletinAudience(svc, b)).units,
    async responded(b) {
      return b.ackRequired ? new Set((await repo.acknowledgedBy(b.id)).keys()) : new Set<string>();
    },
    async invitation(b) {
      return bulletinCard(b, await senderOf(b), null, undefined, true);
    },
    async reminder(b) {
      if (!b.ackRequired || b.recalledAt) return null;
      return bulletinCard(b, await senderOf(b), null, T.reminderLead);
    },
    async owners(b) {
      const people = await svc.roster.repo.listPeople(b.trustId);
      return people.filter((p) => p.id === b.createdBy);
    },
    summary: async (b) => textMessage(T.summary(b.title)),
    reminderTimes: async (b) => autoReminderTimes(b, await svc.bulletins.calendar(b.trustId, svc.clock.now())),
  };
}
