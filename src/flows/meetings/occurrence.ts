/**
 * One meeting: an invitee answers (the pressed card is replaced, the leader's card updated in
 * place); the leader moves or cancels it, or cancels the whole series. A change raises the
 * SEQUENCE, updates every delivered card and sends everyone the updated .ics so calendars
 * replace (or remove) the event they hold.
 */
import { cancelOccurrence, rescheduleOccurrence } from '../../core/meetings/changes';
import { londonDate } from '../../core/dates';
import type { MeetingOccurrence, MeetingSeries, RsvpAnswer } from '../../core/meetings/model';
import { textMessage, type OutboundMessage } from '../../core/message';
import { deliverToPeople } from '../../core/deliver-to-people';
import { t } from '../../i18n/en-GB';
import { answerLabel, MEETING_VERBS, meetingErrorText, whenText, whereText } from '../../meetings/cards';
import { FROM_HOME } from './home-section';
import { planMove } from '../../meetings/move-occurrence';
import { forLinked, type LinkedContext } from '../linked';
import type { ActionHandler, Reply } from '../registry';
import { LEADERS, value } from '../shared/common';
import {
  audienceSchools,
  icsFile,
  inviteKey,
  inviteesOf,
  invitationFor,
  isInvited,
  leaderKey,
  leaderMessage,
  MEETING_VERBS_EXTRA,
  refreshLeaderCard,
  type MeetingsSvc,
} from './services';

const ANSWERS: readonly RsvpAnswer[] = ['going', 'not-going', 'maybe'];

async function load(ctx: LinkedContext, data: Record<string, string>) {
  const id = value(data, 'occurrenceId');
  if (!id) return null;
  return ctx.deps.meetings.repo.getOccurrence(ctx.actor.trustId, id);
}

const gone = (): Reply => [textMessage(t('meetings.flow.notFound'))];

export const rsvpAction: ActionHandler = {
  verb: MEETING_VERBS.rsvp,
  audience: 'linked',
  dataRule: 'invitees of the meeting (their school is in its audience) and its leader',
  run: forLinked(async (ctx, data: Record<string, string>) => {
    const found = await load(ctx, data);
    if (!found || !(await isInvited(ctx.deps, found.series, ctx.actor.personId))) return gone();
    const answer = value(data, 'answer') as RsvpAnswer;
    if (!ANSWERS.includes(answer)) return [textMessage(t('meetings.flow.badAnswer'))];
    const { occurrence, series } = found;
    const now = ctx.deps.clock.now();
    if (occurrence.status === 'scheduled' && !series.cancelled && now < occurrence.startsAt) {
      const outcome = await ctx.deps.meetings.repo.setRsvp(ctx.actor.trustId, occurrence.id, ctx.actor.personId, answer, now);
      if (outcome !== 'unchanged') await refreshLeaderCard(ctx.deps, occurrence.id, ctx.actor.trustId);
    }
    const card = await invitationFor(ctx.deps, occurrence, series, ctx.actor.personId);
    if (value(data, 'from') !== FROM_HOME) return [{ ...card, replaceSource: true }];
    // Pressed on Home: Home itself is refreshed by the platform plumbing (the Teams home card is
    // edited, the Slack tab re-published), so the invitation card is updated in place instead.
    const of = inviteKey(occurrence.id, ctx.actor.personId);
    await ctx.deps.outbox.edit([{ key: `${of}:home-${answer}-${now.getTime()}`, of, op: 'update', content: card }]);
    return [textMessage(t('meetings.home.answered', { title: series.title, when: whenText(occurrence), answer: answerLabel(answer) }))];
  }),
};

export const attendedAction: ActionHandler = {
  verb: MEETING_VERBS.attended,
  audience: 'linked',
  dataRule: 'invitees of the meeting and its leader, from its start',
  run: forLinked(async (ctx, data: Record<string, string>) => {
    const found = await load(ctx, data);
    if (!found || !(await isInvited(ctx.deps, found.series, ctx.actor.personId))) return gone();
    const now = ctx.deps.clock.now();
    if (found.occurrence.status === 'scheduled' && now >= found.occurrence.startsAt) {
      const outcome = await ctx.deps.meetings.repo.markAttended(ctx.actor.trustId, found.occurrence.id, ctx.actor.personId, now);
      if (outcome !== 'unchanged') await refreshLeaderCard(ctx.deps, found.occurrence.id, ctx.actor.trustId);
    }
    return [{ ...(await invitationFor(ctx.deps, found.occurrence, found.series, ctx.actor.personId)), replaceSource: true }];
  }),
};

