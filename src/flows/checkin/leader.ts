/**
 * The MAT SEND leader's side: start or schedule a round, preview a school, live status,
 * remind those not finished (one tap, confirmed), close with the summary, export as CSV.
 * Bulk sends are confirmed first; a second press of a confirm button changes nothing.
 */
import { EXPENSIVE, type RateLimit } from '../../core/rate-limit-port';
import { parseWeeklyRule, type WeeklyRule } from '../../calendar';
import { findItem } from '../../core/checkin/checklist';
import { prefillFor, selectDueItems } from '../../core/checkin/due';
import { answersCsv, type ExportRow } from '../../core/checkin/export-csv';
import type { Cadence, CheckinRound, Checklist } from '../../core/checkin/model';
import { londonDate } from '../../core/dates';
import { outboundFile, textMessage, type Block, type OutboundMessage } from '../../core/message';
import { completionBlocks } from '../../digest/checkin-summary';
import { offsetOf } from '../paging';
import { plural, t } from '../../i18n/en-GB';
import { forLinked, type LinkedContext } from '../linked';
import type { ActionHandler, Command, Reply } from '../registry';
import { unreachedLines } from '../campaigns/reach-text';
import { closeAndSummarise, previewRound, remindStragglers, roundFacts, roundProgress, startRound, stragglers } from './rounds';
import { DEFAULT_RULE, planRound } from './schedule';
import type { CheckinSvc } from './services';
import { answerLabel, formatInstant, periodLabel } from './text';
import { sencoFacts, sencosOf } from './view';

const LEADER = ['send-leader'] as const;

export const LEADER_VERBS = {
  start: 'checkin.round.start',
  dismiss: 'checkin.round.dismiss',
  remind: 'checkin.remind.send',
  close: 'checkin.close.send',
  remindAsk: 'checkin.remind.ask',
  closeAsk: 'checkin.close.ask',
} as const;

/** "1 of 22 schools has finished", "2 of 22 schools have finished": the verb follows the count. */
function schoolsHave(complete: number): string {
  return complete === 1 ? 'schools has' : 'schools have';
}

/** Rounds to show: the open one, else the next scheduled, else the latest closed. */
export async function currentRound(svc: CheckinSvc, trustId: string): Promise<CheckinRound | null> {
  const rounds = await svc.checkin.repo.listRounds(trustId, 12);
  const open = rounds.find((r) => r.status === 'open');
  if (open) return open;
  const scheduled = rounds.filter((r) => r.status === 'scheduled').sort((a, b) => a.opensAt.getTime() - b.opensAt.getTime())[0];
  return scheduled ?? rounds.find((r) => r.status === 'closed') ?? null;
}

async function openRoundOf(ctx: LinkedContext, roundId: string | undefined): Promise<CheckinRound | null> {
  const round = roundId ? await ctx.deps.checkin.repo.getRound(ctx.actor.trustId, roundId) : null;
  return round && round.status === 'open' ? round : null;
}

function cadenceOf(words: string[], fallback: Cadence): { cadence: Cadence; rest: string[] } {
  const rest = [...words];
  let cadence = fallback;
  const joined = rest.join(' ');
  if (/\bhalf[- ]termly\b/.test(joined)) cadence = 'half-termly';
  else if (/\btermly\b/.test(joined)) cadence = 'termly';
  const cleaned = joined.replace(/\bhalf[- ]termly\b|\btermly\b/g, ' ').trim();
  return { cadence, rest: cleaned ? cleaned.split(/\s+/) : [] };
}

