/**
 * Self-evaluation answers as CSV (RFC 4180, CRLF) for a review report or the strategic plan.
 * Cells a spreadsheet would run as a formula are prefixed with an apostrophe (CSV injection).
 */
import { csvCell } from '../checkin/export-csv';
import { findStatement, ratingLabel } from './framework';
import type { Framework, SelfEvalAnswer } from './model';

export interface SelfEvalExportRow {
  cycleLabel: string;
  schoolName: string;
  answer: SelfEvalAnswer;
  /** The framework version the answer was given under (for its wording). */
  framework: Framework;
  answeredByName: string | null;
}

export const SELFEVAL_EXPORT_COLUMNS = [
  'cycle',
  'school',
  'area',
  'statement_id',
  'statement',
  'framework_version',
  'rating',
  'evidence',
  'what_would_help',
  'answered_by',
  'answered_at',
] as const;

export function selfEvalCsv(rows: readonly SelfEvalExportRow[]): string {
  const lines = [SELFEVAL_EXPORT_COLUMNS.join(',')];
  for (const r of rows) {
    const found = findStatement(r.framework, r.answer.statementId);
    lines.push(
      [
        r.cycleLabel,
        r.schoolName,
        found?.area.title ?? '',
        r.answer.statementId,
        found?.statement.text ?? '',
        r.answer.frameworkVersion,
        ratingLabel(r.framework, r.answer.rating),
        r.answer.evidence,
        r.answer.help,
        r.answeredByName,
        r.answer.answeredAt.toISOString(),
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
