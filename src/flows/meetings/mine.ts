/**
 * `meetings`: the person's upcoming network meetings with their answer, each card answerable;
 * `meeting subscribe`: a private calendar feed URL (a new one revokes the old);
 * `meeting unsubscribe`: revokes it.
 */
import { textMessage, type OutboundMessage } from '../../core/message';
import { t } from '../../i18n/en-GB';
import { feedPath, hashFeedToken, newFeedToken } from '../../meetings/feed-token';
import { forLinked } from '../linked';
import type { ActionHandler, Command, Reply } from '../registry';
import type { LinkedContext } from '../linked';
import { invitationFor, leaderMessage, MEETING_VERBS_EXTRA } from './services';

/** At most this many cards in one reply; the feed holds the rest. */
const LIST_LIMIT = 6;

const subscribeButton: OutboundMessage = {
  summary: t('meetings.flow.subscribeHint'),
  blocks: [
    { type: 'text', text: t('meetings.flow.subscribeHint') },
    { type: 'buttons', buttons: [{ label: t('meetings.flow.subscribeButton'), verb: MEETING_VERBS_EXTRA.subscribe }] },
  ],
};

export const meetingsCommand: Command = {
  id: 'meetings',
  aliases: ['my meetings'],
  summary: 'Your upcoming network meetings and your answers',
  usage: 'meetings',
  examples: ['meetings'],
  audience: 'linked',
  dataRule: 'meetings whose audience includes your school, or that you lead',
  run: forLinked(async (ctx) => {
    const now = ctx.deps.clock.now();
    const all = await ctx.deps.meetings.repo.occurrencesFor(ctx.actor.trustId, ctx.actor.personId);
    const upcoming = all.filter((o) => o.occurrence.status === 'scheduled' && !o.series.cancelled && o.occurrence.endsAt > now);
    if (upcoming.length === 0) return [textMessage(t('meetings.flow.none')), subscribeButton];
    const cards: Reply = [textMessage(t('meetings.flow.listIntro', { count: upcoming.length }))];
    for (const { occurrence, series } of upcoming.slice(0, LIST_LIMIT)) {
      cards.push(
        series.leaderId === ctx.actor.personId
          ? await leaderMessage(ctx.deps, occurrence, series)
          : await invitationFor(ctx.deps, occurrence, series, ctx.actor.personId),
      );
    }
    if (upcoming.length > LIST_LIMIT) cards.push(textMessage(t('meetings.flow.more', { count: upcoming.length - LIST_LIMIT })));
    cards.push(subscribeButton);
    return cards;
  }),
};

async function issueFeed(ctx: LinkedContext): Promise<Reply> {
  const token = newFeedToken();
  const owner = { trustId: ctx.actor.trustId, personId: ctx.actor.personId };
  await ctx.deps.meetings.repo.issueFeedToken(owner, hashFeedToken(token), ctx.deps.clock.now());
  const url = `${ctx.deps.meetings.publicUrl().replace(/\/+$/, '')}${feedPath(token)}`;
  return [
    {
      summary: t('meetings.flow.feedIssued'),
      blocks: [
        { type: 'text', text: t('meetings.flow.feedIssued') },
        { type: 'code', text: url },
        { type: 'text', text: t('meetings.flow.feedHowTo'), muted: true },
      ],
    },
  ];
}

export const subscribeCommand: Command = {
  id: 'meeting subscribe',
  aliases: ['meetings subscribe', 'subscribe to my calendar', 'calendar subscribe'],
  summary: 'A private calendar link of your network meetings, for Outlook or Google Calendar',
  usage: 'meeting subscribe',
  examples: ['meeting subscribe'],
  audience: 'linked',
  dataRule: 'your own feed only; a new link revokes the old one',
  run: forLinked(async (ctx) => issueFeed(ctx)),
};

export const subscribeAction: ActionHandler = {
  verb: MEETING_VERBS_EXTRA.subscribe,
  audience: 'linked',
  dataRule: 'your own feed only; a new link revokes the old one',
  run: forLinked(async (ctx) => issueFeed(ctx)),
};

export const unsubscribeCommand: Command = {
  id: 'meeting unsubscribe',
  aliases: ['meetings unsubscribe', 'calendar unsubscribe'],
  summary: 'Stop your private calendar link working',
  usage: 'meeting unsubscribe',
  examples: ['meeting unsubscribe'],
  audience: 'linked',
  dataRule: 'your own feed only',
  run: forLinked(async (ctx) => {
    const count = await ctx.deps.meetings.repo.revokeFeedTokens(
      { trustId: ctx.actor.trustId, personId: ctx.actor.personId },
      ctx.deps.clock.now(),
    );
    return [textMessage(count > 0 ? t('meetings.flow.feedRevoked') : t('meetings.flow.feedNone'))];
  }),
};

export const unsubscribeAction: ActionHandler = {
  verb: MEETING_VERBS_EXTRA.unsubscribe,
  audience: 'linked',
  run: (ctx) => unsubscribeCommand.run(ctx, ''),
};