/** `checkin round start [now | <day> <time>] [termly | half-termly]`, `checkin round cancel`. */
async function roundCommand(ctx: LinkedContext, args: string): Promise<Reply> {
  const trustId = ctx.actor.trustId;
  const words = args.toLowerCase().split(/\s+/).filter(Boolean);
  if (words[0] === 'cancel') return cancelScheduled(ctx);
  if (words[0] !== 'start') return [textMessage(t('checkin.round.usage'))];
  const settings = await ctx.deps.checkin.repo.settings(trustId);
  const { cadence, rest } = cadenceOf(words.slice(1), settings.cadence);
  const ruleText =
    rest.length === 0 || (rest.length === 1 && rest[0] === 'now')
      ? null
      : args
          .trim()
          .replace(/^start\s+/i, '')
          .replace(/\bhalf[- ]termly\b|\btermly\b/gi, '')
          .trim();
  let rule: WeeklyRule | null = null;
  if (ruleText) {
    const parsed = parseWeeklyRule(ruleText);
    if (!parsed.ok) return [textMessage(t('checkin.round.badRule', { error: parsed.error }))];
    rule = parsed.rule;
  }
  const preview = await previewRound(ctx.deps, trustId, cadence, rule);
  if (!preview.ok) return [textMessage(t('checkin.round.noTerm'))];
  const { plan, schools, sencos, missing } = preview.value;
  const period = periodLabel(plan.period);
  const blocks: Block[] = [
    { type: 'heading', text: t('checkin.round.previewTitle', { period }) },
    {
      type: 'text',
      text: rule
        ? t('checkin.round.previewScheduled', { opens: formatInstant(plan.opensAt), closes: formatInstant(plan.closesAt) })
        : t('checkin.round.previewNow', { closes: formatInstant(plan.closesAt) }),
    },
    {
      type: 'text',
      text: t('checkin.round.previewSchools', { schools: plural(schools.length, 'school'), sencos: plural(sencos, 'SENCO') }),
    },
  ];
  if (missing.length) blocks.push({ type: 'text', text: t('checkin.round.previewMissing', { schools: missing.join(', ') }), muted: true });
  blocks.push({
    type: 'text',
    text: t('checkin.round.previewCadence', {
      cadence: t(`checkin.round.cadence.${cadence}`),
      rule: ruleText ?? settings.rule ?? DEFAULT_RULE,
    }),
    muted: true,
  });
  blocks.push({
    type: 'buttons',
    buttons: [
      {
        label: t(rule ? 'checkin.round.confirmScheduled' : 'checkin.round.confirm'),
        verb: LEADER_VERBS.start,
        data: { cadence, rule: ruleText ?? '' },
        style: 'primary',
      },
      { label: t('checkin.round.cancel'), verb: LEADER_VERBS.dismiss },
    ],
  });
  return [{ summary: t('checkin.round.previewTitle', { period }), blocks }];
}

async function cancelScheduled(ctx: LinkedContext): Promise<Reply> {
  const trustId = ctx.actor.trustId;
  const scheduled = (await ctx.deps.checkin.repo.listRounds(trustId, 12)).filter((r) => r.status === 'scheduled');
  for (const round of scheduled) {
    if (await ctx.deps.checkin.repo.cancelRound(trustId, round.id)) {
      await ctx.deps.audit.record({ trustId, actorId: ctx.actor.personId, action: 'checkin.round.cancel', subject: round.id });
      return [textMessage(t('checkin.round.dropped', { period: periodLabel(round.period), opens: formatInstant(round.opensAt) }))];
    }
  }
  return [textMessage(t('checkin.round.nothingToCancel'))];
}