function moveForm(occurrence: MeetingOccurrence, series: MeetingSeries, problem?: string): OutboundMessage {
  const blocks: OutboundMessage['blocks'] = [{ type: 'heading', text: t('meetings.flow.moveHeading', { title: series.title }) }];
  blocks.push({ type: 'text', text: t('meetings.flow.moveNow', { when: whenText(occurrence) }) });
  if (problem) blocks.push({ type: 'text', text: problem });
  blocks.push({
    type: 'form',
    fields: [
      { kind: 'date', id: 'date', label: t('meetings.flow.moveDate'), value: occurrence.date, required: true },
      { kind: 'text', id: 'time', label: t('meetings.form.time'), value: occurrence.time, required: true },
    ],
    submit: {
      label: t('meetings.flow.moveSubmit'),
      verb: MEETING_VERBS_EXTRA.moveSubmit,
      data: { occurrenceId: occurrence.id, sequence: String(occurrence.sequence) },
      style: 'primary',
    },
    cancel: { label: t('meetings.form.cancel'), verb: 'form.cancel' },
  });
  return { summary: t('meetings.flow.moveHeading', { title: series.title }), blocks };
}

const isLeaderOf = (ctx: LinkedContext, series: MeetingSeries) => series.trustId === ctx.actor.trustId;

export const moveAction: ActionHandler = {
  verb: MEETING_VERBS.move,
  audience: LEADERS,
  dataRule: 'own trust only',
  run: forLinked(async (ctx, data: Record<string, string>) => {
    const found = await load(ctx, data);
    if (!found || !isLeaderOf(ctx, found.series)) return gone();
    if (found.occurrence.status === 'cancelled') return [textMessage(t('meetings.flow.alreadyCancelled'))];
    return [moveForm(found.occurrence, found.series)];
  }),
};

export const moveSubmit: ActionHandler = {
  verb: MEETING_VERBS_EXTRA.moveSubmit,
  audience: LEADERS,
  dataRule: 'own trust only',
  run: forLinked(async (ctx, data: Record<string, string>) => {
    const found = await load(ctx, data);
    if (!found || !isLeaderOf(ctx, found.series)) return gone();
    const { occurrence, series } = found;
    if (occurrence.status === 'cancelled' || series.cancelled) return [textMessage(t('meetings.flow.alreadyCancelled'))];
    const schools = (await ctx.deps.roster.repo.listSchools(ctx.actor.trustId)).filter((s) => series.schoolIds.includes(s.id));
    const plan = planMove(
      {
        date: value(data, 'date'),
        time: value(data, 'time'),
        durationMinutes: occurrence.durationMinutes,
        today: londonDate(ctx.deps.clock.now()),
      },
      await audienceSchools(ctx.deps, ctx.actor.trustId, schools),
    );
    if (!plan.ok) return [moveForm(occurrence, series, meetingErrorText(plan.error, plan.detail))];
    const next = rescheduleOccurrence(occurrence, { ...plan.value, schoolsOff: plan.value.schoolsOff.map((s) => s.id) });
    if (next === occurrence) return [textMessage(t('meetings.flow.unchanged'))];
    if (String(occurrence.sequence) !== value(data, 'sequence')) return [textMessage(t('meetings.flow.stale'))];
    const outcome = await ctx.deps.meetings.repo.saveOccurrence(ctx.actor.trustId, next, ctx.deps.clock.now());
    if (outcome === 'stale') return [textMessage(t('meetings.flow.stale'))];
    if (outcome === 'not-found') return gone();
    const reached = await announceChange(ctx.deps, next, series);
    await ctx.deps.audit.record({
      trustId: ctx.actor.trustId,
      actorId: ctx.actor.personId,
      action: 'meetings.move',
      subject: occurrence.id,
      details: { from: occurrence.date, to: next.date, time: next.time },
    });
    return [textMessage(t('meetings.flow.moved', { when: whenText(next), count: reached }))];
  }),
};

export const cancelAction: ActionHandler = {
  verb: MEETING_VERBS.cancel,
  audience: LEADERS,
  dataRule: 'own trust only',
  run: forLinked(async (ctx, data: Record<string, string>) => {
    const found = await load(ctx, data);
    if (!found || !isLeaderOf(ctx, found.series)) return gone();
    const next = cancelOccurrence(found.occurrence);
    if (next === found.occurrence) return [textMessage(t('meetings.flow.alreadyCancelled'))];
    const outcome = await ctx.deps.meetings.repo.saveOccurrence(ctx.actor.trustId, next, ctx.deps.clock.now());
    if (outcome === 'stale') return [textMessage(t('meetings.flow.stale'))];
    if (outcome === 'not-found') return gone();
    const reached = await announceChange(ctx.deps, next, found.series);
    await ctx.deps.audit.record({ trustId: ctx.actor.trustId, actorId: ctx.actor.personId, action: 'meetings.cancel', subject: next.id });
    return [textMessage(t('meetings.flow.cancelledOne', { when: whenText(next), count: reached }))];
  }),
};

