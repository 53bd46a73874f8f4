/**
 * The SENCO's sitting (issue 13): `selfeval` opens the next unfinished area at the first
 * unanswered statement (so it resumes anywhere, on either platform: answers and the step
 * live in the database). One tap rates a statement and shows the next one; a line of
 * evidence can be typed before tapping on; a weak rating asks once what would help. Free
 * text goes through the pupil-name guard before it is saved.
 */
import { textMessage, type Block, type Button, type OutboundMessage } from '../../core/message';
import { conversationKeyOf } from '../../core/conversation';
import type { ConversationState } from '../../core/ports';
import { checkPupilNames } from '../../core/privacy/pupil-name-guard';
import { findArea, findStatement, ratingLabel } from '../../core/selfeval/framework';
import { isRating, isWeak, RATINGS, type SelfEvalAnswer } from '../../core/selfeval/model';
import { areaProgress, schoolProgress } from '../../core/selfeval/progress';
import { t } from '../../i18n/en-GB';
import { endConversation, saveConversation } from '../conversations/engine';
import { forLinked, type LinkedContext } from '../linked';
import type { ActionHandler, Command, Conversation, HandlerContext, Reply } from '../registry';
import { loadSitting, openCycle, sencoSchoolIds, type SchoolSitting } from './load';
import { sendFinishedSummaries } from './summaries';
import { VERBS } from './verbs';

export { VERBS };

const SENCO = ['senco'] as const;
const MAX_TEXT = 500;

type Step = 'rating' | 'evidence' | 'help' | 'confirm';
interface SittingData {
  c: string;
  s: string;
  area: string;
  areaTitle: string;
  /** The statement typed text belongs to (evidence or help). */
  st?: string;
  /** In 'confirm': which field the flagged text is for, and the text. */
  field?: 'evidence' | 'help';
  text?: string;
}

export const sittingConversation: Conversation = {
  id: 'selfeval',
  describe: (state) => t('selfeval.describe', { area: String((state.data as unknown as SittingData).areaTitle ?? '') }),
  resume: t('selfeval.resume'),
  onText: (ctx, state, text) => onText(ctx, state, text),
};

async function save(ctx: HandlerContext, step: Step, data: SittingData): Promise<void> {
  await saveConversation(ctx, sittingConversation, step, data as unknown as Record<string, unknown>);
}

function ratingButtons(s: SchoolSitting, statementId: string): Button[] {
  return RATINGS.map((r) => ({
    label: ratingLabel(s.framework, r),
    verb: VERBS.rate,
    data: { c: s.cycle.id, s: s.schoolId, st: statementId, r },
  }));
}

/** The card for the next unanswered statement of the area, or the finish button when none is left. */
function nextCard(s: SchoolSitting, areaId: string, lead: string[], withEvidenceOffer: boolean, withWho = false): OutboundMessage {
  const area = findArea(s.framework, areaId)!;
  const progress = areaProgress(s.framework, areaId, s.answers)!;
  const blocks: Block[] = [];
  const leadLines = [...lead];
  if (!progress.next) {
    if (withEvidenceOffer) leadLines.push(t('selfeval.evidenceOfferLast'));
    if (leadLines.length) blocks.push({ type: 'text', text: leadLines.join('\n') });
    blocks.push({
      type: 'buttons',
      buttons: [{ label: t('selfeval.finish'), verb: VERBS.finish, data: { c: s.cycle.id, s: s.schoolId, a: areaId }, style: 'primary' }],
    });
    return { summary: leadLines[0] ?? t('selfeval.finish'), blocks };
  }
  if (withEvidenceOffer) leadLines.push(t('selfeval.evidenceOffer'));
  if (withWho) blocks.push({ type: 'text', text: t('selfeval.who'), muted: true });
  if (leadLines.length) blocks.push({ type: 'text', text: leadLines.join('\n') });
  const statement = area.statements[progress.next.number - 1]!;
  const progressText = t('selfeval.progress', {
    area: progress.areaNumber,
    areas: progress.areaCount,
    statement: progress.next.number,
    statements: progress.total,
  });
  blocks.push({ type: 'text', text: progressText, muted: true });
  if (progress.next.number === 1) blocks.push({ type: 'text', text: t('selfeval.areaIntro', { area: area.title, intro: area.intro }) });
  blocks.push({ type: 'heading', text: statement.text });
  const before = s.previous.find((a) => a.statementId === statement.id);
  if (before)
    blocks.push({ type: 'text', text: t('selfeval.lastCycle', { rating: ratingLabel(s.framework, before.rating) }), muted: true });
  blocks.push({ type: 'text', text: s.framework.ratings.map((r) => `**${r.label}**: ${r.descriptor}`).join('\n'), muted: true });
  blocks.push({ type: 'buttons', buttons: ratingButtons(s, statement.id) });
  return { summary: `${progressText}: ${statement.text}`, blocks };
}

