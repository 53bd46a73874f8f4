/**
 * The leader sets the agenda: up to five topics in order (from the ranked suggestions) and a
 * "school strength" slot (a person of an audience school presents). A week before (agenda-steps.ts),
 * or straight away when set later, it goes to everyone invited once (`meetings-agenda:<occurrence>:<person>`),
 * their invitation cards gain it in place, and the presenter is told; a change after that
 * updates those messages in place (newest version wins) and tells a new presenter.
 */
import { deliverToPeople } from '../../core/deliver-to-people';
import type { StrengthSlot } from '../../core/meeting-agenda-port';
import type { MeetingOccurrence, MeetingSeries } from '../../core/meetings/model';
import { textMessage, type OutboundMessage } from '../../core/message';
import type { Person } from '../../core/model';
import { formatDate } from '../../core/dates';
import { t } from '../../i18n/en-GB';
import { AGENDA_MAX_TOPICS, chosenOrder, rankTopics, STRENGTH_TITLE_MAX } from '../../meetings/agenda';
import { whenText } from '../../meetings/cards';
import { forLinked, type LinkedContext } from '../linked';
import type { ActionHandler, Reply } from '../registry';
import { LEADERS, value } from '../shared/common';
import { agendaText } from './agenda-lines';
import { agendaAtOf, agendaDayOf } from './agenda-timing';
import { INVITE_NUDGE, inviteKey, inviteesOf, invitationFor, REMINDER_NUDGE, schoolNames, type MeetingsSvc } from './services';
import { TOPIC_VERBS, topicsFor } from './topics';

export const AGENDA_SUBMIT = 'meetings.agenda.submit';
export const agendaKey = (occurrenceId: string, personId: string) => `meetings-agenda:${occurrenceId}:${personId}`;
export const presenterKey = (occurrenceId: string, personId: string, when: 'week' | 'day') =>
  `meetings-present:${occurrenceId}:${personId}:${when}`;

const NONE = 'none';
const gone = (): Reply => [textMessage(t('meetings.flow.notFound'))];

/** People of the audience schools who can present (anyone on the roster there, not archived). */
async function possiblePresenters(svc: MeetingsSvc, series: MeetingSeries): Promise<Person[]> {
  const schools = new Set(series.schoolIds);
  return (await svc.roster.repo.listPeople(series.trustId)).filter(
    (p) => !p.archived && !p.erased && p.schoolId !== null && schools.has(p.schoolId),
  );
}

async function agendaForm(
  svc: MeetingsSvc,
  occurrence: MeetingOccurrence,
  series: MeetingSeries,
  problem?: string,
): Promise<OutboundMessage> {
  const [topics, agenda, people, names] = await Promise.all([
    svc.meetings.repo.listTopics(series.trustId, occurrence.id),
    svc.meetingAgenda.repo.getAgenda(series.trustId, occurrence.id),
    possiblePresenters(svc, series),
    schoolNames(svc, series.trustId),
  ]);
  const ranked = rankTopics(topics);
  // Teams refuses a choice with an empty value: 'none' stands for a blank.
  const none = { value: NONE, label: t('meetings.agenda.none') };
  const topicOptions = [none, ...ranked.map(({ rank, topic }) => ({ value: topic.id, label: `${rank}. ${topic.text} (${topic.votes})` }))];
  // The leader's current order first; before any agenda, the most voted.
  const current = agenda ? agenda.topicIds : ranked.slice(0, AGENDA_MAX_TOPICS).map((r) => r.topic.id);
  const heading = t('meetings.agenda.formHeading', { title: series.title, when: whenText(occurrence) });
  const fields = Array.from({ length: AGENDA_MAX_TOPICS }, (_, i) => ({
    kind: 'choice' as const,
    id: `item${i + 1}`,
    label: t('meetings.agenda.item', { n: i + 1 }),
    options: topicOptions,
    value: current[i] ?? NONE,
    required: false,
  }));
  const presenterOptions = [
    none,
    ...people.map((p) => ({
      value: p.id,
      label: t('meetings.agenda.presenterOption', { name: p.name, school: names.get(p.schoolId!) ?? '' }),
    })),
  ];
  return {
    summary: heading,
    blocks: [
      { type: 'heading', text: heading },
      { type: 'text', text: t('meetings.agenda.formIntro') },
      ...(problem ? [{ type: 'text' as const, text: problem }] : []),
      {
        type: 'form',
        fields: [
          ...fields,
          {
            kind: 'choice',
            id: 'presenter',
            label: t('meetings.agenda.presenter'),
            options: presenterOptions,
            value: agenda?.strength?.presenterId ?? NONE,
            required: false,
          },
          { kind: 'text', id: 'what', label: t('meetings.agenda.strengthTitle'), value: agenda?.strength?.title ?? '', required: false },
        ],
        submit: { label: t('meetings.agenda.save'), verb: AGENDA_SUBMIT, data: { occurrenceId: occurrence.id }, style: 'primary' },
        cancel: { label: t('meetings.form.cancel'), verb: 'form.cancel' },
      },
    ],
  };
}

