/**
 * The leader's side of self-evaluation (issue 13): `selfeval start` opens a cycle (compared
 * with the one before), `selfeval rollup` shows every school at once with the heat map, and
 * `selfeval export` sends the documents and a CSV of every answer as files. Answers are the
 * school's SENCOs' and the SEND leader's to see; trust leaders get the aggregate picture only.
 */
import { EXPENSIVE } from '../../core/rate-limit-port';
import { londonDate } from '../../core/dates';
import { outboundFile, textMessage, type Block, type OutboundMessage } from '../../core/message';
import type { Actor } from '../../core/model';
import { selfEvalCsv, type SelfEvalExportRow } from '../../core/selfeval/export-csv';
import type { Framework, SelfEvalCycle } from '../../core/selfeval/model';
import { buildRollup } from '../../core/selfeval/rollup';
import { renderChartPng } from '../../charts/chart-png';
import { selfEvalDocument } from '../../digest/selfeval-document';
import { rollupMessage } from '../../digest/selfeval-summary';
import { t } from '../../i18n/en-GB';
import { forLinked, type LinkedContext } from '../linked';
import type { Command, Reply } from '../registry';
import { LEADERS, TRUST_READERS } from '../shared/common';
import { heatMapChart } from './heat-map';
import { currentCycle, frameworkOf, type SchoolSitting } from './load';
import { startedAreaMessages } from './summaries';

const LABEL = /^[A-Za-z0-9][A-Za-z0-9-]{0,19}$/;

