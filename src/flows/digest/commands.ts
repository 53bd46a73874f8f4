/**
 * `digest` on demand for SEND leaders and trust leaders, one-tap subscribe and unsubscribe,
 * the trust's schedule, and the digest's buttons: a school's figures and the full document.
 */
import { EXPENSIVE } from '../../core/rate-limit-port';
import { mondayOf, parseWeeklyRule } from '../../calendar';
import { londonDate } from '../../core/dates';
import type { DigestAudience } from '../../core/digest/model';
import { hasRole } from '../../core/model';
import { outboundFile, textMessage, type OutboundMessage } from '../../core/message';
import { digestDocument } from '../../digest/weekly/digest-document';
import { dueLines } from '../../digest/weekly/compliance-section';
import { DIGEST_VERBS } from '../../digest/weekly/digest-message';
import { formatDate } from '../../core/dates';
import { t } from '../../i18n/en-GB';
import { forLinked, type LinkedContext } from '../linked';
import type { ActionHandler, Command, Reply } from '../registry';
import { roundFacts } from '../checkin/rounds';
import { answerLabel, periodLabel } from '../checkin/text';
import { findItem } from '../../core/checkin/checklist';
import { audienceOf, buildDigestView, chartFiles, digestFor, isSubscribed, SUBSCRIBE_VERBS } from './build';
import { reportedRound } from './compliance';
import { DIGEST_SHOW_VERB } from './home-section';
import { DEFAULT_DIGEST, describeSchedule } from './schedule';
import type { DigestSectionProvider } from './section-provider';
import './deps';

const READERS = ['send-leader', 'trust-leader'] as const;

function weekOfNow(ctx: LinkedContext): string {
  return mondayOf(londonDate(ctx.deps.clock.now()));
}

function audience(ctx: LinkedContext): DigestAudience {
  return audienceOf(ctx.actor.roles) ?? 'trust-leader';
}

/** A week from a button: a real Monday, or it is ignored (this week is shown). */
function isMonday(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  try {
    return mondayOf(date) === date;
  } catch {
    return false;
  }
}

/** The digest of a week (this week's by default; Home's button names the week it was sent). */
async function showDigest(ctx: LinkedContext, providers: readonly DigestSectionProvider[], week?: string): Promise<Reply> {
  const { trustId, personId } = ctx.actor;
  const weekOf = week && isMonday(week) ? week : weekOfNow(ctx);
  const view = await buildDigestView(ctx.deps, providers, { trustId, weekOf, audience: audience(ctx), record: false });
  const choices = await ctx.deps.digest.repo.choices(trustId);
  return [digestFor(view, ctx.actor.platform, isSubscribed({ id: personId, roles: ctx.actor.roles }, choices))];
}

async function choose(ctx: LinkedContext, subscribed: boolean): Promise<Reply> {
  const { trustId, personId } = ctx.actor;
  await ctx.deps.digest.repo.choose(trustId, personId, subscribed, ctx.deps.clock.now());
  if (!subscribed) return [textMessage(t('digest.unsubscribed'))];
  const settings = (await ctx.deps.digest.repo.settings(trustId)) ?? DEFAULT_DIGEST;
  return [textMessage(t('digest.subscribed', { when: describeSchedule(settings) }))];
}

/** `digest schedule Mondays at 08:00`, `digest holidays on|off`: the SEND leader's choice for the trust. */
async function setSchedule(ctx: LinkedContext, words: string[]): Promise<Reply> {
  if (!hasRole(ctx.actor, 'send-leader')) return [textMessage(t('digest.schedule.leadersOnly'))];
  const { trustId } = ctx.actor;
  const current = (await ctx.deps.digest.repo.settings(trustId)) ?? DEFAULT_DIGEST;
  let next: typeof current;
  if (words[0] === 'holidays') {
    if (words[1] !== 'on' && words[1] !== 'off') return [textMessage(t('digest.usage'))];
    next = { ...current, holidays: words[1] === 'on' };
  } else {
    const parsed = parseWeeklyRule(words.slice(1).join(' '));
    if (!parsed.ok) return [textMessage(t('digest.schedule.badRule', { error: parsed.error }))];
    if (parsed.rule.weekdays.length !== 1) return [textMessage(t('digest.schedule.oneDay'))];
    next = { ...current, rule: words.slice(1).join(' ') };
  }
  await ctx.deps.digest.repo.saveSettings(trustId, next, ctx.deps.clock.now());
  await ctx.deps.audit.record({ trustId, actorId: ctx.actor.personId, action: 'digest.settings', subject: trustId, details: { ...next } });
  return [textMessage(t('digest.schedule.saved', { when: describeSchedule(next) }))];
}