async function loadOwn(ctx: LinkedContext, data: Record<string, string>) {
  return ctx.deps.meetings.repo.getOccurrence(ctx.actor.trustId, value(data, 'occurrenceId'));
}

export const editAgendaAction: ActionHandler = {
  verb: TOPIC_VERBS.editAgenda,
  audience: LEADERS,
  dataRule: 'own trust only',
  run: forLinked(async (ctx, data: Record<string, string>) => {
    const found = await loadOwn(ctx, data);
    if (!found) return gone();
    if (found.occurrence.status !== 'scheduled' || found.series.cancelled) return [textMessage(t('meetings.flow.alreadyCancelled'))];
    if (ctx.deps.clock.now() >= found.occurrence.startsAt) return [textMessage(t('meetings.agenda.started'))];
    return [await agendaForm(ctx.deps, found.occurrence, found.series)];
  }),
};

export const submitAgendaAction: ActionHandler = {
  verb: AGENDA_SUBMIT,
  audience: LEADERS,
  dataRule: 'own trust only; the presenter must belong to a school invited',
  run: forLinked(async (ctx, data: Record<string, string>) => {
    const found = await loadOwn(ctx, data);
    if (!found) return gone();
    const { occurrence, series } = found;
    const now = ctx.deps.clock.now();
    if (occurrence.status !== 'scheduled' || series.cancelled) return [textMessage(t('meetings.flow.alreadyCancelled'))];
    if (now >= occurrence.startsAt) return [textMessage(t('meetings.agenda.started'))];
    const topics = await ctx.deps.meetings.repo.listTopics(ctx.actor.trustId, occurrence.id);
    const order = chosenOrder(
      Array.from({ length: AGENDA_MAX_TOPICS }, (_, i) => value(data, `item${i + 1}`)),
      new Set(topics.map((x) => x.id)),
    );
    let strength: StrengthSlot | null = null;
    const presenterId = value(data, 'presenter') === NONE ? '' : value(data, 'presenter');
    const what = value(data, 'what').replace(/\s+/g, ' ').trim();
    if (what.length > STRENGTH_TITLE_MAX) {
      return [
        await agendaForm(
          ctx.deps,
          occurrence,
          series,
          t('meetings.form.problem.tooLong', { what: t('meetings.agenda.strengthTitle'), max: STRENGTH_TITLE_MAX }),
        ),
      ];
    }
    if (presenterId) {
      const presenter = (await possiblePresenters(ctx.deps, series)).find((p) => p.id === presenterId);
      if (!presenter) return [await agendaForm(ctx.deps, occurrence, series, t('meetings.agenda.badPresenter'))];
      strength = { schoolId: presenter.schoolId!, presenterId, title: what || null };
    }
    if (order.length === 0 && !strength) return [await agendaForm(ctx.deps, occurrence, series, t('meetings.agenda.empty'))];
    const saved = await ctx.deps.meetingAgenda.repo.setAgenda(
      ctx.actor.trustId,
      occurrence.id,
      { topicIds: order, strength },
      ctx.actor.personId,
      now,
    );
    if (!saved.agenda) return gone();
    if (saved.outcome === 'unchanged') return [textMessage(t('meetings.agenda.unchanged'))];
    await ctx.deps.audit.record({
      trustId: ctx.actor.trustId,
      actorId: ctx.actor.personId,
      action: 'meetings.agenda.set',
      subject: occurrence.id,
      details: { topics: order.length, presenter: strength?.presenterId ?? null, version: saved.agenda.version },
    });
    if (saved.agenda.sentAt) {
      await sendAgenda(ctx.deps, occurrence, series);
      return [textMessage(t('meetings.agenda.updated'))];
    }
    if (now >= (await agendaAtOf(ctx.deps, occurrence, series))) {
      const count = await sendAgenda(ctx.deps, occurrence, series);
      return [textMessage(t('meetings.agenda.savedSent', { count }))];
    }
    return [textMessage(t('meetings.agenda.saved', { day: formatDate(await agendaDayOf(ctx.deps, occurrence, series)) }))];
  }),
};

