/**
 * The weekly digest as a Markdown document to keep or forward: every section in full, each
 * chart's figures as a table (the PNGs travel beside it), and every school to look at.
 */
import { formatDate } from '../../core/dates';
import type { DigestView } from '../../core/digest/model';
import { stripVerbatim } from '../../core/verbatim';
import { t } from '../../i18n/en-GB';

/** Markdown special characters in names and notes, escaped so they print as written. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]()#+\-.!|<>])/g, '\\$1');
}

function plain(text: string): string {
  // Digest lines carry **bold** school names from i18n; keep that, escape the rest.
  return text
    .split('**')
    .map((part, i) => (i % 2 === 1 ? `**${escapeMarkdown(part)}**` : escapeMarkdown(part)))
    .join('');
}

export function digestDocument(view: DigestView): string {
  const out: string[] = [
    `# ${escapeMarkdown(t('digest.title', { trust: view.trustName }))}`,
    '',
    t('digest.weekOf', { date: formatDate(view.weekOf) }),
    '',
  ];
  if (view.sections.length === 0 && view.lookAt.length === 0) out.push(t('digest.nothing'), '');
  for (const section of view.sections) {
    out.push(`## ${escapeMarkdown(section.title)}`, '', plain(section.headline), '');
    if (section.chart) {
      const chart = section.chart;
      out.push(
        `| ${['', ...chart.series.map((s) => s.name)].map(escapeMarkdown).join(' | ')} |`,
        `|${' --- |'.repeat(chart.series.length + 1)}`,
      );
      chart.categories.forEach((category, i) =>
        out.push(`| ${[escapeMarkdown(category), ...chart.series.map((s) => String(s.values[i] ?? 0))].join(' | ')} |`),
      );
      out.push('');
    }
    for (const line of section.lines) out.push(`- ${plain(line)}`);
    if (section.lines.length > 0) out.push('');
  }
  if (view.lookAt.length > 0) {
    out.push(`## ${t('digest.lookAt.title', { count: view.lookAt.length })}`, '');
    for (const s of view.lookAt) out.push(`- **${escapeMarkdown(s.schoolName)}**: ${s.reasons.map(escapeMarkdown).join('; ')}`);
    out.push('');
  }
  // A document is not rendered by a chat adapter: drop the marks around people's text (escaped here already).
  return stripVerbatim(out.join('\n'));
}
