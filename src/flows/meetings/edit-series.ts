/**
 * The leader edits a live series: title, mode (online, in person, hybrid), venue and join link.
 * Dates stay (Move is for those). Every meeting still to come gets a new SEQUENCE, so everyone
 * invited has their card updated in place and an updated .ics (same UID) replaces their calendar
 * entry; the leader's cards follow; meetings already held are left as they were.
 */
import { reviseOccurrence } from '../../core/meetings/changes';
import type { MeetingSeries } from '../../core/meetings/model';
import { textMessage, type OutboundMessage } from '../../core/message';
import { t } from '../../i18n/en-GB';
import { forLinked, type LinkedContext } from '../linked';
import type { ActionHandler, Command, Reply } from '../registry';
import { LEADERS, value } from '../shared/common';
import { announceChange } from './occurrence';
import { readDetails, titleField, whereFields } from './series';
import { MEETING_VERBS_EXTRA, type MeetingsSvc } from './services';

function editForm(series: MeetingSeries, values: Record<string, string>, problem?: string): OutboundMessage {
  const heading = t('meetings.flow.editHeading', { title: series.title });
  return {
    summary: heading,
    blocks: [
      { type: 'heading', text: heading },
      { type: 'text', text: problem ?? t('meetings.flow.editIntro') },
      {
        type: 'form',
        fields: [titleField(values), ...whereFields(values)],
        submit: {
          label: t('meetings.flow.editSubmit'),
          verb: MEETING_VERBS_EXTRA.editSeriesSubmit,
          data: { seriesId: series.id },
          style: 'primary',
        },
        cancel: { label: t('meetings.form.cancel'), verb: 'form.cancel' },
      },
    ],
  };
}

const valuesOf = (series: MeetingSeries): Record<string, string> => ({
  title: series.title,
  mode: series.mode,
  venue: series.venue ?? '',
  link: series.joinUrl ?? '',
});

async function liveSeries(ctx: LinkedContext, seriesId: string): Promise<MeetingSeries | null> {
  const series = seriesId ? await ctx.deps.meetings.repo.getSeries(ctx.actor.trustId, seriesId) : null;
  return series && !series.cancelled ? series : null;
}

const notFound = (): Reply => [textMessage(t('meetings.flow.notFound'))];

/** `meeting edit`: the form for the leader's series with meetings still to come (a choice when there are several). */
export const editSeriesCommand: Command = {
  id: 'meeting edit',
  aliases: ['edit meeting', 'meetings edit'],
  summary: "Change a series' title, online or in person, venue or join link (SEND leaders)",
  usage: 'meeting edit',
  examples: ['meeting edit'],
  audience: LEADERS,
  dataRule: 'series of your own trust that you lead',
  run: forLinked(async (ctx) => {
    const now = ctx.deps.clock.now();
    const mine = await ctx.deps.meetings.repo.occurrencesFor(ctx.actor.trustId, ctx.actor.personId);
    const series = new Map<string, MeetingSeries>();
    for (const { occurrence, series: s } of mine) {
      if (s.leaderId === ctx.actor.personId && !s.cancelled && occurrence.status === 'scheduled' && occurrence.startsAt > now)
        series.set(s.id, s);
    }
    const live = [...series.values()];
    if (live.length === 0) return [textMessage(t('meetings.flow.editNone'))];
    if (live.length === 1) return [editForm(live[0]!, valuesOf(live[0]!))];
    return [
      {
        summary: t('meetings.flow.editPick'),
        blocks: [
          { type: 'text', text: t('meetings.flow.editPick') },
          {
            type: 'buttons',
            buttons: live.map((s) => ({ label: s.title, verb: MEETING_VERBS_EXTRA.editSeries, data: { seriesId: s.id } })),
          },
        ],
      },
    ];
  }),
};

export const editSeriesAction: ActionHandler = {
  verb: MEETING_VERBS_EXTRA.editSeries,
  audience: LEADERS,
  dataRule: 'own trust only',
  run: forLinked(async (ctx, data: Record<string, string>) => {
    const series = await liveSeries(ctx, value(data, 'seriesId'));
    return series ? [editForm(series, valuesOf(series))] : notFound();
  }),
};

export const editSeriesSubmit: ActionHandler = {
  verb: MEETING_VERBS_EXTRA.editSeriesSubmit,
  audience: LEADERS,
  dataRule: 'own trust only',
  run: forLinked(async (ctx, data: Record<string, string>) => {
    const before = await liveSeries(ctx, value(data, 'seriesId'));
    if (!before) return notFound();
    const read = readDetails(data);
    if (!read.ok) return [editForm(before, data, read.problem)];
    const outcome = await ctx.deps.meetings.repo.updateSeriesDetails(ctx.actor.trustId, before.id, read.value);
    if (outcome === 'not-found') return notFound();
    if (outcome === 'stale') return [textMessage(t('meetings.flow.stale'))];
    if (outcome === 'unchanged') return [textMessage(t('meetings.flow.editUnchanged'))];
    const after = await ctx.deps.meetings.repo.getSeries(ctx.actor.trustId, before.id);
    if (!after) return notFound();
    const { meetings, people } = await reviseFutureMeetings(ctx.deps, after);
    await ctx.deps.audit.record({
      trustId: ctx.actor.trustId,
      actorId: ctx.actor.personId,
      action: 'meetings.series.edit',
      subject: after.id,
      details: {
        from: { title: before.title, mode: before.mode, venue: before.venue, joinUrl: before.joinUrl },
        to: read.value,
        meetings,
      },
    });
    return [textMessage(t('meetings.flow.edited', { title: after.title, count: meetings, people }))];
  }),
};

/**
 * Raises the SEQUENCE of every meeting still to come (compare-and-set per meeting, so a meeting
 * moved or cancelled at the same moment is not overwritten) and announces each to everyone.
 */
export async function reviseFutureMeetings(svc: MeetingsSvc, series: MeetingSeries): Promise<{ meetings: number; people: number }> {
  const now = svc.clock.now();
  let meetings = 0;
  let people = 0;
  for (const occurrence of await svc.meetings.repo.listOccurrences(series.trustId, series.id)) {
    if (occurrence.startsAt <= now) continue;
    const next = reviseOccurrence(occurrence);
    if (next === occurrence) continue;
    if ((await svc.meetings.repo.saveOccurrence(series.trustId, next, now)) !== 'updated') continue;
    people = Math.max(people, await announceChange(svc, next, series, 'details'));
    meetings += 1;
  }
  return { meetings, people };
}