async function confirmStart(ctx: LinkedContext, data: Record<string, string>): Promise<Reply> {
  const cadence: Cadence = data.cadence === 'half-termly' ? 'half-termly' : 'termly';
  const ruleText = data.rule?.trim() || null;
  if (ruleText && !parseWeeklyRule(ruleText).ok) return [textMessage(t('checkin.round.usage'))];
  const started = await startRound(ctx.deps, ctx.actor.trustId, ctx.actor.personId, { cadence, ruleText });
  if (!started.ok) {
    if (started.error === 'no-term') return [textMessage(t('checkin.round.noTerm'))];
    const existing = started.existing;
    return [
      textMessage(
        existing
          ? t('checkin.round.exists', { period: periodLabel(existing.period), status: t(`checkin.round.status.${existing.status}`) })
          : t('checkin.round.usage'),
      ),
    ];
  }
  const { round, invited } = started.value;
  if (round.status === 'open')
    return withUnreached(ctx, round, t('checkin.round.started', { period: periodLabel(round.period), sencos: plural(invited, 'SENCO') }));
  return [
    textMessage(
      t('checkin.round.scheduled', {
        period: periodLabel(round.period),
        opens: formatInstant(round.opensAt),
        closes: formatInstant(round.closesAt),
      }),
    ),
  ];
}

/** Live completion of the current round, with one-tap remind and close. */
export async function statusReply(ctx: LinkedContext, offset = 0): Promise<Reply> {
  const trustId = ctx.actor.trustId;
  const round = await currentRound(ctx.deps, trustId);
  if (!round) return [textMessage(t('checkin.round.none'))];
  const period = periodLabel(round.period);
  const title = t('checkin.status.title', { period, status: t(`checkin.round.status.${round.status}`) });
  const dates =
    round.status === 'scheduled'
      ? t('checkin.status.datesScheduled', { opens: formatInstant(round.opensAt), closes: formatInstant(round.closesAt) })
      : round.status === 'open'
        ? t('checkin.status.dates', { opens: formatInstant(round.openedAt ?? round.opensAt), closes: formatInstant(round.closesAt) })
        : t('checkin.status.datesClosed', { closes: formatInstant(round.closedAt ?? round.closesAt) });
  const blocks: Block[] = [
    { type: 'heading', text: title },
    { type: 'text', text: dates },
  ];
  if (round.status !== 'scheduled') {
    const { summary } = await roundFacts(ctx.deps, round);
    blocks.push(
      {
        type: 'text',
        text: t('checkin.status.count', {
          complete: summary.complete,
          schools: summary.schools,
          schoolsHave: schoolsHave(summary.complete),
        }),
      },
      ...completionBlocks(summary, offset, { label: t('list.more'), verb: 'checkin.status.page' }),
    );
  }
  // Who could not be messaged, and why: only while answers can still come in.
  if (round.status === 'open') {
    for (const text of unreachedLines(await roundProgress(ctx.deps, round))) blocks.push({ type: 'text', text, muted: true });
  }
  const next = (await ctx.deps.checkin.repo.listRounds(trustId, 12)).find((r) => r.status === 'scheduled' && r.id !== round.id);
  if (next)
    blocks.push({
      type: 'text',
      text: t('checkin.status.next', { period: periodLabel(next.period), opens: formatInstant(next.opensAt) }),
      muted: true,
    });
  if (round.status === 'open') {
    blocks.push({
      type: 'buttons',
      buttons: [
        { label: t('checkin.status.remind'), verb: LEADER_VERBS.remindAsk, data: { r: round.id } },
        { label: t('checkin.status.close'), verb: LEADER_VERBS.closeAsk, data: { r: round.id } },
      ],
    });
  }
  return [{ summary: `${title}. ${dates}`, blocks }];
}

async function remindAsk(ctx: LinkedContext, roundId: string | undefined): Promise<Reply> {
  const round = roundId ? await openRoundOf(ctx, roundId) : await openCurrent(ctx);
  if (!round) return [textMessage(t('checkin.noOpenRound'))];
  const waiting = await stragglers(ctx.deps, round);
  if (waiting.length === 0) return [textMessage(t('checkin.remindAll.none'))];
  const count = new Set(waiting.flatMap((w) => w.people.map((p) => p.id))).size;
  const title = t('checkin.remindAll.title', { sencos: plural(count, 'SENCO') });
  return [
    {
      summary: title,
      blocks: [
        { type: 'heading', text: title },
        { type: 'text', text: t('checkin.remindAll.text', { schools: waiting.map((w) => w.schoolName).join(', ') }) },
        // Said before the press, so "Remind 22" followed by "queued for 1" is no surprise.
        ...unreachedLines(await roundProgress(ctx.deps, round)).map((text) => ({ type: 'text' as const, text, muted: true })),
        {
          type: 'buttons',
          buttons: [
            { label: t('checkin.remindAll.confirm'), verb: LEADER_VERBS.remind, data: { r: round.id }, style: 'primary' },
            { label: t('checkin.round.cancel'), verb: LEADER_VERBS.dismiss },
          ],
        },
      ],
    },
  ];
}

