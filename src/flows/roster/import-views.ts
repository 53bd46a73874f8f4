import type { Block, OutboundMessage } from '../../core/message';
import type { ImportCounts, ImportPlan } from '../../core/roster/plan-import';
import type { ImportPreview } from '../../core/roster/import-roster';
import type { Rejection } from '../../core/roster/roster-csv';
import { t, type MessageKey } from '../../i18n/en-GB';

/** Rows listed per group in a chat preview; the CLI prints every one. */
const LIST_LIMIT = 25;
/** Rejected rows listed in chat (several messages); beyond that the CLI lists them. */
export const CHAT_REJECTION_LIMIT = 300;
const REJECTIONS_PER_MESSAGE = 60;

export function rejectionText(r: Rejection): string {
  const reason = t(`csv.${r.code}` as MessageKey, r.params ?? {});
  return r.line > 0 ? t('import.line', { line: r.line, reason }) : t('import.file', { reason });
}

export function countText(c: { add: number; change: number; archive: number; unchanged: number }): string {
  return t('import.count', c);
}

function names(plan: ImportPlan, group: 'add' | 'change' | 'archive'): string[] {
  const schools =
    group === 'add'
      ? plan.schools.add.map((r) => r.name)
      : plan.schools[group].map((c) => `${c.row.name}${group === 'change' ? ` (${c.fields.join(', ')})` : ''}`);
  const people =
    group === 'add'
      ? plan.people.add.map((a) => `${a.row.name} <${a.row.email}>`)
      : plan.people[group].map((c) => `${c.row.name} <${c.row.email}>${group === 'change' ? ` (${c.fields.join(', ')})` : ''}`);
  return [...schools, ...people];
}

function listBlock(title: string, items: string[]): Block[] {
  if (items.length === 0) return [];
  const shown = items.slice(0, LIST_LIMIT).map((i) => `• ${i}`);
  if (items.length > LIST_LIMIT) shown.push(t('import.more', { count: items.length - LIST_LIMIT }));
  return [{ type: 'text', text: `**${title}**\n${shown.join('\n')}` }];
}

/** The preview: counts, what changes, every rejected row, and Apply/Cancel when clean. */
export function previewMessages(preview: ImportPreview): OutboundMessage[] {
  const { counts, plan } = preview;
  const title = t('import.previewTitle', { file: preview.fileName });
  const blocks: Block[] = [
    { type: 'heading', text: title },
    {
      type: 'facts',
      facts: [
        { label: t('import.counts.schools'), value: countText(counts.schools) },
        { label: t('import.counts.people'), value: countText(counts.people) },
        { label: t('import.counts.rejected'), value: String(counts.rejected) },
      ],
    },
  ];
  if (plan.rejected.length === 0) {
    blocks.push(
      ...listBlock(t('import.adds'), names(plan, 'add')),
      ...listBlock(t('import.changes'), names(plan, 'change')),
      ...listBlock(t('import.archives'), names(plan, 'archive')),
    );
  }
  const messages: OutboundMessage[] = [{ summary: `${title}: ${summaryLine(counts)}`, blocks }];
  if (plan.rejected.length > 0) {
    const shown = plan.rejected.slice(0, CHAT_REJECTION_LIMIT);
    for (let i = 0; i < shown.length; i += REJECTIONS_PER_MESSAGE) {
      const lines = shown.slice(i, i + REJECTIONS_PER_MESSAGE).map(rejectionText);
      const text = `${i === 0 ? `**${t('import.rejectedTitle')}**\n` : ''}${lines.join('\n')}`;
      messages.push({ summary: lines[0] ?? '', blocks: [{ type: 'text', text }] });
    }
    const last = messages[messages.length - 1]!;
    if (plan.rejected.length > CHAT_REJECTION_LIMIT)
      last.blocks.push({ type: 'text', text: t('import.rejectedMore', { count: plan.rejected.length - CHAT_REJECTION_LIMIT }) });
    last.blocks.push({ type: 'text', text: t('import.fixAndRetry') });
  } else if (!preview.importId) {
    blocks.push({ type: 'text', text: t('import.nothing') });
  } else {
    blocks.push({ type: 'text', text: t('import.ready') });
    blocks.push({
      type: 'buttons',
      buttons: [
        { label: t('import.apply'), verb: 'import.apply', data: { importId: preview.importId }, style: 'primary' },
        { label: t('import.cancel'), verb: 'import.cancel', data: { importId: preview.importId } },
      ],
    });
  }
  return messages;
}

function summaryLine(c: ImportCounts): string {
  return `${t('import.counts.schools')}: ${countText(c.schools)}; ${t('import.counts.people')}: ${countText(c.people)}; ${t('import.counts.rejected')}: ${c.rejected}`;
}

export function appliedText(c: ImportCounts): string {
  const part = (g: ImportCounts['schools']) => t('import.appliedCount', g);
  return t('import.applied', { schools: part(c.schools), people: part(c.people) });
}
