/**
 * The weekly digest as one neutral message, compact enough for a phone and for each
 * platform's limits: a heading, then each section's headline, chart and first findings, then
 * the schools to look at with a button each. Long lists are cut with "…and N more"; the
 * document (digest-document.ts) has everything.
 */
import { formatDate } from '../../core/dates';
import type { DigestView } from '../../core/digest/model';
import type { Block, Button, OutboundMessage } from '../../core/message';
import { t } from '../../i18n/en-GB';

/** Findings shown per section, and schools to look at, before "…and N more". */
export const MAX_LINES = 6;
export const MAX_SCHOOL_BUTTONS = 5;

export const DIGEST_VERBS = { school: 'digest.school', document: 'digest.document' } as const;

function capped(lines: readonly string[], max = MAX_LINES): string[] {
  if (lines.length <= max) return [...lines];
  return [...lines.slice(0, max), t('digest.more', { count: lines.length - max })];
}

export function digestMessage(view: DigestView): OutboundMessage {
  const date = formatDate(view.weekOf);
  const blocks: Block[] = [
    { type: 'heading', text: t('digest.title', { trust: view.trustName }) },
    { type: 'text', text: t('digest.weekOf', { date }), muted: true },
  ];
  if (view.sections.length === 0 && view.lookAt.length === 0) blocks.push({ type: 'text', text: t('digest.nothing') });
  for (const section of view.sections) {
    blocks.push({ type: 'heading', text: section.title }, { type: 'text', text: section.headline });
    if (section.chart) blocks.push({ type: 'chart', chart: section.chart });
    if (section.lines.length > 0)
      blocks.push({
        type: 'text',
        // A Markdown list: one finding a line on Teams (a run of "•" lines reads as one paragraph there).
        text: capped(section.lines)
          .map((l) => `- ${l}`)
          .join('\n'),
      });
  }
  if (view.lookAt.length > 0) {
    blocks.push(
      { type: 'heading', text: t('digest.lookAt.title', { count: view.lookAt.length }) },
      {
        type: 'text',
        // A list too: joined by line breaks alone, the schools ran together as one paragraph on Teams.
        text: capped(view.lookAt.map((s) => t('digest.lookAt.line', { school: s.schoolName, reasons: s.reasons.join('; ') })))
          .map((l) => `- ${l}`)
          .join('\n'),
      },
    );
  }
  const buttons: Button[] = view.lookAt
    .slice(0, MAX_SCHOOL_BUTTONS)
    .map((s) => ({ label: t('digest.button.school', { school: s.schoolName }), verb: DIGEST_VERBS.school, data: { s: s.schoolId } }));
  buttons.push({ label: t('digest.button.document'), verb: DIGEST_VERBS.document, data: { w: view.weekOf } });
  blocks.push({ type: 'buttons', buttons });
  const headlines = view.sections.map((s) => s.headline).join(' ') || t('digest.nothing');
  return { summary: t('digest.summary', { trust: view.trustName, date, headlines }), blocks };
}
