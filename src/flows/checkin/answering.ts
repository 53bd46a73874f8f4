/**
 * The SENCO's side: `checkin` (resume or start) and the card actions that answer it. Every
 * answer is saved at once; the round must be open and the check-in must be for a school the
 * person is SENCO of (checked here, whatever the card said).
 */
import { needsFollowUp, parseAnswer, parseFollowUp, parseNote, type AnswerError } from '../../core/checkin/answers';
import { findItem } from '../../core/checkin/checklist';
import { forLinked, type LinkedContext } from '../linked';
import type { CheckinAnswer } from '../../core/checkin/model';
import { nextStep } from '../../core/checkin/progress';
import { textMessage, type Block, type OutboundMessage } from '../../core/message';
import type { Actor } from '../../core/model';
import { t } from '../../i18n/en-GB';
import type { ActionHandler, Command, HandlerContext, Reply } from '../registry';
import { followUpMessage, itemBlocks, reviewMessage, stepMessage, VERBS, type CheckinView } from './cards';
import { formatInstant, periodLabel } from './text';
import { trackCheckin } from './conversation';
import { guardFreeText, NOTE_ANYWAY_VERB, pendingSubmission } from './note-guard';
import { loadView } from './view';

const SENCO = ['senco'] as const;

function isSencoOf(actor: Actor, schoolId: string): boolean {
  return actor.roles.some((r) => r.role === 'senco' && r.schoolId === schoolId);
}

type Access = { ok: true; view: CheckinView } | { ok: false; reply: Reply };

/**
 * The check-in named by a card, if this person may answer it now. A check-in id from another
 * trust reads as not found; one of another school in the trust is refused and audited.
 */
async function access(
  ctx: HandlerContext,
  checkinId: string | undefined,
  options: { needOpen: boolean } = { needOpen: true },
): Promise<Access> {
  const trustId = ctx.actor.trustId;
  const view = trustId && checkinId ? await loadView(ctx.deps, trustId, checkinId) : null;
  if (!view) return { ok: false, reply: [textMessage(t('checkin.notFound'))] };
  if (!isSencoOf(ctx.actor, view.checkin.schoolId)) {
    ctx.deps.logger.warn('check-in answer refused: not SENCO of that school', { personId: ctx.actor.personId, checkinId });
    await ctx.deps.audit.record({
      trustId,
      actorId: ctx.actor.personId,
      action: 'checkin.refused',
      subject: checkinId,
      details: { reason: 'other-school' },
    });
    return { ok: false, reply: [textMessage(t('checkin.otherSchool'))] };
  }
  if (options.needOpen && view.round.status !== 'open') return { ok: false, reply: [closedMessage(view)] };
  return { ok: true, view };
}

function closedMessage(view: CheckinView): OutboundMessage {
  return textMessage(
    t('checkin.closed', { period: periodLabel(view.round.period), closed: formatInstant(view.round.closedAt ?? view.round.closesAt) }),
  );
}

function errorReply(view: CheckinView, itemId: string, error: AnswerError): Reply {
  const blocks: Block[] = [{ type: 'text', text: t(`checkin.error.${error}`) }, ...itemBlocks(view, itemId)];
  return [{ summary: t(`checkin.error.${error}`), blocks }];
}

async function reload(ctx: HandlerContext, view: CheckinView): Promise<CheckinView> {
  return (await loadView(ctx.deps, view.checkin.trustId, view.checkin.id)) ?? view;
}

async function stepAfter(ctx: HandlerContext, view: CheckinView, after: string | undefined, lead: string[]): Promise<Reply> {
  const step = nextStep(view.checkin, view.answers, after);
  await trackCheckin(ctx, view, step);
  return [stepMessage(view, step, lead)];
}

