/**
 * Agenda topics: two weeks before a meeting everyone invited gets the topics card (agenda-steps.ts);
 * on it they vote (one vote per person per topic, kept by the database's key, so a double or
 * concurrent press counts once), pick one of the usual topics, or type their own (checked by the
 * pupil-name guard first). `meeting topics` shows the card for the next meetings; the leader's
 * copy ranks the topics and has "Set the agenda" (agenda.ts).
 */
import type { AgendaTopic } from '../../core/meetings-port';
import type { MeetingOccurrence, MeetingSeries } from '../../core/meetings/model';
import { textMessage, type Block, type Button, type OutboundMessage } from '../../core/message';
import { checkPupilNames } from '../../core/privacy/pupil-name-guard';
import { t } from '../../i18n/en-GB';
import { AGENDA_PRESETS, rankTopics, tidyTopic, TOPIC_MAX } from '../../meetings/agenda';
import { normalizeTopic } from '../../core/meetings/topic';
import { whenText } from '../../meetings/cards';
import { forLinked, type LinkedContext } from '../linked';
import type { ActionHandler, Command, Reply } from '../registry';
import { value } from '../shared/common';
import { formatDate } from '../../core/dates';
import { agendaDayOf } from './agenda-timing';
import { isInvited, type MeetingsSvc } from './services';

export const TOPIC_VERBS = {
  add: 'meetings.topic.add',
  vote: 'meetings.topic.vote',
  editAgenda: 'meetings.agenda.edit',
} as const;

/** Vote buttons on one card; the rest are listed and can be voted for from `meeting topics` once they climb. */
const MAX_VOTE_BUTTONS = 10;

export interface TopicsView {
  occurrence: MeetingOccurrence;
  series: MeetingSeries;
  topics: readonly AgendaTopic[];
  myVotes: ReadonlySet<string>;
  /** A line at the top (what the press did). */
  note?: string;
  /** The leader's copy: when the agenda goes out, and the "Set the agenda" button. */
  leader?: { agendaDay: string; sent: boolean };
}

const votesText = (votes: number) => (votes === 1 ? t('meetings.topics.votes1') : t('meetings.topics.votesN', { count: votes }));

export function topicsCard(view: TopicsView): OutboundMessage {
  const { occurrence, series } = view;
  const heading = t('meetings.topics.heading', { title: series.title, when: whenText(occurrence) });
  const blocks: Block[] = [];
  if (view.note) blocks.push({ type: 'text', text: view.note });
  blocks.push({ type: 'heading', text: heading }, { type: 'text', text: t('meetings.topics.ask') });
  if (view.leader) {
    const day = formatDate(view.leader.agendaDay);
    blocks.push({
      type: 'text',
      text: view.leader.sent ? t('meetings.topics.leaderSent', { day }) : t('meetings.topics.leaderIntro', { day }),
    });
  }
  const ranked = rankTopics(view.topics);
  blocks.push({
    type: 'text',
    text:
      ranked.length === 0
        ? t('meetings.topics.none')
        : ranked.map(({ rank, topic }) => t('meetings.topics.line', { rank, topic: topic.text, votes: votesText(topic.votes) })).join('\n'),
  });
  const ids = { occurrenceId: occurrence.id };
  const voteButtons: Button[] = ranked.slice(0, MAX_VOTE_BUTTONS).map(({ topic }) =>
    view.myVotes.has(topic.id)
      ? {
          label: t('meetings.topics.voted', { topic: topic.text }),
          verb: TOPIC_VERBS.vote,
          data: { ...ids, topicId: topic.id },
          style: 'primary',
        }
      : { label: t('meetings.topics.vote', { topic: topic.text }), verb: TOPIC_VERBS.vote, data: { ...ids, topicId: topic.id } },
  );
  if (voteButtons.length > 0) blocks.push({ type: 'buttons', buttons: voteButtons });
  const suggested = new Set(view.topics.map((topic) => normalizeTopic(topic.text)));
  const presets: Button[] = AGENDA_PRESETS.map((preset, i) => ({ preset, i }))
    .filter(({ preset }) => !suggested.has(normalizeTopic(preset)))
    .map(({ preset, i }) => ({
      label: t('meetings.topics.suggest', { topic: preset }),
      verb: TOPIC_VERBS.add,
      data: { ...ids, preset: String(i) },
    }));
  if (presets.length > 0) blocks.push({ type: 'buttons', buttons: presets });
  blocks.push({
    type: 'form',
    fields: [{ kind: 'text', id: 'topic', label: t('meetings.topics.own'), required: false }],
    submit: { label: t('meetings.topics.submit'), verb: TOPIC_VERBS.add, data: ids },
  });
  if (view.leader) {
    blocks.push({
      type: 'buttons',
      buttons: [{ label: t('meetings.topics.setAgenda'), verb: TOPIC_VERBS.editAgenda, data: ids, style: 'primary' }],
    });
  }
  return { summary: heading, blocks };
}

