/**
 * A meeting's agenda as people read it: the chosen topics in order and the "school strength"
 * slot, as lines for the invitation card and the agenda message. No dependency on the other
 * meeting flows, so the invitation card (services.ts) can show it.
 */
import type { MeetingAgenda } from '../../core/meeting-agenda-port';
import { verbatim } from '../../core/verbatim';
import { t } from '../../i18n/en-GB';
import type { FlowDeps } from '../deps';
import './agenda-deps';
import './deps';

export type AgendaReadSvc = Pick<FlowDeps, 'roster' | 'meetings' | 'meetingAgenda'>;

export interface AgendaText {
  agenda: MeetingAgenda;
  /** The topics in order, marked as people's text (the card lists them as bullets). */
  topics: string[];
  /** The "school strength" line, if the slot is set. */
  strengthLine: string | null;
  /** Topics then the strength line: what the invitation card shows. */
  lines: string[];
  /** The presenter's school name, when a strength slot is set. */
  strengthSchool: string | null;
}

export async function agendaText(svc: AgendaReadSvc, trustId: string, occurrenceId: string): Promise<AgendaText | null> {
  const agenda = await svc.meetingAgenda.repo.getAgenda(trustId, occurrenceId);
  if (!agenda) return null;
  const topics = new Map((await svc.meetings.repo.listTopics(trustId, occurrenceId)).map((topic) => [topic.id, topic.text]));
  const chosen = agenda.topicIds.map((id) => topics.get(id)).filter((text): text is string => text !== undefined);
  let strengthSchool: string | null = null;
  let strengthLine: string | null = null;
  if (agenda.strength) {
    const [school, presenter] = await Promise.all([
      svc.roster.repo.getSchool(trustId, agenda.strength.schoolId),
      svc.roster.repo.getPerson(trustId, agenda.strength.presenterId),
    ]);
    strengthSchool = school?.name ?? '';
    const params = { school: strengthSchool, presenter: presenter?.name ?? '' };
    strengthLine = agenda.strength.title
      ? t('meetings.agenda.strengthWhat', { ...params, what: agenda.strength.title })
      : t('meetings.agenda.strength', params);
  }
  const marked = chosen.map((topic) => verbatim(topic));
  return { agenda, topics: marked, strengthLine, lines: strengthLine ? [...marked, strengthLine] : marked, strengthSchool };
}

/** The agenda lines once it has gone out (the invitation card shows them from then on); [] before. */
export async function sentAgendaLines(svc: AgendaReadSvc, trustId: string, occurrenceId: string): Promise<string[]> {
  const text = await agendaText(svc, trustId, occurrenceId);
  return text && text.agenda.sentAt ? text.lines : [];
}
