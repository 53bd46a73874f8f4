/**
 * Sharing one school's self-evaluation summary with the trust leaders (issue 13, privacy):
 * answers are the school's SENCOs' and the SEND leader's; trust leaders see figures across
 * schools unless the SEND leader shares a school (`selfeval share <school>` or the button on
 * the school summary). `selfeval unshare <school>` withdraws it. Both are audited, and so is a
 * trust leader refused a school that is not shared.
 */
import { textMessage } from '../../core/message';
import type { School } from '../../core/model';
import type { SelfEvalCycle } from '../../core/selfeval/model';
import { t } from '../../i18n/en-GB';
import { forLinked, type LinkedContext } from '../linked';
import type { ActionHandler, Command, Reply } from '../registry';
import { TRUST_READERS } from '../shared/common';
import { currentCycle, loadSitting } from './load';
import { startedAreaMessages } from './summaries';
import { VERBS } from './verbs';

const SEND_LEADER = ['send-leader'] as const;

type Target = { ok: true; school: School; cycle: SelfEvalCycle } | { ok: false; reply: Reply };

async function target(
  ctx: LinkedContext,
  school: School | null,
  name: string,
  usage: 'share' | 'unshare' | 'summary',
  cycleId?: string,
): Promise<Target> {
  if (!name.trim() && !school) return { ok: false, reply: [textMessage(t(`selfeval.${usage}.usage`))] };
  if (!school) return { ok: false, reply: [textMessage(t('selfeval.share.noSchool', { name: name.trim().slice(0, 80) }))] };
  const trustId = ctx.actor.trustId;
  const cycle = cycleId ? await ctx.deps.selfeval.repo.getCycle(trustId, cycleId) : await currentCycle(ctx, trustId);
  if (!cycle) return { ok: false, reply: [textMessage(t('selfeval.noCycleLeader'))] };
  return { ok: true, school, cycle };
}

async function byName(ctx: LinkedContext, args: string, usage: 'share' | 'unshare' | 'summary'): Promise<Target> {
  const school = args.trim() ? await ctx.deps.roster.repo.findSchoolByName(ctx.actor.trustId, args) : null;
  return target(ctx, school, args, usage);
}

async function share(ctx: LinkedContext, found: Target): Promise<Reply> {
  if (!found.ok) return found.reply;
  const { school, cycle } = found;
  const trustId = ctx.actor.trustId;
  const changed = await ctx.deps.selfeval.repo.share(trustId, cycle.id, school.id, ctx.actor.personId, ctx.deps.clock.now());
  if (!changed) return [textMessage(t('selfeval.share.already', { school: school.name, cycle: cycle.label }))];
  await ctx.deps.audit.record({
    trustId,
    actorId: ctx.actor.personId,
    action: 'selfeval.shared',
    subject: school.id,
    details: { cycle: cycle.label },
  });
  return [textMessage(t('selfeval.share.done', { school: school.name, cycle: cycle.label }))];
}

async function unshare(ctx: LinkedContext, found: Target): Promise<Reply> {
  if (!found.ok) return found.reply;
  const { school, cycle } = found;
  const trustId = ctx.actor.trustId;
  if (!(await ctx.deps.selfeval.repo.unshare(trustId, cycle.id, school.id)))
    return [textMessage(t('selfeval.unshare.notShared', { school: school.name, cycle: cycle.label }))];
  await ctx.deps.audit.record({
    trustId,
    actorId: ctx.actor.personId,
    action: 'selfeval.unshared',
    subject: school.id,
    details: { cycle: cycle.label },
  });
  return [textMessage(t('selfeval.unshare.done', { school: school.name, cycle: cycle.label }))];
}

/** `selfeval summary <school>`: the SEND leader always; a trust leader only when it is shared. */
async function summary(ctx: LinkedContext, args: string): Promise<Reply> {
  const found = await byName(ctx, args, 'summary');
  if (!found.ok) return found.reply;
  const { school, cycle } = found;
  const trustId = ctx.actor.trustId;
  const seesAll = ctx.actor.roles.some((r) => r.role === 'send-leader');
  if (!seesAll && !(await ctx.deps.selfeval.repo.sharedSchools(trustId, cycle.id)).includes(school.id)) {
    await ctx.deps.audit.record({
      trustId,
      actorId: ctx.actor.personId,
      action: 'selfeval.refused',
      subject: school.id,
      details: { reason: 'not-shared', cycle: cycle.label },
    });
    return [textMessage(t('selfeval.summary.notShared', { school: school.name }))];
  }
  const sitting = await loadSitting(ctx, trustId, cycle, school.id);
  const messages = sitting ? startedAreaMessages(sitting) : [];
  if (messages.length === 0) return [textMessage(t('selfeval.summary.none', { school: school.name, cycle: cycle.label }))];
  return messages;
}

export const sharingCommands: Command[] = [
  {
    id: 'selfeval share',
    aliases: [],
    summary: t('selfeval.share.summary'),
    usage: 'selfeval share <school>',
    examples: ['selfeval share Oak Primary'],
    audience: SEND_LEADER,
    run: forLinked((ctx, args: string) => byName(ctx, args, 'share').then((found) => share(ctx, found))),
  },
  {
    id: 'selfeval unshare',
    aliases: [],
    summary: t('selfeval.unshare.summary'),
    usage: 'selfeval unshare <school>',
    examples: ['selfeval unshare Oak Primary'],
    audience: SEND_LEADER,
    run: forLinked((ctx, args: string) => byName(ctx, args, 'unshare').then((found) => unshare(ctx, found))),
  },
  {
    id: 'selfeval summary',
    aliases: [],
    summary: t('selfeval.summary.summary'),
    usage: 'selfeval summary <school>',
    examples: ['selfeval summary Oak Primary'],
    audience: TRUST_READERS,
    dataRule: 'trust leaders only for a school its SEND leader shared',
    run: forLinked((ctx, args: string) => summary(ctx, args)),
  },
];

/** The Share button on the school summary the SEND leader receives: data { s: school }. */
export const shareAction: ActionHandler = {
  verb: VERBS.share,
  audience: SEND_LEADER,
  dataRule: 'own trust',
  run: forLinked(async (ctx, data: Record<string, string>) => {
    const school = data.s ? await ctx.deps.roster.repo.getSchool(ctx.actor.trustId, data.s) : null;
    return share(ctx, await target(ctx, school, data.s ?? '', 'share', data.c || undefined));
  }),
};
