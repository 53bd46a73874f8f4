import type { Block, Button, Field, OutboundMessage } from '../../src/core/message';
import { chartLines } from '../../src/core/chart';
import { escapeSlackEntities, escapeSlackVerbatim, slackMrkdwn, slackPlain } from './slack-text';

/** Slack's documented limits: https://api.slack.com/reference/block-kit/blocks */
const MAX_BLOCKS = 50;
const MAX_SECTION_TEXT = 3000;
const MAX_FIELDS = 10;
const MAX_OPTIONS = 100;
/** Slack answers msg_blocks_too_long at about 12,000 characters of block text in practice; keep a margin. */
export const SLACK_BLOCK_TEXT_BUDGET = 11000;

type SlackBlock = Record<string, unknown>;

/**
 * Converts the neutral message to Block Kit, with `text` as the notification fallback.
 * Flows page long lists themselves; if a message still exceeds Slack's limits, the end is
 * replaced by a visible note rather than being refused or cut silently.
 */
export function renderSlackMessage(message: OutboundMessage): { text: string; blocks: SlackBlock[] } {
  const ids = { next: 0 };
  const blocks = message.blocks.flatMap((b) => renderBlock(b, ids));
  const cutNote = () => context('…more was cut to fit Slack. Ask for it again in smaller parts.');
  if (blocks.length > MAX_BLOCKS) blocks.splice(MAX_BLOCKS - 1, blocks.length, cutNote());
  while (blocks.length > 1 && blockText(blocks) > SLACK_BLOCK_TEXT_BUDGET) blocks.splice(blocks.length - 2, 2, cutNote());
  return { text: truncate(slackMrkdwn(message.summary), 3000), blocks };
}

/** Slack's Home tab takes up to 100 blocks (messages take 50). */
export const MAX_HOME_BLOCKS = 100;

/** The neutral Home as a Home tab view's blocks (https://api.slack.com/surfaces/app-home). */
export function renderSlackHome(message: OutboundMessage): { blocks: SlackBlock[] } {
  const ids = { next: 0 };
  const blocks = message.blocks.flatMap((b) => renderBlock(b, ids));
  if (blocks.length > MAX_HOME_BLOCKS)
    blocks.splice(MAX_HOME_BLOCKS - 1, blocks.length, context('…more was cut to fit. Type help to find the rest.'));
  return { blocks };
}

/** The App Home view for views.publish (https://api.slack.com/methods/views.publish). */
export function slackHomeView(message: OutboundMessage): { type: 'home'; blocks: SlackBlock[] } {
  return { type: 'home', ...renderSlackHome(message) };
}

/** Converts a neutral text (our **bold**, people's text marked) to escaped Slack mrkdwn. */
export function mrkdwn(text: string): string {
  return slackMrkdwn(text);
}

/** Characters of text and values, as Slack's practical size limit counts them. */
export function blockText(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, v) => sum + blockText(v), 0);
  if (!value || typeof value !== 'object') return 0;
  let sum = 0;
  for (const [key, v] of Object.entries(value))
    sum += (key === 'text' || key === 'value') && typeof v === 'string' ? v.length : blockText(v);
  return sum;
}

/** A text as one section, or several split between lines when it is longer than a section holds. */
function sections(text: string): SlackBlock[] {
  return splitLines(mrkdwn(text).split('\n'), MAX_SECTION_TEXT).map((part) => ({ type: 'section', text: { type: 'mrkdwn', text: part } }));
}

/** Joins lines into parts of at most `limit` characters, breaking only between lines (a longer line is cut). */
function splitLines(lines: string[], limit: number): string[] {
  const parts: string[] = [];
  let current: string | null = null;
  for (const line of lines.map((l) => truncate(l, limit))) {
    if (current !== null && current.length + line.length + 1 > limit) {
      parts.push(current);
      current = null;
    }
    current = current === null ? line : `${current}\n${line}`;
  }
  if (current !== null) parts.push(current);
  return parts;
}

function context(text: string): SlackBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(mrkdwn(text), MAX_SECTION_TEXT) }] };
}

