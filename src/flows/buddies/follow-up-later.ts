/**
 * "Ask me next week" on a follow-up: snoozes buddy follow-ups for this person until Monday
 * (the nudges' snooze, src/flows/nudges) and queues the same question again as a nudge, which
 * the snooze holds until then. Keyed by pair, stage and the snooze's end: a double press asks
 * again once.
 */
import { t } from '../../i18n/en-GB';
import { snoozeEndDate, startOfLondonDay, formatLongDate } from '../nudges/until-date';
import { forLinked } from '../linked';
import type { ActionHandler } from '../registry';
import { say, value } from '../shared/common';
import { buddies, otherSide, sendNudge, sideOf, trustPeople } from './common';
import { FOLLOW_UP_KIND, LATER_VERB, followUpCard } from './follow-up';

export const laterAction: ActionHandler = {
  verb: LATER_VERB,
  audience: 'linked',
  dataRule: 'own buddy pairs only',
  run: forLinked(async (ctx, data) => {
    const { trustId, personId } = ctx.actor;
    const stage = value(data, 's');
    const pair = await buddies(ctx.deps).repo.getPair(trustId, value(data, 'p'));
    if (!pair || !sideOf(pair, personId) || (stage !== 'week2' && stage !== 'week6')) return say('buddy.notYours');
    if (pair.status !== 'active') return say('buddy.notWorking.already');
    const now = ctx.deps.clock.now();
    const end = snoozeEndDate('next-week', now);
    await ctx.deps.nudges.snooze(personId, FOLLOW_UP_KIND, startOfLondonDay(end));
    const other = (await trustPeople(ctx.deps, trustId)).name(otherSide(pair, personId));
    const key = `buddy-followup:${pair.id}:${stage}:again-${end}`;
    await sendNudge(ctx.deps, trustId, personId, key, followUpCard(pair, stage, other), FOLLOW_UP_KIND);
    const text = t('buddy.followUp.later', { until: formatLongDate(end) });
    return [{ summary: text, blocks: [{ type: 'text', text }], replaceSource: true }];
  }),
};
