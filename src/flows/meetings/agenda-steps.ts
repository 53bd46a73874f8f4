/**
 * The agenda's scheduled steps for every upcoming meeting, on the trust's school calendar
 * (src/meetings/agenda.ts#agendaSteps): the topics card two weeks before, the agenda (or a nudge
 * to the leader) a week before, the presenter's reminder the school day before, and the
 * after-meeting prompts when it ends. Each step is claimed once per meeting date by the
 * scheduler (`meetings-agenda:<occurrence>:<occasion>:<date>`) and everything it sends is keyed,
 * so a step run twice sends nothing twice. A moved meeting runs its steps again for the new date.
 */
import type { SchoolCalendar } from '../../calendar';
import { deliverToPeople } from '../../core/deliver-to-people';
import { londonDate } from '../../core/dates';
import { occurrenceKey, type DueOccurrence, type DueWorkSource } from '../../core/due-work-port';
import type { MeetingOccurrence, MeetingSeries } from '../../core/meetings/model';
import { agendaSteps, type AgendaStep } from '../../meetings/agenda';
import { nudgeLeader, remindPresenter, sendAgenda } from './agenda';
import { afterMeeting } from './notes';
import { INVITE_NUDGE, inviteesOf, type MeetingsSvc } from './services';
import { topicsFor, topicsOpen } from './topics';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
export const AGENDA_WORK = 'meetings-agenda';

/** Two weeks before: everyone invited gets the topics card (`meetings-topics:<occurrence>:<person>`). */
export async function askForTopics(svc: MeetingsSvc, occurrence: MeetingOccurrence, series: MeetingSeries): Promise<number> {
  if (!(await topicsOpen(svc, occurrence, series))) return 0;
  const invitees = await inviteesOf(svc, series);
  const contacts = await svc.roster.identities.contacts(
    series.trustId,
    invitees.map((p) => p.id),
  );
  const deliveries = [];
  for (const person of invitees) {
    deliveries.push({
      person,
      key: `meetings-topics:${occurrence.id}:${person.id}`,
      content: await topicsFor(svc, occurrence, series, person.id),
    });
  }
  return (await deliverToPeople(svc.outbox, series.trustId, contacts, deliveries, INVITE_NUDGE)).queued;
}

async function runStep(svc: MeetingsSvc, trustId: string, occurrenceId: string, step: AgendaStep, occasion: string): Promise<string> {
  const found = await svc.meetings.repo.getOccurrence(trustId, occurrenceId);
  if (!found || found.occurrence.status !== 'scheduled' || found.series.cancelled) return 'cancelled';
  const { occurrence, series } = found;
  // Moved since this step was planned: the new date has its own steps.
  if (!occasion.endsWith(`${occurrence.date}-${occurrence.time.replace(':', '')}`)) return 'moved';
  switch (step) {
    case 'topics':
      return `asked ${await askForTopics(svc, occurrence, series)}`;
    case 'agenda': {
      const agenda = await svc.meetingAgenda.repo.getAgenda(trustId, occurrence.id);
      if (agenda) return `agenda to ${await sendAgenda(svc, occurrence, series)}`;
      await nudgeLeader(svc, occurrence, series, occasion);
      return 'no agenda: leader nudged';
    }
    case 'presenter-day':
      return (await remindPresenter(svc, occurrence, series, 'day')) ? 'presenter reminded' : 'no presenter';
    case 'after':
      return `prompted ${await afterMeeting(svc, occurrence, series)}`;
  }
}

export function agendaDueWork(svc: MeetingsSvc): DueWorkSource {
  return {
    kind: AGENDA_WORK,
    // A topics card or an agenda a few hours late still helps; older than a day it is noise.
    catchUp: { policy: 'drop-stale', staleAfterMs: DAY },
    lookbackMs: 2 * DAY,
    due: async (from, upTo) => {
      // Steps run from 6 weeks before a meeting (over a holiday) to its end (at most 8 hours after it starts).
      const found = await svc.meetings.repo.upcomingOccurrences(new Date(from.getTime() - DAY), new Date(upTo.getTime() + 45 * DAY));
      const calendars = new Map<string, Promise<SchoolCalendar>>();
      const calendarOf = (trustId: string) => {
        if (!calendars.has(trustId)) calendars.set(trustId, svc.meetings.schoolCalendar(trustId, null, svc.clock.now()));
        return calendars.get(trustId)!;
      };
      const out: DueOccurrence[] = [];
      for (const { occurrence, series } of found) {
        for (const { step, occasion, at } of agendaSteps(occurrence, await calendarOf(series.trustId))) {
          if (at <= from || at > upTo) continue;
          out.push({
            key: occurrenceKey(AGENDA_WORK, [occurrence.id, occasion], londonDate(at)),
            dueAt: at,
            run: () => runStep(svc, series.trustId, occurrence.id, step, occasion),
          });
        }
      }
      return out;
    },
  };
}
