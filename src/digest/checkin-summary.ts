/**
 * The closing summary of a check-in round for the MAT SEND leader, as a neutral message:
 * completion by school, every "no"/"partly" (and overdue date or count) with the SENCO's note
 * and follow-up, what falls due within 60 days, and changes since last round. Long lists are
 * cut (the CSV export has everything).
 */
import type { Concern, DueSoon, RoundSummary } from '../core/checkin/summary';
import { formatDate } from '../core/dates';
import type { Block, Button, OutboundMessage } from '../core/message';
import { t } from '../i18n/en-GB';

/** Lines per section before "…and N more". */
export const MAX_LINES = 15;

export interface SummaryLabels {
  period: string;
  /** Short item title by item id. */
  title(itemId: string): string;
  /** An answer as read ('Partly', '1 March 2026'). */
  answer(itemId: string, value: string): string;
}

function concernLine(c: Concern, labels: SummaryLabels): string {
  const note = c.note ? t('checkin.summary.note', { note: c.note }) : '';
  let followUp = '';
  if (c.followUp?.help && c.followUp.by)
    followUp = t('checkin.summary.followUpBy', { help: c.followUp.help, by: formatDate(c.followUp.by) });
  else if (c.followUp?.help) followUp = t('checkin.summary.followUp', { help: c.followUp.help });
  else if (c.followUp?.by) followUp = t('checkin.summary.followUpByOnly', { by: formatDate(c.followUp.by) });
  return t('checkin.summary.concern', {
    school: c.schoolName,
    title: labels.title(c.itemId),
    answer: labels.answer(c.itemId, c.value),
    note,
    followUp,
  });
}

function dueLine(d: DueSoon, labels: SummaryLabels): string {
  switch (d.kind) {
    case 'review-date':
      return t(d.overdue ? 'checkin.summary.due.reviewOverdue' : 'checkin.summary.due.review', {
        school: d.schoolName,
        title: labels.title(d.itemId),
        date: formatDate(d.due),
      });
    case 'count':
      return t('checkin.summary.due.count', { school: d.schoolName, count: d.count, title: labels.title(d.itemId) });
    case 'qualification':
      return t(d.overdue ? 'checkin.summary.due.qualificationOverdue' : 'checkin.summary.due.qualification', {
        school: d.schoolName,
        senco: d.sencoName,
        date: formatDate(d.due),
      });
    case 'enrol':
      return t('checkin.summary.due.enrol', { school: d.schoolName, senco: d.sencoName, date: formatDate(d.appointedOn) });
  }
}

/** Whether a due item is already past: a finding for the leader, not a reminder. */
function isOverdue(d: DueSoon): boolean {
  return (d.kind === 'review-date' || d.kind === 'qualification') && d.overdue;
}

/**
 * A heading block, then each finding as its own block, so every one starts a line of its own
 * on both platforms (a phone shows them as a scannable list, never one run-on paragraph).
 */
function section(heading: string, lines: string[], empty: string): Block[] {
  const head: Block = { type: 'text', text: `**${heading}**` };
  if (lines.length === 0) return [head, { type: 'text', text: empty, muted: true }];
  const shown = lines.slice(0, MAX_LINES).map((text): Block => ({ type: 'text', text }));
  const more: Block[] =
    lines.length > MAX_LINES ? [{ type: 'text', text: t('checkin.summary.more', { count: lines.length - MAX_LINES }), muted: true }] : [];
  return [head, ...shown, ...more];
}

function stateOf(row: RoundSummary['completion'][number]): string {
  if (row.missing) return t('checkin.status.noSenco');
  if (row.complete) return t('checkin.status.done');
  return row.answered > 0 ? t('checkin.status.started') : t('checkin.status.notStarted');
}

/** Schools on one page of the completion table: unfinished first, as those are the ones to chase. */
export const COMPLETION_PAGE = 25;

/**
 * Completion by school as a table, one page of it, with "Showing 1–25 of 120" under it and a
 * Show more button (`more`, in `checkin status`) or a pointer to `checkin status` (the summary).
 */
export function completionBlocks(summary: Pick<RoundSummary, 'completion'>, offset = 0, more?: Button): Block[] {
  const rank = (row: RoundSummary['completion'][number]) => (row.complete ? 2 : row.missing ? 1 : 0);
  const sorted = [...summary.completion].sort((a, b) => rank(a) - rank(b));
  const start = Math.max(0, Math.min(offset, Math.max(0, sorted.length - 1)));
  const rows = sorted.slice(start, start + COMPLETION_PAGE);
  const blocks: Block[] = [
    {
      type: 'table',
      columns: [t('checkin.status.columns.school'), t('checkin.status.columns.answered'), t('checkin.status.columns.state')],
      rows: rows.map((row) => [row.schoolName, row.missing ? t('checkin.status.notAsked') : `${row.answered}/${row.total}`, stateOf(row)]),
    },
  ];
  if (sorted.length <= COMPLETION_PAGE) return blocks;
  const to = start + rows.length;
  const showing = t('list.showing', { from: start + 1, to, total: sorted.length });
  blocks.push({ type: 'text', text: more ? showing : `${showing} ${t('checkin.summary.allSchools')}`, muted: true });
  if (more && to < sorted.length)
    blocks.push({ type: 'buttons', buttons: [{ ...more, data: { ...(more.data ?? {}), offset: String(to) } }] });
  return blocks;
}

export function roundSummaryMessage(summary: RoundSummary, labels: SummaryLabels): OutboundMessage {
  const title = t('checkin.summary.title', { period: labels.period });
  const overdue = summary.dueSoon.filter(isOverdue);
  const dueSoon = summary.dueSoon.filter((d) => !isOverdue(d));
  return {
    summary: t('checkin.summary.summary', {
      period: labels.period,
      complete: summary.complete,
      schools: summary.schools,
      concerns: summary.concerns.length === 1 ? '1 answer' : `${summary.concerns.length} answers`,
    }),
    blocks: [
      { type: 'heading', text: title },
      { type: 'text', text: `**${t('checkin.summary.completion', { complete: summary.complete, schools: summary.schools })}**` },
      ...completionBlocks(summary),
      ...section(
        t('checkin.summary.concerns', { count: summary.concerns.length }),
        summary.concerns.map((c) => concernLine(c, labels)),
        t('checkin.summary.noConcerns'),
      ),
      ...(overdue.length > 0
        ? section(
            t('checkin.summary.overdue', { count: overdue.length }),
            overdue.map((d) => dueLine(d, labels)),
            '',
          )
        : []),
      ...section(
        t('checkin.summary.dueSoon', { count: dueSoon.length }),
        dueSoon.map((d) => dueLine(d, labels)),
        t('checkin.summary.noDueSoon'),
      ),
      ...(summary.firstRound
        ? []
        : section(
            t('checkin.summary.changes', { count: summary.changes.length }),
            summary.changes.map((c) =>
              t('checkin.summary.change', {
                school: c.schoolName,
                title: labels.title(c.itemId),
                from: labels.answer(c.itemId, c.from),
                to: labels.answer(c.itemId, c.to),
              }),
            ),
            t('checkin.summary.noChanges'),
          )),
    ],
  };
}