/** A SENCO of several schools is asked once per sitting: the choice is kept until the area is finished, or half a day. */
const CHOICE_TTL_MS = 12 * 60 * 60 * 1000;
const choiceKey = (personId: string) => `selfeval-school:${personId}`;

/**
 * The school a SENCO of several chose earlier in this sitting. Kept beside the conversation
 * (not in it): typing `selfeval` is a command, and a command ends the running conversation first.
 */
async function rememberedSchool(ctx: LinkedContext, mine: readonly string[]): Promise<string | undefined> {
  const s = (await ctx.deps.state.get(choiceKey(ctx.actor.personId)))?.data.s;
  return typeof s === 'string' && mine.includes(s) ? s : undefined;
}

async function rememberSchool(ctx: LinkedContext, schoolId: string): Promise<void> {
  await ctx.deps.state.set(
    choiceKey(ctx.actor.personId),
    { flow: 'selfeval-school', step: 'chosen', data: { s: schoolId } },
    CHOICE_TTL_MS,
  );
}

/** A SENCO of several schools picks which one to evaluate, once per sitting. */
async function chooseSchool(ctx: LinkedContext, mine: readonly string[]): Promise<OutboundMessage> {
  const schools = await ctx.deps.roster.repo.listSchools(ctx.actor.trustId);
  const named = mine.flatMap((id) => schools.filter((s) => s.id === id));
  return {
    summary: t('selfeval.choose'),
    blocks: [
      { type: 'text', text: t('selfeval.choose') },
      { type: 'buttons', buttons: named.map((school) => ({ label: school.name, verb: VERBS.begin, data: { s: school.id } })) },
    ],
  };
}

async function refuseOtherSchool(ctx: HandlerContext, schoolId: string): Promise<Reply> {
  await ctx.deps.audit.record({
    trustId: ctx.actor.trustId,
    actorId: ctx.actor.personId,
    action: 'selfeval.refused',
    subject: schoolId,
    details: { reason: 'other-school' },
  });
  return [textMessage(t('selfeval.otherSchool'))];
}

/**
 * `selfeval`: the next unfinished area, at the first unanswered statement. A SENCO of several
 * schools is asked which one first (or names it with the button's `chosen`).
 */
async function start(ctx: LinkedContext, chosen?: string): Promise<Reply> {
  const trustId = ctx.actor.trustId;
  const mine = sencoSchoolIds(ctx.actor);
  if (mine.length === 0) return [textMessage(t('selfeval.noSchool'))];
  if (chosen && !mine.includes(chosen)) return refuseOtherSchool(ctx, chosen);
  const cycle = await openCycle(ctx, trustId);
  if (!cycle) return [textMessage(t('selfeval.noCycle'))];
  const schoolId = chosen ?? (mine.length === 1 ? mine[0] : await rememberedSchool(ctx, mine));
  if (!schoolId) return [await chooseSchool(ctx, mine)];
  if (chosen && mine.length > 1) await rememberSchool(ctx, chosen);
  const s = await loadSitting(ctx, trustId, cycle, schoolId);
  if (!s) return [textMessage(t('selfeval.noSchool'))];
  // Finished areas whose summary has not gone yet (left without tapping Finish) go now.
  await sendFinishedSummaries(ctx, s);
  const next = schoolProgress(s.framework, s.answers).nextAreaId;
  if (!next) {
    await endConversation(ctx);
    return [textMessage(t('selfeval.allDone', { cycle: cycle.label }))];
  }
  const area = findArea(s.framework, next)!;
  await save(ctx, 'rating', { c: cycle.id, s: schoolId, area: next, areaTitle: area.title });
  const lead = mine.length > 1 ? [t('selfeval.evaluating', { school: s.schoolName })] : [];
  return [nextCard(s, next, lead, false, true)];
}

export const selfevalCommand: Command = {
  id: 'selfeval',
  aliases: ['self evaluation', 'self-evaluation'],
  summary: t('selfeval.cmd.summary'),
  examples: ['selfeval'],
  audience: SENCO,
  dataRule: 'own school only',
  run: forLinked((ctx) => start(ctx)),
};