async function openCurrent(ctx: LinkedContext): Promise<CheckinRound | null> {
  const round = await currentRound(ctx.deps, ctx.actor.trustId);
  return round?.status === 'open' ? round : null;
}

async function remindSend(ctx: LinkedContext, data: Record<string, string>): Promise<Reply> {
  const round = await openRoundOf(ctx, data.r);
  if (!round) return [textMessage(t('checkin.noOpenRound'))];
  // One manual reminder per person per day, however often the button is pressed.
  const sent = await remindStragglers(ctx.deps, round, `manual-${londonDate(ctx.deps.clock.now())}`);
  // The audit row records the reminders, so only the press that queued them writes one.
  if (sent.queued > 0)
    await ctx.deps.audit.record({
      trustId: round.trustId,
      actorId: ctx.actor.personId,
      action: 'checkin.remind',
      subject: round.id,
      details: { queued: sent.queued },
    });
  if (sent.queued === 0 && sent.duplicates > 0) return [textMessage(t('checkin.remindAll.already'))];
  if (sent.queued === 0) {
    // Nobody queued is not "everyone has finished" when some have not: they cannot be reached.
    const waiting = await stragglers(ctx.deps, round);
    if (waiting.length === 0) return [textMessage(t('checkin.remindAll.none'))];
    return withUnreached(ctx, round, t('checkin.remindAll.noneReachable'));
  }
  return withUnreached(ctx, round, t('checkin.remindAll.sent', { sencos: plural(sent.queued, 'SENCO') }));
}

/** A reply, then who could not be messaged, why and what to do (`reach`), when anyone. */
async function withUnreached(ctx: LinkedContext, round: CheckinRound, text: string): Promise<Reply> {
  const lines = unreachedLines(await roundProgress(ctx.deps, round));
  if (lines.length === 0) return [textMessage(text)];
  return [
    { summary: text, blocks: [{ type: 'text', text }, ...lines.map((line) => ({ type: 'text' as const, text: line, muted: true }))] },
  ];
}

async function closeAsk(ctx: LinkedContext, roundId: string | undefined): Promise<Reply> {
  const round = roundId ? await openRoundOf(ctx, roundId) : await openCurrent(ctx);
  if (!round) return [textMessage(t('checkin.noOpenRound'))];
  const { summary } = await roundFacts(ctx.deps, round);
  const title = t('checkin.close.title', { period: periodLabel(round.period) });
  return [
    {
      summary: title,
      blocks: [
        { type: 'heading', text: title },
        {
          type: 'text',
          text: t('checkin.close.text', {
            complete: summary.complete,
            schools: summary.schools,
            schoolsHave: schoolsHave(summary.complete),
          }),
        },
        {
          type: 'buttons',
          buttons: [
            { label: t('checkin.close.confirm'), verb: LEADER_VERBS.close, data: { r: round.id }, style: 'primary' },
            { label: t('checkin.round.cancel'), verb: LEADER_VERBS.dismiss },
          ],
        },
      ],
    },
  ];
}