/** Topics are open until the agenda goes out or the meeting starts. */
export async function topicsOpen(svc: MeetingsSvc, occurrence: MeetingOccurrence, series: MeetingSeries): Promise<boolean> {
  if (occurrence.status !== 'scheduled' || series.cancelled || svc.clock.now() >= occurrence.startsAt) return false;
  const agenda = await svc.meetingAgenda.repo.getAgenda(series.trustId, occurrence.id);
  return !agenda?.sentAt;
}

/** The card as this person sees it now: their votes marked; the leader's copy for the series' leader. */
export async function topicsFor(
  svc: MeetingsSvc,
  occurrence: MeetingOccurrence,
  series: MeetingSeries,
  personId: string,
  note?: string,
): Promise<OutboundMessage> {
  const [topics, myVotes] = await Promise.all([
    svc.meetings.repo.listTopics(series.trustId, occurrence.id),
    svc.meetingAgenda.repo.votesOf(series.trustId, occurrence.id, personId),
  ]);
  const view: TopicsView = { occurrence, series, topics, myVotes, note };
  if (series.leaderId === personId) {
    const agenda = await svc.meetingAgenda.repo.getAgenda(series.trustId, occurrence.id);
    view.leader = { agendaDay: await agendaDayOf(svc, occurrence, series), sent: Boolean(agenda?.sentAt) };
  }
  return topicsCard(view);
}

async function loadFor(ctx: LinkedContext, data: Record<string, string>) {
  const found = await ctx.deps.meetings.repo.getOccurrence(ctx.actor.trustId, value(data, 'occurrenceId'));
  if (!found || !(await isInvited(ctx.deps, found.series, ctx.actor.personId))) return null;
  return found;
}

const gone = (): Reply => [textMessage(t('meetings.flow.notFound'))];

/** Adds a topic (or finds the same one already suggested) and counts the person's vote for it. */
async function addAndVote(ctx: LinkedContext, occurrence: MeetingOccurrence, series: MeetingSeries, text: string): Promise<Reply> {
  const now = ctx.deps.clock.now();
  const added = await ctx.deps.meetings.repo.addTopic(ctx.actor.trustId, occurrence.id, text, ctx.actor.personId, now);
  if (!added) return gone();
  await ctx.deps.meetings.repo.vote(ctx.actor.trustId, added.topic.id, ctx.actor.personId, now);
  const note = added.created
    ? t('meetings.topics.added', { topic: added.topic.text })
    : t('meetings.topics.already', { topic: added.topic.text });
  return [{ ...(await topicsFor(ctx.deps, occurrence, series, ctx.actor.personId, note)), replaceSource: true }];
}