/** The Start button on the invitation, the school choice, nudges and Home: `s` names the school. */
const beginAction: ActionHandler = {
  verb: VERBS.begin,
  audience: SENCO,
  dataRule: 'own school only',
  run: forLinked((ctx, data: Record<string, string>) => start(ctx, data.s || undefined)),
};

type Access = { ok: true; s: SchoolSitting } | { ok: false; reply: Reply };

/** The sitting a button or message names, if this person may answer it now. */
async function access(ctx: HandlerContext, cycleId: string | undefined, schoolId: string | undefined): Promise<Access> {
  const trustId = ctx.actor.trustId;
  if (!trustId || !cycleId || !schoolId) return { ok: false, reply: [textMessage(t('selfeval.badButton'))] };
  if (!sencoSchoolIds(ctx.actor).includes(schoolId)) return { ok: false, reply: await refuseOtherSchool(ctx, schoolId) };
  const cycle = await ctx.deps.selfeval.repo.getCycle(trustId, cycleId);
  if (!cycle) return { ok: false, reply: [textMessage(t('selfeval.badButton'))] };
  if (cycle.status !== 'open') return { ok: false, reply: [textMessage(t('selfeval.closed'))] };
  const s = await loadSitting(ctx, trustId, cycle, schoolId);
  return s ? { ok: true, s } : { ok: false, reply: [textMessage(t('selfeval.badButton'))] };
}

async function saveAnswer(ctx: HandlerContext, s: SchoolSitting, answer: SelfEvalAnswer): Promise<Reply | null> {
  const saved = await ctx.deps.selfeval.repo.saveAnswer(s.trustId, answer);
  if (!saved.ok) return [textMessage(t(saved.error === 'closed' ? 'selfeval.closed' : 'selfeval.badButton'))];
  s.answers = [...s.answers.filter((a) => a.statementId !== answer.statementId), answer];
  return null;
}

function areaOfStatement(s: SchoolSitting, statementId: string): { id: string; title: string } | null {
  const found = findStatement(s.framework, statementId);
  return found ? { id: found.area.id, title: found.area.title } : null;
}

const rateAction: ActionHandler = {
  verb: VERBS.rate,
  audience: SENCO,
  dataRule: 'own school only',
  run: async (ctx, data) => {
    const got = await access(ctx, data.c, data.s);
    if (!got.ok) return got.reply;
    const s = got.s;
    const area = data.st ? areaOfStatement(s, data.st) : null;
    if (!area || !data.r || !isRating(data.r)) return [textMessage(t('selfeval.badButton'))];
    const existing = s.answers.find((a) => a.statementId === data.st);
    // A second tap of the same rating keeps the evidence and help already given.
    const keep = existing && existing.rating === data.r;
    const failed = await saveAnswer(ctx, s, {
      cycleId: s.cycle.id,
      schoolId: s.schoolId,
      statementId: data.st!,
      frameworkVersion: s.framework.version,
      rating: data.r,
      evidence: keep ? existing.evidence : null,
      help: keep || !isWeak(data.r) ? (existing?.help ?? null) : null,
      answeredBy: ctx.actor.personId,
      answeredAt: ctx.deps.clock.now(),
    });
    if (failed) return failed;
    const base = { c: s.cycle.id, s: s.schoolId, area: area.id, areaTitle: area.title, st: data.st! };
    const saved = t('selfeval.ratingSaved', { rating: ratingLabel(s.framework, data.r) });
    if (isWeak(data.r)) {
      await save(ctx, 'help', base);
      const statement = findStatement(s.framework, data.st!)!.statement;
      return [
        {
          summary: statement.helpPrompt,
          blocks: [
            { type: 'text', text: `${saved}\n${t('selfeval.help.ask', { prompt: statement.helpPrompt })}` },
            {
              type: 'buttons',
              buttons: [{ label: t('selfeval.skip'), verb: VERBS.skip, data: { c: s.cycle.id, s: s.schoolId, st: data.st! } }],
            },
          ],
        },
      ];
    }
    await save(ctx, 'evidence', base);
    return [nextCard(s, area.id, [saved], true)];
  },
};