async function closeSend(ctx: LinkedContext, data: Record<string, string>): Promise<Reply> {
  const round = data.r ? await ctx.deps.checkin.repo.getRound(ctx.actor.trustId, data.r) : null;
  if (!round || round.status === 'scheduled') return [textMessage(t('checkin.close.notOpen'))];
  const result = await closeAndSummarise(ctx.deps, round, ctx.actor.personId);
  // A second press (or a redelivery, or a close that raced the closing time) sends nothing again:
  // the summary already went out, so say so and point at where it can be seen.
  if (!result.closed) return [textMessage(t('checkin.close.already', { period: periodLabel(round.period) }))];
  const replies: OutboundMessage[] = [result.summary];
  if (result.next)
    replies.push(
      textMessage(t('checkin.close.nextPlanned', { period: periodLabel(result.next.period), opens: formatInstant(result.next.opensAt) })),
    );
  return replies;
}

/** What a school would be asked: the open round's check-in, or what the next round would ask. */
async function previewCommand(ctx: LinkedContext, args: string): Promise<Reply> {
  const trustId = ctx.actor.trustId;
  if (!args.trim()) return [textMessage(t('checkin.preview.usage'))];
  const school = await ctx.deps.roster.repo.findSchoolByName(trustId, args);
  if (!school) return [textMessage(t('checkin.preview.notFound', { name: args.trim() }))];
  const { repo } = ctx.deps.checkin;
  const now = ctx.deps.clock.now();
  const round = await currentRound(ctx.deps, trustId);
  const people = await ctx.deps.roster.repo.listPeople(trustId);
  const sencos = sencosOf(people, school.id);
  if (sencos.length === 0) return [textMessage(t('checkin.preview.noSenco', { school: school.name }))];
  let checklist: Checklist;
  let itemIds: string[];
  let prefill: Record<string, { value: string }>;
  let period;
  const open = round?.status === 'open' ? (await repo.checkinsOfRound(trustId, round.id)).find((c) => c.schoolId === school.id) : undefined;
  if (round && open) {
    checklist = (await repo.checklistVersion(trustId, round.checklistVersion)) ?? (await repo.checklist(trustId));
    ({ itemIds, prefill } = { itemIds: [...open.itemIds], prefill: open.prefill });
    period = round.period;
  } else {
    checklist = await repo.checklist(trustId);
    const settings = await repo.settings(trustId);
    if (round?.status === 'scheduled') period = round.period;
    else {
      const plan = planRound(await ctx.deps.checkin.calendar(trustId, now), now, settings.cadence, null);
      if (!plan.ok) return [textMessage(t('checkin.round.noTerm'))];
      period = plan.value.period;
    }
    const history = await repo.history(trustId, school.id, round?.status === 'scheduled' ? round.id : null);
    const items = selectDueItems({ checklist, phase: school.phase, period, history, sencoIds: sencos.map((s) => s.id) });
    itemIds = items.map((i) => i.id);
    prefill = prefillFor(items, history, sencos.map(sencoFacts), londonDate(now));
  }
  const title = t('checkin.preview.title', { school: school.name, period: periodLabel(period) });
  if (itemIds.length === 0) return [textMessage(t('checkin.preview.none', { school: school.name }))];
  const lines = itemIds.map((id, index) => {
    const item = findItem(checklist, id);
    const pre = prefill[id] ? ` (${t('checkin.preview.prefilled', { answer: answerLabel(item, prefill[id]!.value) })})` : '';
    return `${index + 1}. **${item?.title ?? id}**: ${item?.question ?? ''}${pre}`;
  });
  return [
    {
      summary: title,
      blocks: [
        { type: 'heading', text: title },
        { type: 'text', text: lines.join('\n') },
      ],
    },
  ];
}

