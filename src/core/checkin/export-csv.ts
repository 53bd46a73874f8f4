/**
 * Check-in answers as CSV (RFC 4180, CRLF), for the SEND leader's own records. Cells that a
 * spreadsheet would run as a formula are prefixed with an apostrophe (CSV injection).
 */
import type { CheckinAnswer, Checklist } from './model';
import { findItem } from './checklist';

export interface ExportRow {
  roundLabel: string;
  schoolName: string;
  answer: CheckinAnswer;
  /** The checklist version the answer was given under (for its wording). */
  checklist: Checklist;
  answeredByName: string | null;
}

export const EXPORT_COLUMNS = [
  'round',
  'school',
  'item_id',
  'question',
  'must_or_should',
  'checklist_version',
  'answer',
  'note',
  'what_would_help',
  'by_when',
  'confirmed_unchanged',
  'answered_by',
  'answered_at',
] as const;

export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function answersCsv(rows: readonly ExportRow[]): string {
  const lines = [EXPORT_COLUMNS.join(',')];
  for (const row of rows) {
    const item = findItem(row.checklist, row.answer.itemId);
    const a = row.answer;
    lines.push(
      [
        row.roundLabel,
        row.schoolName,
        a.itemId,
        item?.question ?? '',
        item?.strength ?? '',
        a.checklistVersion,
        a.value,
        a.note,
        a.followUp?.help ?? null,
        a.followUp?.by ?? null,
        a.source === 'unchanged' ? 'yes' : 'no',
        row.answeredByName,
        a.answeredAt.toISOString(),
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
