import { textMessage, type Block, type OutboundMessage } from '../../core/message';
import { ALL_NUDGES } from '../../core/nudge-port';
import { t } from '../../i18n/en-GB';
import type { ActionHandler, Command, HandlerContext, Reply } from '../registry';
import { SNOOZE_VERB, snoozeButtons } from './snooze-buttons';
import { SNOOZE_CHOICES, formatLongDate, snoozeEndDate, startOfLondonDay, type SnoozeChoice } from './until-date';

/** Nudge kinds are short slugs ('checkin-reminder'); anything else did not come from our buttons. */
const KIND = /^(\*|[a-z0-9][a-z0-9-]{0,63})$/;
/** Kinds sent in the last fortnight are offered by the snooze card. */
const RECENT_MS = 14 * 24 * 60 * 60 * 1000;

export function kindLabel(kind: string): string {
  return kind === ALL_NUDGES ? t('snooze.all') : kind.replace(/-/g, ' ');
}

/** Records the snooze and says until when. Shared by the command and the buttons. */
async function snooze(ctx: HandlerContext, kind: string, choice: SnoozeChoice): Promise<Reply> {
  const end = snoozeEndDate(choice, ctx.deps.clock.now());
  await ctx.deps.nudges.snooze(ctx.actor.personId!, kind, startOfLondonDay(end));
  await ctx.deps.audit.record({
    trustId: ctx.actor.trustId,
    actorId: ctx.actor.personId,
    action: 'nudge.snooze',
    details: { kind, until: end },
  });
  return [textMessage(t('snooze.done', { what: kindLabel(kind), until: formatLongDate(end) }))];
}

/** A card with snooze buttons for each kind of nudge the person has had lately, and for all. */
async function snoozeCard(ctx: HandlerContext): Promise<OutboundMessage> {
  const since = new Date(ctx.deps.clock.now().getTime() - RECENT_MS);
  const kinds = (await ctx.deps.outbox.recentKinds(ctx.actor.personId!, since)).slice(0, 5);
  const blocks: Block[] = [{ type: 'heading', text: t('snooze.choose') }];
  for (const kind of [...kinds, ALL_NUDGES]) {
    blocks.push({ type: 'text', text: kindLabel(kind) }, snoozeButtons(kind));
  }
  blocks.push({ type: 'text', text: t('snooze.pauseHint'), muted: true });
  return { summary: t('snooze.choose'), blocks };
}

export const snoozeCommand: Command = {
  id: 'snooze',
  aliases: [],
  summary: 'Snooze reminders until tomorrow or next week',
  usage: 'snooze [tomorrow | next week]',
  examples: ['snooze', 'snooze next week'],
  audience: 'linked',
  run: async (ctx, args) => {
    const choice = args
      .toLowerCase()
      .replace(/^until\s+/, '')
      .replace(/\s+/g, '-');
    if (choice === '') return [await snoozeCard(ctx)];
    if (!SNOOZE_CHOICES.includes(choice as SnoozeChoice)) return [textMessage(t('snooze.usage'))];
    return snooze(ctx, ALL_NUDGES, choice as SnoozeChoice);
  },
};

/** The button on any nudge: data { kind, until: 'tomorrow' | 'next-week' }. */
export const snoozeAction: ActionHandler = {
  verb: SNOOZE_VERB,
  audience: 'linked',
  run: async (ctx, data) => {
    const kind = data.kind ?? '';
    const until = data.until as SnoozeChoice;
    if (!KIND.test(kind) || !SNOOZE_CHOICES.includes(until)) return [textMessage(t('snooze.badButton'))];
    return snooze(ctx, kind, until);
  },
};
