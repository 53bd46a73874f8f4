/**
 * Meeting invitations as a campaign kind: one campaign per occurrence, one unit per invitee.
 * Invitations go out when the leader confirms the series (and hourly to people who became
 * reachable since); reminders a week and a day before go to everyone who has not declined, so
 * for this kind "responded" means "said they cannot come". The campaign is open from creation
 * until the meeting starts; nothing is stored for it beyond the occurrence itself.
 */
import { addDays, localTimeOf, toInstant, type SchoolCalendar } from '../../calendar';
import type { Campaign, CampaignPerson } from '../../core/campaign';
import { londonDate } from '../../core/dates';
import type { MeetingOccurrence, MeetingSeries } from '../../core/meetings/model';
import { t } from '../../i18n/en-GB';
import { snoozeButtons } from '../nudges/snooze-buttons';
import type { CampaignKind } from '../campaigns/kind';
import { INVITE_NUDGE, inviteesOf, invitationFor, MEETINGS_KIND, REMINDER_NUDGE, type MeetingsSvc } from './services';

export interface MeetingCampaign extends Campaign {
  occurrence: MeetingOccurrence;
  series: MeetingSeries;
}

/** How far ahead invitations and reminders look (a series covers one school year). */
const HORIZON_MS = 400 * 24 * 60 * 60 * 1000;
/** Reminders go at this London time on a school day. */
export const REMINDER_TIME = '08:30';

export function asCampaign(occurrence: MeetingOccurrence, series: MeetingSeries, now: Date): MeetingCampaign {
  const open = occurrence.status === 'scheduled' && !series.cancelled && now.getTime() < occurrence.startsAt.getTime();
  return {
    id: occurrence.id,
    trustId: series.trustId,
    status: open ? 'open' : 'closed',
    // Open since the series was confirmed; the exact moment does not matter to any rule.
    opensAt: new Date(0),
    closesAt: occurrence.startsAt,
    closedBy: null,
    occurrence,
    series,
  };
}

/** The school day on or before `date` (back over a half-term if need be), else `date` itself. */
function schoolDayOnOrBefore(calendar: SchoolCalendar, date: string): string {
  for (let back = 0; back < 21; back += 1) {
    const day = addDays(date, -back);
    if (calendar.isSchoolDay(day)) return day;
  }
  return date;
}

/** A week before and the school day before, at REMINDER_TIME; occasions carry the date so a moved meeting is reminded again. */
export function meetingReminderTimes(occurrence: MeetingOccurrence, calendar: SchoolCalendar): Array<{ occasion: string; at: Date }> {
  const week = schoolDayOnOrBefore(calendar, addDays(occurrence.date, -7));
  const day = schoolDayOnOrBefore(calendar, addDays(occurrence.date, -1));
  // Occasion keys may not hold ':'.
  const at = `${occurrence.date}-${occurrence.time.replace(':', '')}`;
  // Straight after a holiday both fall on its last school day: one reminder is enough.
  const times = week === day ? [] : [{ occasion: `week-${at}`, at: toInstant(week, REMINDER_TIME) }];
  times.push({ occasion: `day-${at}`, at: toInstant(day, REMINDER_TIME) });
  return times.filter((r) => r.at.getTime() < occurrence.startsAt.getTime());
}

export function meetingCampaign(svc: MeetingsSvc): CampaignKind<MeetingCampaign, null> {
  const { repo } = svc.meetings;
  const load = async (trustId: string, id: string) => {
    const found = await repo.getOccurrence(trustId, id);
    return found ? asCampaign(found.occurrence, found.series, svc.clock.now()) : null;
  };
  return {
    id: MEETINGS_KIND,
    nudgeKinds: { invite: INVITE_NUDGE, reminder: REMINDER_NUDGE },
    store: {
      get: load,
      // Opened when the leader confirms, closed by the meeting starting: nothing to do on a timer.
      due: async () => [],
      open: async () => {
        const now = svc.clock.now();
        const found = await repo.upcomingOccurrences(now, new Date(now.getTime() + HORIZON_MS));
        return found.map((f) => asCampaign(f.occurrence, f.series, now));
      },
      markOpen: async () => false,
      markClosed: async () => false,
    },
    audience: async (campaign) =>
      (await inviteesOf(svc, campaign.series)).map((p) => {
        const person: CampaignPerson = { id: p.id, name: p.name, preferredPlatform: p.preferredPlatform };
        return { id: p.id, label: p.name, people: [person], detail: null };
      }),
    responded: async (campaign) =>
      new Set((await repo.listRsvps(campaign.trustId, campaign.id)).filter((r) => r.answer === 'not-going').map((r) => r.personId)),
    invitation: (campaign, _unit, person) => invitationFor(svc, campaign.occurrence, campaign.series, person.id, { withFile: true }),
    async reminder(campaign, _unit, person) {
      const card = await invitationFor(svc, campaign.occurrence, campaign.series, person.id);
      const today = londonDate(svc.clock.now());
      const days = Math.round((Date.parse(campaign.occurrence.date) - Date.parse(today)) / 86_400_000);
      const lead =
        days <= 1
          ? t('meetings.flow.reminderTomorrow', { time: localTimeOf(campaign.occurrence.startsAt) })
          : t('meetings.flow.reminderSoon', { days });
      return {
        summary: `${lead} ${card.summary}`,
        blocks: [{ type: 'text', text: lead }, ...card.blocks, snoozeButtons(REMINDER_NUDGE)],
      };
    },
    owners: async () => [],
    summary: async (campaign) => ({ summary: campaign.series.title, blocks: [{ type: 'text', text: campaign.series.title }] }),
    reminderTimes: async (campaign) =>
      meetingReminderTimes(campaign.occurrence, await svc.meetings.schoolCalendar(campaign.trustId, null, svc.clock.now())),
  };
}
