import { textMessage } from '../../core/message';
import { t } from '../../i18n/en-GB';
import type { Command } from '../registry';
import { MAX_PAUSE_DAYS, formatLongDate, parsePauseDate, startOfLondonDay } from './until-date';

const ERRORS = { unreadable: 'pause.badDate', past: 'pause.past', 'too-far': 'pause.tooFar' } as const;

/** "pause until 6 April 2027": holds every nudge until the start of that day. */
export const pauseCommand: Command = {
  id: 'pause',
  aliases: ['pause reminders'],
  summary: 'Pause all reminders until a date',
  usage: 'pause until <date>',
  examples: ['pause until 6 April 2027', 'pause until 06/04/2027'],
  audience: 'linked',
  run: async (ctx, args) => {
    if (!args.trim()) return [textMessage(t('pause.usage'))];
    const parsed = parsePauseDate(args, ctx.deps.clock.now());
    if (!parsed.ok) return [textMessage(t(ERRORS[parsed.error], { input: args.slice(0, 40), days: MAX_PAUSE_DAYS }))];
    await ctx.deps.nudges.pause(ctx.actor.personId!, startOfLondonDay(parsed.date));
    await ctx.deps.audit.record({
      trustId: ctx.actor.trustId,
      actorId: ctx.actor.personId,
      action: 'nudge.pause',
      details: { until: parsed.date },
    });
    return [textMessage(t('pause.done', { until: formatLongDate(parsed.date) }))];
  },
};

/** Ends a pause and every snooze; held nudges become due again (within school hours). */
export const resumeCommand: Command = {
  id: 'resume',
  aliases: ['unpause', 'resume reminders'],
  summary: 'Turn reminders back on after a pause or snooze',
  examples: ['resume'],
  audience: 'linked',
  run: async (ctx) => {
    const now = ctx.deps.clock.now();
    const personId = ctx.actor.personId!;
    const { wasPaused, snoozesCleared } = await ctx.deps.nudges.resume(personId, now);
    const released = await ctx.deps.outbox.releaseHeld(personId, now);
    if (!wasPaused && snoozesCleared === 0 && released === 0) return [textMessage(t('resume.nothing'))];
    await ctx.deps.audit.record({
      trustId: ctx.actor.trustId,
      actorId: personId,
      action: 'nudge.resume',
      details: { wasPaused, snoozesCleared, released },
    });
    return [textMessage(t('resume.done'))];
  },
};
