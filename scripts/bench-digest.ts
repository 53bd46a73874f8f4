/**
 * How heavy is the weekly digest for a very large trust? Generates a trust of 500 schools with
 * a year of check-in history (three termly rounds, each school answering the v1 checklist with
 * a realistic share of "no"/"partly", overdue reviews and qualification deadlines), then times
 * the pure build (round summary -> compliance facts -> digest view -> neutral message), the
 * chart PNG, and measures both platforms' payloads against their limits.
 *
 * `npm run bench:digest -- --docs` also writes the chart and the document it measured to docs/
 * (docs/digest-chart.png, shown in the README, and docs/digest-sample.md).
 *
 * Run: npm run bench:digest. Median and range of 7 runs; last line (parsed by tooling):
 *   digest schools=500 build_ms=<median> chart_ms=<median> card_bytes=<n> slack_blocks=<n> slack_max_section=<n>
 */
import '../src/tz';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderSlackMessage } from '../adapters/slack/render-blocks';
import { renderTeamsMessage } from '../adapters/teams/render-card';
import { renderChartPng } from '../src/charts/chart-png';
import { CHECKLIST_V1 } from '../src/core/checkin/checklist-v1';
import type { CheckinAnswer, SencoFacts } from '../src/core/checkin/model';
import { summariseRound, type SchoolRoundData } from '../src/core/checkin/summary';
import { complianceSection, type ComplianceFacts } from '../src/digest/weekly/compliance-section';
import { composeDigest } from '../src/digest/weekly/compose-digest';
import { digestDocument } from '../src/digest/weekly/digest-document';
import { digestMessage } from '../src/digest/weekly/digest-message';

const SCHOOLS = 500;
const RUNS = 7;
const TODAY = '2027-03-15';