/** `checkin`: the SENCO's open check-in(s), at the step they reached. */
async function openForSenco(ctx: LinkedContext): Promise<Reply> {
  const trustId = ctx.actor.trustId;
  const schoolIds = ctx.actor.roles.filter((r) => r.role === 'senco' && r.schoolId).map((r) => r.schoolId!);
  const open = await ctx.deps.checkin.repo.openCheckins(trustId, schoolIds);
  if (open.length === 0) {
    const scheduled = (await ctx.deps.checkin.repo.listRounds(trustId, 3)).find((r) => r.status === 'scheduled');
    return [textMessage(scheduled ? t('checkin.noneNext', { opens: formatInstant(scheduled.opensAt) }) : t('checkin.none'))];
  }
  if (open.length === 1) {
    const view = await loadView(ctx.deps, trustId, open[0]!.checkin.id);
    return view ? stepAfter(ctx, view, undefined, []) : [textMessage(t('checkin.notFound'))];
  }
  const schools = await ctx.deps.roster.repo.listSchools(trustId, { includeArchived: true });
  const name = (id: string) => schools.find((s) => s.id === id)?.name ?? id;
  return [
    {
      summary: t('checkin.choose.heading'),
      blocks: [
        { type: 'heading', text: t('checkin.choose.heading') },
        { type: 'text', text: t('checkin.choose.text') },
        {
          type: 'buttons',
          buttons: open.map((o) => ({
            label: `${name(o.checkin.schoolId)} (${periodLabel(o.round.period)})`,
            verb: VERBS.open,
            data: { c: o.checkin.id },
          })),
        },
      ],
    },
  ];
}

export function checkinCommand(leaderStatus: (ctx: LinkedContext) => Promise<Reply>): Command {
  return {
    id: 'checkin',
    aliases: ['check-in', 'check in'],
    summary: "Open your school's compliance check-in (a couple of minutes)",
    usage: 'checkin',
    examples: ['checkin'],
    audience: ['senco', 'send-leader'],
    run: forLinked(async (ctx) => {
      if (ctx.actor.roles.some((r) => r.role === 'senco')) return openForSenco(ctx);
      return leaderStatus(ctx);
    }),
  };
}

/** Saves an answer from a button (value in `v`) or a form (`value`), with the optional note. */
async function answer(ctx: HandlerContext, data: Record<string, string>): Promise<Reply> {
  const found = await access(ctx, data.c);
  if (!found.ok) return found.reply;
  const view = found.view;
  const itemId = data.i ?? '';
  const item = findItem(view.checklist, itemId);
  if (!item || !view.checkin.itemIds.includes(itemId)) return [textMessage(t('checkin.unknownItem'))];
  // A two-number card sends its second number as `value2`.
  const raw = data.v ?? (data.value2 !== undefined ? `${data.value ?? ''} ${data.value2}` : data.value) ?? '';
  const parsed = parseAnswer(item, raw, view.today);
  if (!parsed.ok) return errorReply(view, itemId, parsed.error);
  const note = parseNote(data.note);
  if (!note.ok) return errorReply(view, itemId, note.error);
  const warning = await guardFreeText(ctx, view, 'answer', data, note.value);
  if (warning) return [{ summary: t('checkin.guard.summary'), blocks: [...warning, ...itemBlocks(view, itemId)] }];
  const record: CheckinAnswer = {
    checkinId: view.checkin.id,
    itemId,
    checklistVersion: view.checklist.version,
    value: parsed.value,
    note: note.value,
    followUp: null,
    source: 'answered',
    answeredBy: ctx.actor.personId,
    answeredAt: ctx.deps.clock.now(),
  };
  const saved = await ctx.deps.checkin.repo.saveAnswer(view.checkin.trustId, record);
  if (!saved.ok) return saved.error === 'closed' ? [closedMessage(view)] : [textMessage(t('checkin.notFound'))];
  const fresh = await reload(ctx, view);
  const stored = fresh.answers.find((a) => a.itemId === itemId);
  const asksFollowUp = needsFollowUp(item, parsed.value, view.today) && !(saved.value === 'unchanged' && stored?.followUp);
  const lead = [t(saved.value === 'unchanged' ? 'checkin.savedAlready' : 'checkin.saved')];
  if (asksFollowUp) return [followUpMessage(fresh, itemId, parsed.value, lead)];
  return stepAfter(ctx, fresh, itemId, lead);
}