export const addTopicAction: ActionHandler = {
  verb: TOPIC_VERBS.add,
  audience: 'linked',
  dataRule: 'invitees of the meeting and its leader, until the agenda goes out',
  run: forLinked(async (ctx, data: Record<string, string>) => {
    const found = await loadFor(ctx, data);
    if (!found) return gone();
    const { occurrence, series } = found;
    if (!(await topicsOpen(ctx.deps, occurrence, series))) return [textMessage(t('meetings.topics.closed'))];
    const preset = value(data, 'preset');
    if (preset) {
      const text = AGENDA_PRESETS[Number(preset)];
      return text && /^\d$/.test(preset) ? addAndVote(ctx, occurrence, series, text) : [textMessage(t('meetings.topics.empty'))];
    }
    const text = tidyTopic(value(data, 'topic'));
    if (!text) return [textMessage(t('meetings.topics.empty'))];
    if (text.length > TOPIC_MAX) return [textMessage(t('meetings.topics.tooLong', { max: TOPIC_MAX }))];
    const check = checkPupilNames(text);
    if (check.flagged && value(data, 'anyway') !== '1') {
      const warning = t('meetings.topics.guard', { names: [...new Set(check.hits.map((h) => h.name))].join(', ') });
      return [
        {
          summary: warning,
          blocks: [
            { type: 'text', text: warning },
            {
              type: 'buttons',
              buttons: [
                {
                  label: t('meetings.topics.addAnyway'),
                  verb: TOPIC_VERBS.add,
                  data: { occurrenceId: occurrence.id, topic: text, anyway: '1' },
                },
              ],
            },
          ],
        },
      ];
    }
    return addAndVote(ctx, occurrence, series, text);
  }),
};

export const voteAction: ActionHandler = {
  verb: TOPIC_VERBS.vote,
  audience: 'linked',
  dataRule: 'invitees of the meeting and its leader, until the agenda goes out; one vote per person per topic',
  run: forLinked(async (ctx, data: Record<string, string>) => {
    const found = await loadFor(ctx, data);
    if (!found) return gone();
    const { occurrence, series } = found;
    if (!(await topicsOpen(ctx.deps, occurrence, series))) return [textMessage(t('meetings.topics.closed'))];
    const topic = (await ctx.deps.meetings.repo.listTopics(ctx.actor.trustId, occurrence.id)).find((x) => x.id === value(data, 'topicId'));
    if (!topic) return gone();
    const outcome = await ctx.deps.meetings.repo.vote(ctx.actor.trustId, topic.id, ctx.actor.personId, ctx.deps.clock.now());
    if (outcome === 'not-found') return gone();
    const note =
      outcome === 'created' ? t('meetings.topics.thanks', { topic: topic.text }) : t('meetings.topics.votedOnce', { topic: topic.text });
    return [{ ...(await topicsFor(ctx.deps, occurrence, series, ctx.actor.personId, note)), replaceSource: true }];
  }),
};

/** The next meeting of each series the person is invited to (or leads) that is still open for topics. */
export const topicsCommand: Command = {
  id: 'meeting topics',
  aliases: ['meetings topics', 'agenda topics', 'meeting agenda'],
  summary: 'Suggest and vote for topics for your next network meeting (the leader sets the agenda here)',
  usage: 'meeting topics',
  examples: ['meeting topics'],
  audience: 'linked',
  group: 'meetings',
  dataRule: 'meetings whose audience includes your school, or that you lead',
  run: forLinked(async (ctx) => {
    const now = ctx.deps.clock.now();
    const all = await ctx.deps.meetings.repo.occurrencesFor(ctx.actor.trustId, ctx.actor.personId);
    const seen = new Set<string>();
    const cards: Reply = [];
    for (const { occurrence, series } of all) {
      if (seen.has(series.id) || occurrence.status !== 'scheduled' || series.cancelled || occurrence.startsAt <= now) continue;
      seen.add(series.id);
      cards.push(await topicsFor(ctx.deps, occurrence, series, ctx.actor.personId));
    }
    return cards.length > 0 ? cards : [textMessage(t('meetings.topics.noMeeting'))];
  }),
};