function renderBlock(block: Block, ids: { next: number }): SlackBlock[] {
  const button = (b: Button) => renderButton(b, ids.next++);
  switch (block.type) {
    case 'heading':
      return [{ type: 'header', text: { type: 'plain_text', text: truncate(slackPlain(block.text), 150), emoji: true } }];
    case 'text':
      return block.muted ? [context(block.text)] : sections(block.text);
    case 'facts':
      return chunk(block.facts, MAX_FIELDS).map((facts) => ({
        type: 'section',
        fields: facts.map((f) => ({ type: 'mrkdwn', text: truncate(`*${mrkdwn(f.label)}*\n${mrkdwn(f.value)}`, 2000) })),
      }));
    case 'table':
      return tableSections(block.columns, block.rows);
    case 'code':
      return codeSections(block.text);
    case 'buttons':
      return [{ type: 'actions', elements: block.buttons.map(button) }];
    case 'chart':
      // Slack draws no charts: the figures as text here; flows attach the PNG as a file.
      return sections(`**${block.chart.title}**\n${chartLines(block.chart).join('\n')}`);
    case 'form':
      return [
        ...block.fields.map(renderField),
        {
          type: 'actions',
          block_id: 'form_actions',
          elements: [block.submit, ...(block.more ?? []), ...(block.cancel ? [block.cancel] : [])].map(button),
        },
      ];
  }
}

/**
 * A table as sections of whole rows (cells are people's text, escaped as such), each under
 * Slack's section limit: rows are never cut in the middle.
 */
function tableSections(columns: string[], rows: string[][]): SlackBlock[] {
  const lines = [
    `*${columns.map(slackMrkdwn).join(' · ')}*`,
    ...rows.map((r) => r.map((c) => escapeSlackVerbatim(slackPlain(c))).join(' · ')),
  ];
  return splitLines(lines, MAX_SECTION_TEXT).map((text) => ({ type: 'section', text: { type: 'mrkdwn', text } }));
}

/** The button's value carries the verb and data; the action id is unique in the message, as Slack requires. */
function renderButton(b: Button, index: number): SlackBlock {
  return {
    type: 'button',
    action_id: `${b.verb}#${index}`,
    text: { type: 'plain_text', text: truncate(slackPlain(b.label), 75), emoji: true },
    value: JSON.stringify({ verb: b.verb, data: b.data ?? {} }).slice(0, 2000),
    ...(b.style ? { style: b.style } : {}),
  };
}

/** Preformatted text in ``` sections, split by lines to stay under the section limit. */
function codeSections(text: string): SlackBlock[] {
  const escaped = escapeSlackEntities(slackPlain(text));
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
    label: { type: 'plain_text', text: truncate(slackPlain(field.label), 2000) },
  };
  switch (field.kind) {
    case 'text':
      return {
        ...base,
        element: {
          type: 'plain_text_input',
          action_id: field.id,
          multiline: Boolean(field.multiline),
          ...(field.value ? { initial_value: slackPlain(field.value) } : {}),
          ...(field.placeholder ? { placeholder: { type: 'plain_text', text: truncate(slackPlain(field.placeholder), 150) } } : {}),
        },
      };
    case 'date':
      return { ...base, element: { type: 'datepicker', action_id: field.id, ...(field.value ? { initial_date: field.value } : {}) } };
    case 'choice': {
      const options = field.options.map((o) => ({ text: { type: 'plain_text', text: truncate(slackPlain(o.label), 75) }, value: o.value }));
      const initial = options.find((o) => o.value === field.value);
      const choices = options.length > MAX_OPTIONS ? { option_groups: optionGroups(options) } : { options };
      return {
        ...base,
        element: { type: 'static_select', action_id: field.id, ...choices, ...(initial ? { initial_option: initial } : {}) },
      };
    }
  }
}

/** Over 100 options: groups of at most 100, each labelled by its first and last entries' initials (A–M). */
function optionGroups(options: Array<{ text: { text: string }; value: string }>): SlackBlock[] {
  return chunk(options, MAX_OPTIONS).map((group) => {
    const first = group[0]!.text.text.charAt(0).toUpperCase();
    const last = group[group.length - 1]!.text.text.charAt(0).toUpperCase();
    return { label: { type: 'plain_text', text: first === last ? first : `${first}–${last}` }, options: group };
  });
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