function agendaMessage(
  occurrence: MeetingOccurrence,
  series: MeetingSeries,
  topics: readonly string[],
  strengthLine: string | null,
): OutboundMessage {
  const heading = t('meetings.agenda.heading', { title: series.title });
  const lines = topics.map((topic, i) => `${i + 1}. ${topic}`);
  if (strengthLine) lines.push(strengthLine);
  return {
    summary: `${heading}: ${whenText(occurrence)}`,
    blocks: [
      { type: 'heading', text: heading },
      { type: 'text', text: whenText(occurrence), muted: true },
      { type: 'text', text: lines.join('\n') },
    ],
  };
}

/**
 * Sends the agenda (first time) or its new version (after a change) to everyone invited, puts it
 * on their invitation cards, and tells the presenter. Safe to run again: first sends are keyed
 * per person, updates per version. Returns how many people have it.
 */
export async function sendAgenda(svc: MeetingsSvc, occurrence: MeetingOccurrence, series: MeetingSeries): Promise<number> {
  const trustId = series.trustId;
  const first = await svc.meetingAgenda.repo.markAgendaSent(trustId, occurrence.id, svc.clock.now());
  const text = await agendaText(svc, trustId, occurrence.id);
  if (!text) return 0;
  const content = agendaMessage(occurrence, series, text.topics, text.strengthLine);
  const invitees = await inviteesOf(svc, series);
  const contacts = await svc.roster.identities.contacts(trustId, [
    ...invitees.map((p) => p.id),
    ...(text.agenda.strength ? [text.agenda.strength.presenterId] : []),
  ]);
  const report = await deliverToPeople(
    svc.outbox,
    trustId,
    contacts,
    invitees.map((person) => ({ person, key: agendaKey(occurrence.id, person.id), content })),
  );
  const edits = [];
  for (const person of invitees) {
    const card = await invitationFor(svc, occurrence, series, person.id);
    const invite = inviteKey(occurrence.id, person.id);
    edits.push({ key: `${invite}:agenda-v${text.agenda.version}`, of: invite, op: 'update' as const, content: card });
    // The first send is the message itself; later versions replace it where it was delivered.
    if (!first) {
      const of = agendaKey(occurrence.id, person.id);
      edits.push({ key: `${of}:v${text.agenda.version}`, of, op: 'update' as const, content });
    }
  }
  if (edits.length > 0) await svc.outbox.edit(edits);
  await remindPresenter(svc, occurrence, series, 'week');
  return report.queued + report.duplicates;
}

/** Tells the presenter of the strength slot (at the agenda, and again the school day before). */
export async function remindPresenter(
  svc: MeetingsSvc,
  occurrence: MeetingOccurrence,
  series: MeetingSeries,
  when: 'week' | 'day',
): Promise<boolean> {
  const text = await agendaText(svc, series.trustId, occurrence.id);
  const slot = text?.agenda.strength;
  if (!text || !slot || !text.agenda.sentAt) return false;
  const presenter = await svc.roster.repo.getPerson(series.trustId, slot.presenterId);
  if (!presenter || presenter.archived || presenter.erased) return false;
  const params = { school: text.strengthSchool ?? '', title: series.title, when: whenText(occurrence) };
  const lead = when === 'week' ? t('meetings.agenda.presenting', params) : t('meetings.agenda.presentingTomorrow', params);
  const message = agendaMessage(occurrence, series, text.topics, text.strengthLine);
  const content: OutboundMessage = { summary: lead, blocks: [{ type: 'text', text: lead }, ...message.blocks] };
  const contacts = await svc.roster.identities.contacts(series.trustId, [presenter.id]);
  const report = await deliverToPeople(
    svc.outbox,
    series.trustId,
    contacts,
    [{ person: presenter, key: presenterKey(occurrence.id, presenter.id, when), content }],
    when === 'week' ? INVITE_NUDGE : REMINDER_NUDGE,
  );
  return report.queued > 0;
}

/** At the agenda step with no agenda set: the leader is told (once per meeting date), with the ranked topics. */
export async function nudgeLeader(svc: MeetingsSvc, occurrence: MeetingOccurrence, series: MeetingSeries, occasion: string): Promise<void> {
  const leader = await svc.roster.repo.getPerson(series.trustId, series.leaderId);
  if (!leader || leader.archived || leader.erased) return;
  const topics = await svc.meetings.repo.listTopics(series.trustId, occurrence.id);
  const card = await topicsFor(
    svc,
    occurrence,
    series,
    leader.id,
    t('meetings.agenda.leaderNudge', { title: series.title, when: whenText(occurrence), count: topics.length }),
  );
  const contacts = await svc.roster.identities.contacts(series.trustId, [leader.id]);
  await deliverToPeople(
    svc.outbox,
    series.trustId,
    contacts,
    [{ person: leader, key: `meetings-agenda-nudge:${occurrence.id}:${occasion}`, content: card }],
    REMINDER_NUDGE,
  );
}
