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
/** The one message of a bulletin sent to a Teams or Slack channel. */
export const channelKey = (id: string) => `bulletin-channel:${id}`;
export const REMINDER_KIND = 'bulletin-reminder';

/** Recipients of a bulletin as campaign units, with the sender's name for the card. */
export async function bulletinAudience(svc: BulletinSvc, b: Bulletin): Promise<{ units: BulletinUnit[]; sender: string }> {
  const [people, schools] = await Promise.all([
    svc.roster.repo.listPeople(b.trustId, { includeArchived: true }),
    svc.roster.repo.listSchools(b.trustId, { includeArchived: true }),
  ]);
  const toUnit = unitOf(schools);
  const units = recipientsOf(b.audience, people, schools, londonDate(svc.clock.now())).map(toUnit);
  return { units, sender: people.find((p) => p.id === b.createdBy)?.name ?? 'the MAT SEND leader' };
}

/** A person as a unit, labelled with their school. */
function unitOf(schools: readonly { id: string; name: string }[]): (p: Person) => BulletinUnit {
  const schoolName = new Map(schools.map((s) => [s.id, s.name]));
  return (p) => {
    const label = schoolName.get(p.schoolId ?? '') ?? 'Trust';
    return { id: p.id, label, people: [{ id: p.id, name: p.name, preferredPlatform: p.preferredPlatform }], detail: { school: label } };
  };
}

/** The people of the trust with these ids as units (those who acknowledged a channel's copy), in name order. */
export async function unitsOfPeople(svc: BulletinSvc, trustId: string, ids: ReadonlySet<string>): Promise<BulletinUnit[]> {
  const [people, schools] = await Promise.all([
    svc.roster.repo.listPeople(trustId, { includeArchived: true }),
    svc.roster.repo.listSchools(trustId, { includeArchived: true }),
  ]);
  return people
    .filter((p) => ids.has(p.id))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
    .map(unitOf(schools));
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
    // A channel audience: one post in the channel, queued when the bulletin opens.
    async posts(b) {
      const a = b.audience;
      if (a.kind !== 'channel') return [];
      const content = bulletinCard(b, await senderOf(b), null, undefined, true);
      return [{ key: channelKey(b.id), trustId: b.trustId, platform: a.platform, target: a.address, content }];
    },
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
