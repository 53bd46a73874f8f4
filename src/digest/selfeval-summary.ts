/**
 * Self-evaluation summaries as neutral messages (issue 13): one school's area for the SEND
 * leader, and the trust roll-up. Pure; the heat-map picture and file exports come with the
 * flows. Long lists are cut; the export has everything.
 */
import type { Block, OutboundMessage } from '../core/message';
import { ratingLabel } from '../core/selfeval/framework';
import type { Framework } from '../core/selfeval/model';
import type { TrustRollup } from '../core/selfeval/rollup';
import type { AreaSummary, StatementRow } from '../core/selfeval/summary';
import { plural } from '../i18n/en-GB';
import { st } from '../i18n/selfeval';

/** Schools shown in the roll-up table before "…and N more". */
export const MAX_ROLLUP_ROWS = 25;

function changeText(row: StatementRow, framework: Framework): string {
  if (!row.change) return '';
  if (row.change === 'up' || row.change === 'down')
    return st(`selfeval.change.${row.change}`, { previous: ratingLabel(framework, row.previous!) });
  return st(`selfeval.change.${row.change}`);
}

function list(lines: string[]): Block {
  return { type: 'text', text: lines.length ? lines.map((l) => `• ${l}`).join('\n') : st('selfeval.area.none'), muted: lines.length === 0 };
}

export function areaSummaryMessage(schoolName: string, summary: AreaSummary, framework: Framework): OutboundMessage {
  const textOf = new Map(summary.rows.map((r) => [r.statementId, r.text]));
  const rated = (rows: StatementRow[]) => rows.map((r) => `${r.text} (${ratingLabel(framework, r.rating!)})`);
  return {
    summary: st('selfeval.area.summary', {
      school: schoolName,
      area: summary.title,
      strengths: summary.strengths.length,
      development: summary.development.length,
    }),
    blocks: [
      { type: 'heading', text: st('selfeval.area.title', { school: schoolName, area: summary.title }) },
      { type: 'text', text: st('selfeval.area.progress', { answered: summary.answered, total: summary.total }), muted: true },
      {
        type: 'table',
        columns: [st('selfeval.col.statement'), st('selfeval.col.rating'), st('selfeval.col.change')],
        rows: summary.rows.map((r) => [
          r.text,
          r.rating ? ratingLabel(framework, r.rating) : st('selfeval.notAnswered'),
          changeText(r, framework),
        ]),
      },
      { type: 'heading', text: st('selfeval.area.strengths') },
      list(rated(summary.strengths)),
      { type: 'heading', text: st('selfeval.area.development') },
      list(rated(summary.development)),
      { type: 'heading', text: st('selfeval.area.help') },
      list(summary.help.map((h) => `${textOf.get(h.statementId)}: "${h.text}"`)),
      { type: 'heading', text: st('selfeval.area.evidence') },
      list(summary.evidence.map((e) => `${textOf.get(e.statementId)}: "${e.text}"`)),
    ],
  };
}

export function rollupMessage(rollup: TrustRollup, framework: Framework): OutboundMessage {
  const shown = rollup.schools.slice(0, MAX_ROLLUP_ROWS);
  const blocks: Block[] = [
    { type: 'heading', text: st('selfeval.rollup.title') },
    { type: 'text', text: st('selfeval.rollup.privacy'), muted: true },
    { type: 'heading', text: st('selfeval.rollup.matrix') },
    {
      type: 'table',
      columns: [st('selfeval.rollup.school'), ...rollup.areas.map((a) => a.title)],
      rows: shown.map((s, si) => [s.schoolName, ...rollup.cells[si]!.map((c) => (c.rating ? ratingLabel(framework, c.rating) : '–'))]),
    },
  ];
  if (rollup.schools.length > shown.length)
    blocks.push({ type: 'text', text: st('selfeval.rollup.more', { count: rollup.schools.length - shown.length }), muted: true });
  blocks.push(
    { type: 'heading', text: st('selfeval.rollup.common') },
    list(rollup.commonDevelopment.map((d) => st('selfeval.rollup.commonLine', { text: d.text, schools: plural(d.schools, 'school') }))),
    { type: 'heading', text: st('selfeval.rollup.supporters') },
    list(
      rollup.supporters.map((s) =>
        st('selfeval.rollup.supportersLine', {
          area: s.title,
          schools: s.schools.length ? s.schools.map((x) => x.schoolName).join(', ') : st('selfeval.rollup.noSupporters'),
        }),
      ),
    ),
  );
  return { summary: st('selfeval.rollup.summary', { complete: rollup.complete, schools: rollup.schools.length }), blocks };
}
