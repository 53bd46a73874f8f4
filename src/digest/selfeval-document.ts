/**
 * Self-evaluation summaries as a Markdown document (issue 13 export): the same messages the
 * SEND leader receives in chat, written out in full for a review report or the strategic plan.
 */
import type { Block, OutboundMessage } from '../core/message';
import { escapeMarkdown } from './weekly/digest-document';

function cell(text: string): string {
  return escapeMarkdown(text.replace(/\*\*/g, '')).replace(/\n/g, ' ');
}

function blockLines(block: Block, level: number): string[] {
  switch (block.type) {
    case 'heading':
      return [`${'#'.repeat(level)} ${cell(block.text)}`, ''];
    case 'text':
      return [
        block.text
          .split('\n')
          .map((line) => (line.startsWith('• ') ? `- ${cell(line.slice(2))}` : cell(line)))
          .join('\n'),
        '',
      ];
    case 'table':
      return [
        `| ${block.columns.map(cell).join(' | ')} |`,
        `|${' --- |'.repeat(block.columns.length)}`,
        ...block.rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
        '',
      ];
    case 'facts':
      return [...block.facts.map((f) => `- **${cell(f.label)}**: ${cell(f.value)}`), ''];
    case 'chart':
      return [
        `| ${['', ...block.chart.series.map((s) => s.name)].map(cell).join(' | ')} |`,
        `|${' --- |'.repeat(block.chart.series.length + 1)}`,
        ...block.chart.categories.map((c, i) => `| ${[cell(c), ...block.chart.series.map((s) => String(s.values[i] ?? 0))].join(' | ')} |`),
        '',
      ];
    default:
      return [];
  }
}

/** A document with a title and each message as a section (its first heading one level down). */
export function selfEvalDocument(title: string, messages: readonly OutboundMessage[]): string {
  const out = [`# ${cell(title)}`, ''];
  for (const message of messages) {
    message.blocks.forEach((block, i) => out.push(...blockLines(block, i === 0 ? 2 : 3)));
  }
  return `${out.join('\n').trimEnd()}\n`;
}
