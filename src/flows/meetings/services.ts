/**
 * Shared parts of the meetings flows: who is invited to a series, each audience school's
 * calendar, the invitation as a person sees it (card plus .ics), and the leader's live card.
 */
import type { MeetingOccurrence, MeetingSeries } from '../../core/meetings/model';
import type { OutboundMessage } from '../../core/message';
import { outboundFile } from '../../core/message';
import type { Person, School } from '../../core/model';
import { t } from '../../i18n/en-GB';
import { countAnswers, invitationCard, leaderCard, MEETING_VERBS } from '../../meetings/cards';
import type { AudienceSchool } from '../../meetings/day-check';
import { occurrenceIcs } from '../../meetings/ics';
import type { FlowDeps } from '../deps';
import { sentAgendaLines } from './agenda-lines';
import './deps';

export type MeetingsSvc = Pick<FlowDeps, 'roster' | 'outbox' | 'clock' | 'audit' | 'logger' | 'meetings' | 'meetingAgenda'>;

/** Campaign id and key prefix of meeting invitations; nudge kinds for quiet hours and snooze. */
export const MEETINGS_KIND = 'meetings';
export const INVITE_NUDGE = 'meetings-invite';
export const REMINDER_NUDGE = 'meetings-reminder';

export const leaderKey = (occurrenceId: string) => `meetings-leader:${occurrenceId}`;
export const inviteKey = (occurrenceId: string, personId: string) => `${MEETINGS_KIND}-invite:${occurrenceId}:${personId}`;

/** The SENCOs of the audience schools (current, not archived): each gets an invitation. */
export async function inviteesOf(svc: MeetingsSvc, series: MeetingSeries): Promise<Person[]> {
  const schools = new Set(series.schoolIds);
  const people = await svc.roster.repo.listPeople(series.trustId);
  return people.filter(
    (p) => !p.archived && !p.erased && p.schoolId !== null && schools.has(p.schoolId) && p.roles.some((r) => r.role === 'senco'),
  );
}

export async function isInvited(svc: MeetingsSvc, series: MeetingSeries, personId: string): Promise<boolean> {
  if (series.leaderId === personId) return true;
  const person = await svc.roster.repo.getPerson(series.trustId, personId);
  return Boolean(person && !person.archived && person.schoolId && series.schoolIds.includes(person.schoolId));
}

export async function audienceSchools(svc: MeetingsSvc, trustId: string, schools: readonly School[]): Promise<AudienceSchool[]> {
  const now = svc.clock.now();
  return Promise.all(
    schools.map(async (s) => ({ id: s.id, name: s.name, calendar: await svc.meetings.schoolCalendar(trustId, s.id, now) })),
  );
}

export async function schoolNames(svc: MeetingsSvc, trustId: string): Promise<Map<string, string>> {
  const schools = await svc.roster.repo.listSchools(trustId, { includeArchived: true });
  return new Map(schools.map((s) => [s.id, s.name]));
}

export function icsFile(occurrence: MeetingOccurrence, series: MeetingSeries, stamp: Date) {
  const text = occurrenceIcs(
    { occurrence, details: { title: series.title, mode: series.mode, venue: series.venue, joinUrl: series.joinUrl } },
    stamp,
  );
  return outboundFile(`meeting-${occurrence.date}.ics`, 'text/calendar', text);
}

/** The invitee's card as it stands (their answer, attendance), optionally with the .ics file. */
export async function invitationFor(
  svc: MeetingsSvc,
  occurrence: MeetingOccurrence,
  series: MeetingSeries,
  personId: string,
  options: { withFile?: boolean } = {},
): Promise<OutboundMessage> {
  const rsvps = await svc.meetings.repo.listRsvps(series.trustId, occurrence.id);
  const mine = rsvps.find((r) => r.personId === personId);
  const names = await schoolNames(svc, series.trustId);
  const card = invitationCard({
    occurrence,
    series,
    myAnswer: mine?.answer ?? null,
    attended: mine?.attended ?? false,
    agenda: await sentAgendaLines(svc, series.trustId, occurrence.id),
    schoolsOffNames: occurrence.schoolsOff.map((id) => names.get(id) ?? id),
    now: svc.clock.now(),
  });
  return options.withFile ? { ...card, files: [icsFile(occurrence, series, svc.clock.now())] } : card;
}

/** The leader's card with live counts, and buttons to edit or cancel the whole series. */
export async function leaderMessage(svc: MeetingsSvc, occurrence: MeetingOccurrence, series: MeetingSeries): Promise<OutboundMessage> {
  const invited = (await inviteesOf(svc, series)).length;
  const rsvps = await svc.meetings.repo.listRsvps(series.trustId, occurrence.id);
  const names = await schoolNames(svc, series.trustId);
  const card = leaderCard({
    occurrence,
    series,
    counts: countAnswers(
      invited,
      rsvps.map((r) => r.answer),
    ),
    attended: rsvps.filter((r) => r.attended).length,
    schoolsOffNames: occurrence.schoolsOff.map((id) => names.get(id) ?? id),
    now: svc.clock.now(),
  });
  if (series.cancelled || occurrence.status === 'cancelled') return card;
  return {
    ...card,
    blocks: [
      ...card.blocks,
      {
        type: 'buttons',
        buttons: [
          { label: t('meetings.flow.editSeries'), verb: MEETING_VERBS_EXTRA.editSeries, data: { seriesId: series.id } },
          {
            label: t('meetings.flow.cancelSeries'),
            verb: MEETING_VERBS_EXTRA.cancelSeries,
            data: { seriesId: series.id },
            style: 'danger',
          },
        ],
      },
    ],
  };
}

/** Verbs of this flow beyond the cards' own (src/meetings/cards.ts MEETING_VERBS). */
export const MEETING_VERBS_EXTRA = {
  draft: 'meetings.series.draft',
  moveSubmit: 'meetings.move.submit',
  cancelSeries: 'meetings.series.cancel',
  cancelSeriesConfirm: 'meetings.series.cancel.confirm',
  editSeries: 'meetings.series.edit',
  editSeriesSubmit: 'meetings.series.edit.submit',
  subscribe: 'meetings.subscribe',
  unsubscribe: 'meetings.unsubscribe',
} as const;

/** Updates the leader's card in place with the current counts (newest edit wins). */
export async function refreshLeaderCard(svc: MeetingsSvc, occurrenceId: string, trustId: string): Promise<void> {
  const found = await svc.meetings.repo.getOccurrence(trustId, occurrenceId);
  if (!found) return;
  const content = await leaderMessage(svc, found.occurrence, found.series);
  const of = leaderKey(occurrenceId);
  await svc.outbox.edit([{ key: `${of}:edit:${svc.clock.now().getTime()}:${content.summary}`.slice(0, 300), of, op: 'update', content }]);
}

export { MEETING_VERBS };