export function digestCommand(providers: () => readonly DigestSectionProvider[]): Command {
  return {
    id: 'digest',
    aliases: ['weekly digest'],
    summary: t('digest.command.summary'),
    usage: t('digest.command.usage'),
    examples: ['digest', 'digest unsubscribe', 'digest schedule Mondays at 08:00'],
    audience: READERS,
    dataRule: 'own trust; trust leaders see school-level figures only; schedule: SEND leaders',
    // Building the digest on demand reads the whole trust; its settings do not.
    rateLimit: { ...EXPENSIVE, when: (args) => args.trim() === '' },
    run: forLinked(async (ctx, args) => {
      const words = args.toLowerCase().split(/\s+/).filter(Boolean);
      if (words.length === 0) return showDigest(ctx, providers());
      if (words[0] === 'subscribe' && words.length === 1) return choose(ctx, true);
      if (words[0] === 'unsubscribe' && words.length === 1) return choose(ctx, false);
      if (words[0] === 'schedule' || words[0] === 'holidays') return setSchedule(ctx, words);
      return [textMessage(t('digest.usage'))];
    }),
  };
}

/** A school from the digest: its check-in figures; the answers themselves only for the SEND leader. */
async function schoolFigures(ctx: LinkedContext, schoolId: string | undefined): Promise<Reply> {
  const { trustId } = ctx.actor;
  const school = (await ctx.deps.roster.repo.listSchools(trustId)).find((s) => s.id === schoolId);
  if (!school) return [textMessage(t('digest.school.notFound'))];
  const round = reportedRound(await ctx.deps.checkin.repo.listRounds(trustId, 12));
  if (!round) return [textMessage(t('digest.school.noRound', { school: school.name }))];
  const { summary } = await roundFacts(ctx.deps, round);
  const row = summary.completion.find((r) => r.schoolId === school.id);
  const concerns = summary.concerns.filter((c) => c.schoolName === school.name);
  const { overdue, soon } = dueLines({ due: summary.dueSoon.filter((d) => d.schoolName === school.name) });
  const lines = [
    !row || row.missing
      ? t('digest.school.missing')
      : t('digest.school.progress', {
          answered: row.answered,
          total: row.total,
          finished: row.complete ? t('digest.school.finished') : '',
        }),
    concerns.length > 0 ? t('digest.school.open', { count: concerns.length }) : t('digest.school.noneOpen'),
    ...overdue,
    ...soon,
  ];
  if (audience(ctx) === 'send-leader' && concerns.length > 0) {
    const checklist = await ctx.deps.checkin.repo.checklistVersion(trustId, round.checklistVersion);
    for (const c of concerns) {
      const item = checklist ? findItem(checklist, c.itemId) : undefined;
      lines.push(t('digest.school.concern', { question: c.question, answer: answerLabel(item, c.value) }));
    }
  }
  const title = t('digest.school.title', { school: school.name, period: periodLabel(round.period) });
  const message: OutboundMessage = {
    summary: `${title}: ${lines[0]}`,
    blocks: [
      { type: 'heading', text: title },
      { type: 'text', text: lines.map((l) => `• ${l}`).join('\n') },
    ],
  };
  return [message];
}

async function sendDocument(ctx: LinkedContext, providers: readonly DigestSectionProvider[]): Promise<Reply> {
  const weekOf = weekOfNow(ctx);
  const view = await buildDigestView(ctx.deps, providers, { trustId: ctx.actor.trustId, weekOf, audience: audience(ctx), record: false });
  const files = [outboundFile(t('digest.document.name', { date: weekOf }), 'text/markdown', digestDocument(view)), ...chartFiles(view)];
  const text = t('digest.document.sent', { date: formatDate(weekOf) });
  return [{ summary: text, blocks: [{ type: 'text', text }], files }];
}

export function digestActions(providers: () => readonly DigestSectionProvider[]): ActionHandler[] {
  return [
    {
      verb: DIGEST_VERBS.school,
      audience: READERS,
      dataRule: 'a school of their own trust; trust leaders see figures only',
      run: forLinked((ctx, data: Record<string, string>) => schoolFigures(ctx, data.s)),
    },
    {
      verb: DIGEST_SHOW_VERB,
      audience: READERS,
      dataRule: 'own trust; a week named by Home',
      run: forLinked((ctx, data: Record<string, string>) => showDigest(ctx, providers(), data.w)),
    },
    { verb: DIGEST_VERBS.document, audience: READERS, dataRule: 'own trust', run: forLinked((ctx) => sendDocument(ctx, providers())) },
    { verb: SUBSCRIBE_VERBS.subscribe, audience: READERS, run: forLinked((ctx) => choose(ctx, true)) },
    { verb: SUBSCRIBE_VERBS.unsubscribe, audience: READERS, run: forLinked((ctx) => choose(ctx, false)) },
  ];
}