export const cancelSeriesAction: ActionHandler = {
  verb: MEETING_VERBS_EXTRA.cancelSeries,
  audience: LEADERS,
  dataRule: 'own trust only',
  run: forLinked(async (ctx, data: Record<string, string>) => {
    const series = await ctx.deps.meetings.repo.getSeries(ctx.actor.trustId, value(data, 'seriesId'));
    if (!series) return gone();
    if (series.cancelled) return [textMessage(t('meetings.flow.alreadyCancelled'))];
    return [
      {
        summary: t('meetings.flow.cancelSeriesAsk', { title: series.title }),
        blocks: [
          { type: 'text', text: t('meetings.flow.cancelSeriesAsk', { title: series.title }) },
          {
            type: 'buttons',
            buttons: [
              {
                label: t('meetings.flow.cancelSeriesYes'),
                verb: MEETING_VERBS_EXTRA.cancelSeriesConfirm,
                data: { seriesId: series.id },
                style: 'danger',
              },
            ],
          },
        ],
      },
    ];
  }),
};

export const cancelSeriesConfirm: ActionHandler = {
  verb: MEETING_VERBS_EXTRA.cancelSeriesConfirm,
  audience: LEADERS,
  dataRule: 'own trust only',
  run: forLinked(async (ctx, data: Record<string, string>) => {
    const result = await cancelSeries(ctx.deps, ctx.actor.trustId, value(data, 'seriesId'));
    if (!result) return gone();
    await ctx.deps.audit.record({
      trustId: ctx.actor.trustId,
      actorId: ctx.actor.personId,
      action: 'meetings.series.cancel',
      subject: result.series.id,
    });
    return [textMessage(t('meetings.flow.cancelledSeries', { title: result.series.title, count: result.cancelled }))];
  }),
};

/**
 * Cancels a series: the series first (the feed then shows every meeting as cancelled), then each
 * meeting still to come, each announced to everyone. Safe to run again: cancelled meetings are skipped.
 */
export async function cancelSeries(
  svc: MeetingsSvc,
  trustId: string,
  seriesId: string,
): Promise<{ series: MeetingSeries; cancelled: number } | null> {
  const now = svc.clock.now();
  const outcome = await svc.meetings.repo.cancelSeries(trustId, seriesId, now);
  if (outcome === 'not-found') return null;
  const series = await svc.meetings.repo.getSeries(trustId, seriesId);
  if (!series) return null;
  let cancelled = 0;
  for (const occurrence of await svc.meetings.repo.listOccurrences(trustId, seriesId)) {
    if (occurrence.startsAt <= now) continue;
    const next = cancelOccurrence(occurrence);
    if (next === occurrence) continue;
    if ((await svc.meetings.repo.saveOccurrence(trustId, next, now)) !== 'updated') continue;
    await announceChange(svc, next, series);
    cancelled += 1;
  }
  return { series, cancelled };
}

/**
 * Tells everyone invited about a move, a cancellation or new series details (title, mode, venue, link): each delivered card is updated in place,
 * and a short notice with the updated .ics (same UID, higher SEQUENCE) follows. Keyed by the
 * sequence, so the same change is announced once.
 */
export async function announceChange(
  svc: MeetingsSvc,
  occurrence: MeetingOccurrence,
  series: MeetingSeries,
  change: 'moved' | 'details' = 'moved',
): Promise<number> {
  const invitees = await inviteesOf(svc, series);
  const edits = [];
  for (const person of invitees) {
    const content = await invitationFor(svc, occurrence, series, person.id);
    const of = inviteKey(occurrence.id, person.id);
    edits.push({ key: `${of}:seq-${occurrence.sequence}`, of, op: 'update' as const, content });
  }
  const leaderContent = await leaderMessage(svc, occurrence, series);
  edits.push({
    key: `${leaderKey(occurrence.id)}:seq-${occurrence.sequence}`,
    of: leaderKey(occurrence.id),
    op: 'update' as const,
    content: leaderContent,
  });
  if (edits.length > 0) await svc.outbox.edit(edits);
  const cancelled = occurrence.status === 'cancelled';
  const text = cancelled
    ? t('meetings.flow.noticeCancelled', { title: series.title, when: whenText(occurrence) })
    : change === 'details'
      ? t('meetings.flow.noticeDetails', { title: series.title, when: whenText(occurrence), where: whereText(series) })
      : t('meetings.flow.noticeMoved', { title: series.title, when: whenText(occurrence) });
  const notice: OutboundMessage = {
    summary: text,
    blocks: [{ type: 'text', text }],
    files: [icsFile(occurrence, series, svc.clock.now())],
  };
  const contacts = await svc.roster.identities.contacts(
    series.trustId,
    invitees.map((p) => p.id),
  );
  const report = await deliverToPeople(
    svc.outbox,
    series.trustId,
    contacts,
    invitees.map((person) => ({ person, key: `meetings-change:${occurrence.id}:${occurrence.sequence}:${person.id}`, content: notice })),
  );
  return report.queued + report.duplicates;
}