async function followUp(ctx: HandlerContext, data: Record<string, string>): Promise<Reply> {
  const found = await access(ctx, data.c);
  if (!found.ok) return found.reply;
  const view = found.view;
  const itemId = data.i ?? '';
  if (!view.checkin.itemIds.includes(itemId)) return [textMessage(t('checkin.unknownItem'))];
  const parsed = parseFollowUp(data.help, data.by, view.today);
  if (!parsed.ok) {
    if (parsed.error === 'empty') return stepAfter(ctx, view, itemId, [t('checkin.skipped')]);
    const value = view.answers.find((a) => a.itemId === itemId)?.value ?? '';
    return [followUpMessage(view, itemId, value, [t(`checkin.error.${parsed.error}`)])];
  }
  const warning = await guardFreeText(ctx, view, 'followUp', data, parsed.value.help);
  if (warning) {
    const card = followUpMessage(view, itemId, view.answers.find((a) => a.itemId === itemId)?.value ?? '');
    return [{ summary: t('checkin.guard.summary'), blocks: [...warning, ...card.blocks] }];
  }
  const saved = await ctx.deps.checkin.repo.setFollowUp(view.checkin.trustId, view.checkin.id, itemId, parsed.value);
  if (!saved.ok) return saved.error === 'closed' ? [closedMessage(view)] : [textMessage(t('checkin.unknownItem'))];
  return stepAfter(ctx, await reload(ctx, view), itemId, [t('checkin.savedFollowUp')]);
}

/** Confirms every pre-filled answer still waiting, as "unchanged". */
async function confirmUnchanged(ctx: HandlerContext, data: Record<string, string>): Promise<Reply> {
  const found = await access(ctx, data.c);
  if (!found.ok) return found.reply;
  const view = found.view;
  const answered = new Set(view.answers.map((a) => a.itemId));
  const now = ctx.deps.clock.now();
  const records: CheckinAnswer[] = Object.entries(view.checkin.prefill)
    .filter(([itemId]) => !answered.has(itemId) && view.checkin.itemIds.includes(itemId))
    .map(([itemId, prefill]) => ({
      checkinId: view.checkin.id,
      itemId,
      checklistVersion: view.checklist.version,
      value: prefill.value,
      note: null,
      followUp: null,
      source: 'unchanged',
      answeredBy: ctx.actor.personId,
      answeredAt: now,
    }));
  const saved = records.length
    ? await ctx.deps.checkin.repo.saveAnswers(view.checkin.trustId, view.checkin.id, records)
    : { ok: true as const, value: 0 };
  if (!saved.ok) return saved.error === 'closed' ? [closedMessage(view)] : [textMessage(t('checkin.notFound'))];
  const lead = saved.value > 0 ? t('checkin.confirmed', { count: saved.value }) : t('checkin.savedAlready');
  return stepAfter(ctx, await reload(ctx, view), undefined, [lead]);
}

function action(verb: string, run: (ctx: HandlerContext, data: Record<string, string>) => Promise<Reply>): ActionHandler {
  return { verb, audience: SENCO, run };
}

export const sencoActions: ActionHandler[] = [
  action(VERBS.answer, answer),
  action(VERBS.followUp, followUp),
  action(VERBS.confirm, confirmUnchanged),
  action(NOTE_ANYWAY_VERB, async (ctx, data) => {
    const pending = await pendingSubmission(ctx, data.c);
    if (!pending) return [textMessage(t('checkin.guard.expired'))];
    return pending.kind === 'answer' ? answer(ctx, pending.data) : followUp(ctx, pending.data);
  }),
  action(VERBS.open, async (ctx, data) => {
    const found = await access(ctx, data.c);
    return found.ok ? stepAfter(ctx, found.view, undefined, []) : found.reply;
  }),
  action(VERBS.next, async (ctx, data) => {
    const found = await access(ctx, data.c);
    return found.ok ? stepAfter(ctx, found.view, data.i, []) : found.reply;
  }),
  action(VERBS.skip, async (ctx, data) => {
    const found = await access(ctx, data.c);
    return found.ok ? stepAfter(ctx, found.view, data.i, [t('checkin.skipped')]) : found.reply;
  }),
  action(VERBS.change, async (ctx, data) => {
    const found = await access(ctx, data.c);
    if (!found.ok) return found.reply;
    const itemId = data.i ?? data.item ?? '';
    if (!found.view.checkin.itemIds.includes(itemId)) return [textMessage(t('checkin.unknownItem'))];
    const blocks = itemBlocks(found.view, itemId);
    return [{ summary: findItem(found.view.checklist, itemId)?.question ?? '', blocks }];
  }),
  action(VERBS.review, async (ctx, data) => {
    const found = await access(ctx, data.c, { needOpen: false });
    if (!found.ok) return found.reply;
    return found.view.round.status === 'open' ? [reviewMessage(found.view)] : [closedMessage(found.view)];
  }),
];