/** Every answer of the trust's recent rounds as CSV, with the checklist version each was given under. */
async function exportCommand(ctx: LinkedContext): Promise<Reply> {
  const trustId = ctx.actor.trustId;
  const { repo } = ctx.deps.checkin;
  const rounds = (await repo.listRounds(trustId, 12)).filter((r) => r.status !== 'scheduled').reverse();
  const [schools, people] = await Promise.all([
    ctx.deps.roster.repo.listSchools(trustId, { includeArchived: true }),
    ctx.deps.roster.repo.listPeople(trustId, { includeArchived: true }),
  ]);
  const versions = new Map<number, Checklist>();
  const rows: ExportRow[] = [];
  for (const round of rounds) {
    const checkins = await repo.checkinsOfRound(trustId, round.id);
    for (const answer of await repo.answersOfRound(trustId, round.id)) {
      if (!versions.has(answer.checklistVersion))
        versions.set(
          answer.checklistVersion,
          (await repo.checklistVersion(trustId, answer.checklistVersion)) ?? (await repo.checklist(trustId)),
        );
      const schoolId = checkins.find((c) => c.id === answer.checkinId)?.schoolId;
      rows.push({
        roundLabel: periodLabel(round.period),
        schoolName: schools.find((s) => s.id === schoolId)?.name ?? '',
        answer,
        checklist: versions.get(answer.checklistVersion)!,
        answeredByName: people.find((p) => p.id === answer.answeredBy)?.name ?? null,
      });
    }
  }
  if (rows.length === 0) return [textMessage(t('checkin.export.none'))];
  const title = t('checkin.export.title', { rounds: plural(rounds.length, 'round'), rows: plural(rows.length, 'answer') });
  await ctx.deps.audit.record({ trustId, actorId: ctx.actor.personId, action: 'checkin.export', details: { rows: rows.length } });
  return [
    {
      summary: title,
      blocks: [
        { type: 'heading', text: title },
        { type: 'text', text: t('checkin.export.hint'), muted: true },
      ],
      files: [outboundFile(`checkin-answers-${londonDate(ctx.deps.clock.now())}.csv`, 'text/csv', answersCsv(rows))],
    },
  ];
}

function command(
  id: string,
  summary: string,
  usage: string,
  run: (ctx: LinkedContext, args: string) => Promise<Reply>,
  aliases: string[] = [],
  rateLimit?: RateLimit,
): Command {
  return { id, aliases, summary, usage, examples: [usage], audience: LEADER, run, ...(rateLimit ? { rateLimit } : {}) };
}

export const leaderCommands: Command[] = [
  command('checkin round', 'Start or schedule a check-in round (termly by default)', 'checkin round start Tuesday 15:45', roundCommand),
  command('checkin preview', 'See what a school would be asked', 'checkin preview Oak Primary', previewCommand),
  command('checkin status', 'Live completion of the check-in round', 'checkin status', (ctx) => statusReply(ctx), [], EXPENSIVE),
  command('checkin remind', 'Remind SENCOs who have not finished (you confirm first)', 'checkin remind', (ctx) =>
    remindAsk(ctx, undefined),
  ),
  command('checkin close', 'Close the round and get the summary', 'checkin close', (ctx) => closeAsk(ctx, undefined)),
  command('checkin export', 'All check-in answers as CSV', 'checkin export', exportCommand, [], EXPENSIVE),
];

function action(verb: string, run: (ctx: LinkedContext, data: Record<string, string>) => Promise<Reply>): ActionHandler {
  return { verb, audience: LEADER, run: forLinked(run) };
}

export const leaderActions: ActionHandler[] = [
  action(LEADER_VERBS.start, confirmStart),
  action(LEADER_VERBS.dismiss, async () => [textMessage(t('checkin.round.cancelled'))]),
  action(LEADER_VERBS.remindAsk, (ctx, data) => remindAsk(ctx, data.r)),
  action(LEADER_VERBS.remind, remindSend),
  action(LEADER_VERBS.closeAsk, (ctx, data) => closeAsk(ctx, data.r)),
  action(LEADER_VERBS.close, closeSend),
  action('checkin.status.page', (ctx, data) => statusReply(ctx, offsetOf(data.offset))),
];
