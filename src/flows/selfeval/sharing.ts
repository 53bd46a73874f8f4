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

/**
 * Shares or unshares; only a real change is audited (a second share or unshare changes nothing).
 * The reply names the school and cycle either way.
 */
async function setShared(ctx: LinkedContext, found: Target, on: boolean): Promise<Reply> {
  if (!found.ok) return found.reply;
  const { school, cycle } = found;
  const trustId = ctx.actor.trustId;
  const repo = ctx.deps.selfeval.repo;
  const changed = on
    ? await repo.share(trustId, cycle.id, school.id, ctx.actor.personId, ctx.deps.clock.now())
    : await repo.unshare(trustId, cycle.id, school.id);
  const words = { school: school.name, cycle: cycle.label };
  if (!changed) return [textMessage(t(on ? 'selfeval.share.already' : 'selfeval.unshare.notShared', words))];
  await ctx.deps.audit.record({
    trustId,
    actorId: ctx.actor.personId,
    action: on ? 'selfeval.shared' : 'selfeval.unshared',
    subject: school.id,
    details: { cycle: cycle.label },
  });
  return [textMessage(t(on ? 'selfeval.share.done' : 'selfeval.unshare.done', words))];
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
    run: forLinked((ctx, args: string) => byName(ctx, args, 'share').then((found) => setShared(ctx, found, true))),
  },
  {
    id: 'selfeval unshare',
    aliases: [],
    summary: t('selfeval.unshare.summary'),
    usage: 'selfeval unshare <school>',
    examples: ['selfeval unshare Oak Primary'],
    audience: SEND_LEADER,
    run: forLinked((ctx, args: string) => byName(ctx, args, 'unshare').then((found) => setShared(ctx, found, false))),
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
    return setShared(ctx, await target(ctx, school, data.s ?? '', 'share', data.c || undefined), true);
  }),
};
