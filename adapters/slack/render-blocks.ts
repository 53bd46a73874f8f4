import type { Block, Button, Field, OutboundMessage } from '../../src/core/message';
import { chartLines } from '../../src/core/chart';

/** Slack's documented limits: https://api.slack.com/reference/block-kit/blocks */
const MAX_BLOCKS = 50;
const MAX_SECTION_TEXT = 3000;
const MAX_FIELDS = 10;

type SlackBlock = Record<string, unknown>;

/** Converts the neutral message to Block Kit, with `text` as the notification fallback. */
export function renderSlackMessage(message: OutboundMessage): { text: string; blocks: SlackBlock[] } {
  const blocks = message.blocks.flatMap(renderBlock);
  if (blocks.length > MAX_BLOCKS) {
    blocks.splice(MAX_BLOCKS - 1, blocks.length, context('…more was cut to fit Slack. Ask for it again in smaller parts.'));
  }
  return { text: mrkdwn(message.summary).slice(0, 3000), blocks };
}

/** Converts our markdown subset (**bold**) to Slack mrkdwn (*bold*). */
export function mrkdwn(text: string): string {
  return text.replace(/\*\*(.+?)\*\*/g, '*$1*');
}

function section(text: string): SlackBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(mrkdwn(text), MAX_SECTION_TEXT) } };
}

function context(text: string): SlackBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(mrkdwn(text), MAX_SECTION_TEXT) }] };
}

function renderBlock(block: Block): SlackBlock[] {
  switch (block.type) {
    case 'heading':
      return [{ type: 'header', text: { type: 'plain_text', text: truncate(block.text, 150), emoji: true } }];
    case 'text':
      return [block.muted ? context(block.text) : section(block.text)];
    case 'facts':
      return chunk(block.facts, MAX_FIELDS).map((facts) => ({
        type: 'section',
        fields: facts.map((f) => ({ type: 'mrkdwn', text: truncate(`*${f.label}*\n${mrkdwn(f.value)}`, 2000) })),
      }));
    case 'table':
      return [section([`*${block.columns.join(' · ')}*`, ...block.rows.map((r) => r.join(' · '))].join('\n'))];
    case 'code':
      return codeSections(block.text);
    case 'buttons':
      return [{ type: 'actions', elements: block.buttons.map((b, i) => button(b, i)) }];
    case 'chart':
      // Slack draws no charts: the figures as text here; flows attach the PNG as a file.
      return [section(`*${block.chart.title}*\n${chartLines(block.chart).join('\n')}`)];
    case 'form':
      return [
        ...block.fields.map(renderField),
        {
          type: 'actions',
          block_id: 'form_actions',
          elements: [block.submit, ...(block.more ?? []), ...(block.cancel ? [block.cancel] : [])].map((b, i) => button(b, i)),
        },
      ];
  }
}

/** The button's value carries the verb and data; the action id only needs to be unique. */
function button(b: Button, index: number): SlackBlock {
  return {
    type: 'button',
    action_id: `${b.verb}#${index}`,
    text: { type: 'plain_text', text: truncate(b.label, 75), emoji: true },
    value: JSON.stringify({ verb: b.verb, data: b.data ?? {} }).slice(0, 2000),
    ...(b.style ? { style: b.style } : {}),
  };
}

/** Preformatted text in ``` sections, split by lines to stay under the section limit. */
function codeSections(text: string): SlackBlock[] {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const limit = MAX_SECTION_TEXT - 8;
  const parts: string[] = [];
  let current = '';
  for (const line of escaped.split('\n')) {
    const piece = line.length > limit ? line.slice(0, limit) : line;
    if (current && current.length + piece.length + 1 > limit) {
      parts.push(current);
      current = '';
    }
    current = current ? `${current}\n${piece}` : piece;
  }
  if (current || parts.length === 0) parts.push(current);
  return parts.map((part) => ({ type: 'section', text: { type: 'mrkdwn', text: `\`\`\`${part}\`\`\`` } }));
}

function renderField(field: Field): SlackBlock {
  const base = {
    type: 'input',
    block_id: field.id,
    optional: !field.required,
    label: { type: 'plain_text', text: truncate(field.label, 2000) },
  };
  switch (field.kind) {
    case 'text':
      return {
        ...base,
        element: {
          type: 'plain_text_input',
          action_id: field.id,
          multiline: Boolean(field.multiline),
          ...(field.value ? { initial_value: field.value } : {}),
          ...(field.placeholder ? { placeholder: { type: 'plain_text', text: field.placeholder } } : {}),
        },
      };
    case 'date':
      return { ...base, element: { type: 'datepicker', action_id: field.id, ...(field.value ? { initial_date: field.value } : {}) } };
    case 'choice': {
      const options = field.options.map((o) => ({ text: { type: 'plain_text', text: truncate(o.label, 75) }, value: o.value }));
      const initial = options.find((o) => o.value === field.value);
      return { ...base, element: { type: 'static_select', action_id: field.id, options, ...(initial ? { initial_option: initial } : {}) } };
    }
  }
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