const skipAction: ActionHandler = {
  verb: VERBS.skip,
  audience: SENCO,
  dataRule: 'own school only',
  run: async (ctx, data) => {
    const got = await access(ctx, data.c, data.s);
    if (!got.ok) return got.reply;
    const area = data.st ? areaOfStatement(got.s, data.st) : null;
    if (!area) return [textMessage(t('selfeval.badButton'))];
    await save(ctx, 'evidence', { c: got.s.cycle.id, s: got.s.schoolId, area: area.id, areaTitle: area.title, st: data.st });
    return [nextCard(got.s, area.id, [], true)];
  },
};

const finishAction: ActionHandler = {
  verb: VERBS.finish,
  audience: SENCO,
  dataRule: 'own school only',
  run: async (ctx, data) => {
    const got = await access(ctx, data.c, data.a ? data.s : undefined);
    if (!got.ok) return got.reply;
    const s = got.s;
    const progress = areaProgress(s.framework, data.a!, s.answers);
    if (!progress) return [textMessage(t('selfeval.badButton'))];
    if (!progress.complete) return [nextCard(s, progress.areaId, [], false)];
    await endConversation(ctx);
    if (ctx.actor.personId) await ctx.deps.state.clear(choiceKey(ctx.actor.personId));
    await sendFinishedSummaries(ctx, s);
    const done = schoolProgress(s.framework, s.answers).areas.filter((a) => a.complete).length;
    if (done === s.framework.areas.length) return [textMessage(t('selfeval.allDone', { cycle: s.cycle.label }))];
    return [
      textMessage(t('selfeval.areaDone', { area: findArea(s.framework, progress.areaId)!.title, done, areas: s.framework.areas.length })),
    ];
  },
};

/** Saves typed evidence or help (after the guard, or with "save anyway") and moves on. */
async function saveText(ctx: HandlerContext, s: SchoolSitting, d: SittingData, field: 'evidence' | 'help', text: string): Promise<Reply> {
  const existing = s.answers.find((a) => a.statementId === d.st);
  if (!existing) return [nextCard(s, d.area, [t('selfeval.tapRating')], false)];
  const failed = await saveAnswer(ctx, s, { ...existing, [field]: text.slice(0, MAX_TEXT) });
  if (failed) return failed;
  const base = { c: d.c, s: d.s, area: d.area, areaTitle: d.areaTitle };
  if (field === 'help') {
    await save(ctx, 'evidence', { ...base, st: d.st });
    return [nextCard(s, d.area, [t('selfeval.typed.saved')], true)];
  }
  await save(ctx, 'rating', base);
  return [nextCard(s, d.area, [t('selfeval.typed.saved')], false)];
}

async function onText(ctx: HandlerContext, state: ConversationState, text: string): Promise<Reply> {
  const d = state.data as unknown as SittingData;
  const got = await access(ctx, d.c, d.s);
  if (!got.ok) {
    await endConversation(ctx);
    return got.reply;
  }
  const step = state.step as Step;
  const field = step === 'confirm' ? d.field : step === 'evidence' || step === 'help' ? step : undefined;
  if (!field || !d.st) return [nextCard(got.s, d.area, [t('selfeval.tapRating')], false)];
  const check = checkPupilNames(text);
  if (check.flagged) {
    await save(ctx, 'confirm', { c: d.c, s: d.s, area: d.area, areaTitle: d.areaTitle, st: d.st, field, text });
    const names = [...new Set(check.hits.map((h) => h.name))].join(', ');
    return [
      {
        summary: t('selfeval.guard.warn', { names }),
        blocks: [
          { type: 'text', text: t('selfeval.guard.warn', { names }) },
          { type: 'buttons', buttons: [{ label: t('selfeval.guard.saveAnyway'), verb: VERBS.saveAnyway, data: { c: d.c, s: d.s } }] },
        ],
      },
    ];
  }
  return saveText(ctx, got.s, d, field, text);
}

const saveAnywayAction: ActionHandler = {
  verb: VERBS.saveAnyway,
  audience: SENCO,
  dataRule: 'own school only',
  run: async (ctx, data) => {
    const got = await access(ctx, data.c, data.s);
    if (!got.ok) return got.reply;
    const current = await ctx.deps.state.get(conversationKeyOf(ctx.actor));
    const d = current?.data as unknown as SittingData | undefined;
    if (!current || current.flow !== sittingConversation.id || current.step !== 'confirm' || !d?.field || !d.text)
      return [textMessage(t('selfeval.badButton'))];
    return saveText(ctx, got.s, d, d.field, d.text);
  },
};

export const sencoActions: ActionHandler[] = [beginAction, rateAction, skipAction, finishAction, saveAnywayAction];