/** The academic year a date falls in, as '2026-27' (September to August). */
export function academicYear(now: Date): string {
  const [y, m] = londonDate(now).split('-').map(Number) as [number, number];
  const start = m >= 9 ? y : y - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

async function start(ctx: LinkedContext, args: string): Promise<Reply> {
  const trustId = ctx.actor.trustId;
  const label = args.trim() || academicYear(ctx.deps.clock.now());
  if (!LABEL.test(label)) return [textMessage(t('selfeval.badLabel'))];
  const repo = ctx.deps.selfeval.repo;
  const before = await repo.cycles(trustId);
  const opened = await repo.openCycle(trustId, label, ctx.actor.personId, ctx.deps.clock.now());
  if (!opened.ok) return [textMessage(t('selfeval.exists', { label, suggestion: `${label}-b` }))];
  const cycle = opened.value;
  // One cycle open at a time: the earlier one closes and stays for comparison.
  for (const c of before) if (c.status === 'open') await repo.closeCycle(trustId, c.id, ctx.deps.clock.now());
  const previous = before.find((c) => c.id === cycle.previousCycleId);
  await ctx.deps.audit.record({
    trustId,
    actorId: ctx.actor.personId,
    action: 'selfeval.cycle-opened',
    subject: cycle.id,
    details: { label },
  });
  await inviteSencos(ctx, cycle);
  return [
    textMessage(
      t('selfeval.started', {
        label,
        previous: previous ? t('selfeval.startedPrevious', { previous: previous.label }) : t('selfeval.startedFirst'),
      }),
    ),
  ];
}

/** Tells every current SENCO the cycle is open (once per cycle and person). */
async function inviteSencos(ctx: LinkedContext, cycle: SelfEvalCycle): Promise<void> {
  const notifier = ctx.deps.roster.notifier;
  if (!notifier) return;
  const people = await ctx.deps.roster.repo.listPeople(ctx.actor.trustId);
  const sencos = people.filter((p) => !p.archived && p.roles.some((r) => r.role === 'senco')).map((p) => p.id);
  if (sencos.length === 0) return;
  const framework = await frameworkOf(ctx, ctx.actor.trustId, cycle);
  await notifier.notify(ctx.actor.trustId, sencos, `selfeval-invite:${cycle.id}`, {
    summary: t('selfeval.invite', { label: cycle.label, area: framework.areas[0]?.title ?? '' }),
    blocks: [
      { type: 'text', text: t('selfeval.invite', { label: cycle.label, area: framework.areas[0]?.title ?? '' }) },
      { type: 'buttons', buttons: [{ label: t('selfeval.begin'), verb: 'selfeval-begin', style: 'primary' }] },
    ],
  });
}

async function rollupOf(ctx: LinkedContext, cycle: SelfEvalCycle) {
  const trustId = ctx.actor.trustId;
  const [framework, schools, answers] = await Promise.all([
    frameworkOf(ctx, trustId, cycle),
    ctx.deps.roster.repo.listSchools(trustId),
    ctx.deps.selfeval.repo.answers(trustId, cycle.id),
  ]);
  const rollup = buildRollup(
    framework,
    schools.map((s) => ({ schoolId: s.id, schoolName: s.name })),
    answers,
  );
  return { framework, schools, answers, rollup };
}

/** SEND leaders see school by school; trust leaders only the picture across schools. */
function seesSchools(actor: Actor): boolean {
  return actor.roles.some((r) => r.role === 'send-leader');
}

/** For trust leaders: the title, the privacy line and the most common development areas; no school by name. */
function aggregateBlocks(message: OutboundMessage): Block[] {
  const common = message.blocks.findIndex((b) => b.type === 'heading' && b.text === t('selfeval.rollup.common'));
  return [...message.blocks.slice(0, 2), ...message.blocks.slice(common, common + 2)];
}

function withHeatMap(
  message: OutboundMessage,
  framework: Framework,
  rollup: ReturnType<typeof buildRollup>,
  actor: Actor,
): OutboundMessage {
  const chart = heatMapChart(rollup, framework);
  const blocks = seesSchools(actor) ? [...message.blocks] : aggregateBlocks(message);
  // The chart goes after the title and privacy line.
  blocks.splice(2, 0, { type: 'chart', chart });
  const out: OutboundMessage = { ...message, blocks };
  if (actor.platform === 'slack') {
    blocks.splice(3, 0, { type: 'text', text: t('selfeval.chart.file'), muted: true });
    out.files = [outboundFile('selfeval-heatmap.png', 'image/png', renderChartPng(chart))];
  }
  return out;
}

async function rollup(ctx: LinkedContext): Promise<Reply> {
  const cycle = await currentCycle(ctx, ctx.actor.trustId);
  if (!cycle) return [textMessage(t('selfeval.noCycleLeader'))];
  const r = await rollupOf(ctx, cycle);
  const message = withHeatMap(rollupMessage(r.rollup, r.framework), r.framework, r.rollup, ctx.actor);
  if (!seesSchools(ctx.actor)) {
    // Trust leaders: which schools' summaries the SEND leader has shared with them.
    const shared = new Set(await ctx.deps.selfeval.repo.sharedSchools(ctx.actor.trustId, cycle.id));
    const names = r.schools.filter((s) => shared.has(s.id)).map((s) => s.name);
    if (names.length > 0) message.blocks.push({ type: 'text', text: t('selfeval.rollup.shared', { schools: names.join(', ') }) });
  }
  return [message];
}

async function exportFiles(ctx: LinkedContext): Promise<Reply> {
  const trustId = ctx.actor.trustId;
  const cycle = await currentCycle(ctx, ctx.actor.trustId);
  if (!cycle) return [textMessage(t('selfeval.noCycleLeader'))];
  const r = await rollupOf(ctx, cycle);
  const previous = cycle.previousCycleId ? await ctx.deps.selfeval.repo.answers(trustId, cycle.previousCycleId) : [];
  const people = new Map((await ctx.deps.roster.repo.listPeople(trustId, { includeArchived: true })).map((p) => [p.id, p.name]));
  const schoolName = new Map(r.schools.map((s) => [s.id, s.name]));
  const started = r.schools.filter((s) => r.answers.some((a) => a.schoolId === s.id));
  const schoolDocs = started.flatMap((school) => {
    const sitting: SchoolSitting = {
      trustId,
      cycle,
      framework: r.framework,
      schoolId: school.id,
      schoolName: school.name,
      answers: r.answers.filter((a) => a.schoolId === school.id),
      previous: previous.filter((a) => a.schoolId === school.id),
    };
    return startedAreaMessages(sitting);
  });
  const title = t('selfeval.export.summaryLine', { cycle: cycle.label });
  const rows: SelfEvalExportRow[] = r.answers.map((answer) => ({
    cycleLabel: cycle.label,
    schoolName: schoolName.get(answer.schoolId) ?? answer.schoolId,
    answer,
    framework: r.framework,
    answeredByName: answer.answeredBy ? (people.get(answer.answeredBy) ?? null) : null,
  }));
  const rollupDoc = rollupMessage(r.rollup, r.framework);
  rollupDoc.blocks.splice(2, 0, { type: 'chart', chart: heatMapChart(r.rollup, r.framework) });
  return [
    {
      ...textMessage(t('selfeval.export.done', { cycle: cycle.label })),
      files: [
        outboundFile(`selfeval-${cycle.label}-rollup.md`, 'text/markdown', selfEvalDocument(title, [rollupDoc])),
        outboundFile(`selfeval-${cycle.label}-schools.md`, 'text/markdown', selfEvalDocument(title, schoolDocs)),
        outboundFile(`selfeval-${cycle.label}-answers.csv`, 'text/csv', selfEvalCsv(rows)),
        outboundFile(`selfeval-${cycle.label}-heatmap.png`, 'image/png', renderChartPng(heatMapChart(r.rollup, r.framework))),
      ],
    },
  ];
}

export const leaderCommands: Command[] = [
  {
    id: 'selfeval start',
    aliases: [],
    summary: t('selfeval.start.summary'),
    usage: 'selfeval start [name, e.g. 2026-27]',
    examples: ['selfeval start', 'selfeval start 2026-27'],
    audience: LEADERS,
    run: forLinked((ctx, args) => start(ctx, args)),
  },
  {
    id: 'selfeval rollup',
    aliases: ['selfeval roll-up'],
    summary: t('selfeval.rollup.cmdSummary'),
    examples: ['selfeval rollup'],
    audience: TRUST_READERS,
    dataRule: 'trust leaders see the picture across schools, not each school',
    rateLimit: EXPENSIVE,
    run: forLinked((ctx) => rollup(ctx)),
  },
  {
    id: 'selfeval export',
    aliases: [],
    summary: t('selfeval.export.summary'),
    examples: ['selfeval export'],
    audience: ['send-leader'],
    rateLimit: EXPENSIVE,
    run: forLinked((ctx) => exportFiles(ctx)),
  },
];