/** A small deterministic generator, so every run measures the same trust. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function answersFor(schoolIndex: number, round: number, rnd: () => number): CheckinAnswer[] {
  const checkinId = `c-${round}-${schoolIndex}`;
  return CHECKLIST_V1.items.map((item) => {
    let value: string;
    if (item.answer === 'date') value = rnd() < 0.15 ? '2025-01-10' : '2026-10-01';
    else if (item.answer === 'number') value = String(rnd() < 0.2 ? Math.floor(rnd() * 4) + 1 : 0);
    else value = rnd() < 0.08 ? 'no' : rnd() < 0.12 ? 'partly' : 'yes';
    return {
      checkinId,
      itemId: item.id,
      checklistVersion: CHECKLIST_V1.version,
      value,
      note: value === 'yes' ? null : 'We are working on it with the local authority.',
      followUp: null,
      source: 'answered',
      answeredBy: `p-${schoolIndex}`,
      answeredAt: new Date('2027-03-01T10:00:00Z'),
    } as CheckinAnswer;
  });
}

function generateTrust(): SchoolRoundData[][] {
  const rnd = random(42);
  const rounds: SchoolRoundData[][] = [];
  for (let round = 0; round < 3; round++) {
    rounds.push(
      Array.from({ length: SCHOOLS }, (_, i) => {
        const staffed = i % 50 !== 7;
        const finished = rnd() < 0.8;
        const all = answersFor(i, round, rnd);
        const answers = finished ? all : all.slice(0, Math.floor(rnd() * all.length));
        const senco: SencoFacts = {
          personId: `p-${i}`,
          name: `SENCO ${i}`,
          appointedOn: i % 17 === 0 ? '2019-09-01' : '2024-09-01',
          priorSencoMonths: 0,
          qualification: i % 17 === 0 ? 'none' : 'npq',
          qualificationStartedOn: null,
          qualificationCompletedOn: i % 17 === 0 ? null : '2025-07-01',
        };
        return {
          schoolId: `s-${i}`,
          schoolName: `School ${String(i).padStart(3, '0')} ${i % 3 === 0 ? 'Primary Academy' : 'High School'}`,
          phase: i % 3 === 0 ? 'primary' : 'secondary',
          checkin: staffed
            ? {
                id: `c-${round}-${i}`,
                roundId: `r-${round}`,
                trustId: 't',
                schoolId: `s-${i}`,
                sencoIds: [`p-${i}`],
                itemIds: CHECKLIST_V1.items.map((it) => it.id),
                prefill: {},
                completedAt: finished ? new Date('2027-03-01T10:00:00Z') : null,
              }
            : null,
          answers: staffed ? answers : [],
          previous: null,
          sencos: staffed ? [senco] : [],
        } satisfies SchoolRoundData;
      }),
    );
  }
  return rounds;
}

function build(rounds: SchoolRoundData[][]) {
  const [older, previous, latest] = rounds as [SchoolRoundData[], SchoolRoundData[], SchoolRoundData[]];
  const summary = summariseRound(CHECKLIST_V1, latest, TODAY);
  const finishedIn = (data: SchoolRoundData[]) => new Set(data.filter((s) => s.checkin?.completedAt).map((s) => s.schoolId));
  const [a, b] = [finishedIn(older), finishedIn(previous)];
  const facts: ComplianceFacts = {
    period: 'Spring term 2027',
    open: true,
    completion: summary.completion,
    concerns: summary.concerns,
    due: summary.dueSoon,
    completeLastWeek: Math.max(0, summary.complete - 37),
    missedTwoRounds: latest
      .filter((s) => !a.has(s.schoolId) && !b.has(s.schoolId))
      .map((s) => ({ schoolId: s.schoolId, schoolName: s.schoolName })),
  };
  const view = composeDigest('Very Large Trust', '2027-03-15', [complianceSection(facts)]);
  return { view, message: digestMessage(view) };
}

function stats(values: number[]): { median: number; min: number; max: number } {
  const sorted = [...values].sort((x, y) => x - y);
  return { median: sorted[Math.floor(sorted.length / 2)]!, min: sorted[0]!, max: sorted[sorted.length - 1]! };
}

function main(): void {
  const rounds = generateTrust();
  const buildMs: number[] = [];
  const chartMs: number[] = [];
  let last = build(rounds);
  for (let run = 0; run < RUNS; run++) {
    const t0 = performance.now();
    last = build(rounds);
    buildMs.push(performance.now() - t0);
    const chart = last.view.sections[0]?.chart;
    const t1 = performance.now();
    if (chart) renderChartPng(chart);
    chartMs.push(performance.now() - t1);
  }
  const teams = Buffer.byteLength(JSON.stringify(renderTeamsMessage(last.message)), 'utf8');
  const slack = renderSlackMessage(last.message);
  const sectionChars = slack.blocks.map((block) => {
    const text = (block as { text?: { text?: string } }).text?.text;
    return typeof text === 'string' ? text.length : 0;
  });
  if (process.argv.includes('--docs')) {
    const chart = last.view.sections[0]?.chart;
    const docs = join(__dirname, '..', '..', 'docs');
    if (chart) writeFileSync(join(docs, 'digest-chart.png'), renderChartPng(chart));
    writeFileSync(join(docs, 'digest-sample.md'), digestDocument(last.view));
    console.log(`wrote ${join(docs, 'digest-chart.png')} and digest-sample.md`);
  }
  const b = stats(buildMs);
  const c = stats(chartMs);
  console.log(`schools to look at: ${last.view.lookAt.length}; findings: ${last.view.sections[0]?.lines.length ?? 0}`);
  console.log(`build ms: median ${b.median.toFixed(0)} (range ${b.min.toFixed(0)}-${b.max.toFixed(0)}) over ${RUNS} runs`);
  console.log(`chart ms: median ${c.median.toFixed(0)} (range ${c.min.toFixed(0)}-${c.max.toFixed(0)})`);
  console.log(`limits: Teams card under 28,672 bytes, Slack at most 50 blocks and 3,000 characters a section`);
  console.log(
    `digest schools=${SCHOOLS} build_ms=${b.median.toFixed(0)} chart_ms=${c.median.toFixed(0)} card_bytes=${teams} slack_blocks=${slack.blocks.length} slack_max_section=${Math.max(...sectionChars)}`,
  );
}

main();
