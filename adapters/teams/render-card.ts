import type { Block, Button, Field, OutboundMessage } from '../../src/core/message';
import { renderChart } from './render-chart';
import { escapeTeamsVerbatim, teamsMarkdown, teamsPlain } from './teams-text';

/** Adaptive Cards schema 1.5: what Teams desktop, web and mobile render today. */
const CARD_VERSION = '1.5';
/** Teams refuses a card message over about 28 KB; flows page long lists, this is the last resort. */
export const TEAMS_ACTIVITY_BUDGET_BYTES = 26 * 1024;
/** Above this many choices, a choice set is type-to-filter (Adaptive Cards 1.5 `style: filtered`). */
const FILTERED_CHOICES = 15;

type CardElement = Record<string, unknown>;

/**
 * Renders the neutral message as a Teams message: plain text when that is all it is,
 * otherwise one Adaptive Card with a `speak` summary for screen readers.
 */
export function renderTeamsMessage(message: OutboundMessage): Record<string, unknown> {
  const only = message.blocks.length === 1 ? message.blocks[0] : undefined;
  if (only?.type === 'text') return { type: 'message', text: teamsMarkdown(only.text), textFormat: 'markdown' };
  const activity = (card: Record<string, unknown>) => ({
    type: 'message',
    summary: teamsPlain(message.summary).slice(0, 200),
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
  });
  let rendered = activity(renderCard(message));
  // Last resort: drop blocks from the end, with a visible note, rather than send a card Teams refuses.
  for (let keep = message.blocks.length - 1; keep > 0 && bytes(rendered) > TEAMS_ACTIVITY_BUDGET_BYTES; keep--) {
    const note: Block = { type: 'text', text: '…more was cut to fit Teams. Ask for it again in smaller parts.', muted: true };
    rendered = activity(renderCard({ ...message, blocks: [...message.blocks.slice(0, keep), note] }));
  }
  return rendered;
}

function bytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

export function renderCard(message: OutboundMessage): Record<string, unknown> {
  const body: CardElement[] = [];
  const actions: CardElement[] = [];
  for (const block of message.blocks) {
    const rendered = renderBlock(block);
    body.push(...rendered.body);
    actions.push(...rendered.actions);
  }
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    speak: teamsPlain(message.summary),
    fallbackText: teamsPlain(message.summary),
    msteams: { width: 'Full' },
    body,
    ...(actions.length ? { actions } : {}),
  };
}

function renderBlock(block: Block): { body: CardElement[]; actions: CardElement[] } {
  switch (block.type) {
    case 'heading':
      return {
        body: [{ type: 'TextBlock', text: teamsMarkdown(block.text), size: 'Medium', weight: 'Bolder', wrap: true, style: 'heading' }],
        actions: [],
      };
    case 'text':
      return {
        body: [
          { type: 'TextBlock', text: teamsMarkdown(block.text), wrap: true, ...(block.muted ? { isSubtle: true, size: 'Small' } : {}) },
        ],
        actions: [],
      };
    case 'facts':
      return {
        body: [{ type: 'FactSet', facts: block.facts.map((f) => ({ title: teamsMarkdown(f.label), value: teamsMarkdown(f.value) })) }],
        actions: [],
      };
    case 'table':
      return { body: [renderTable(block.columns, block.rows)], actions: [] };
    case 'code':
      // A TextRun is never read as markdown, so JSON underscores and asterisks stay as they are.
      return {
        body: [
          { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: teamsPlain(block.text), fontType: 'Monospace', size: 'Small' }] },
        ],
        actions: [],
      };
    case 'buttons':
      return { body: [{ type: 'ActionSet', actions: block.buttons.map(submitAction) }], actions: [] };
    case 'chart':
      return { body: [renderChart(block.chart)], actions: [] };
    case 'form':
      return {
        body: block.fields.map(renderField),
        actions: [
          submitAction(block.submit),
          ...(block.more ?? []).map(submitAction),
          ...(block.cancel ? [{ ...submitAction(block.cancel), associatedInputs: 'none' }] : []),
        ],
      };
  }
}

function renderTable(columns: string[], rows: string[][]): CardElement {
  const cell = (text: string, bold = false) => ({
    type: 'TableCell',
    items: [
      {
        type: 'TextBlock',
        text: bold ? teamsMarkdown(text) : escapeTeamsVerbatim(teamsPlain(text)),
        wrap: true,
        ...(bold ? { weight: 'Bolder' } : {}),
      },
    ],
  });
  return {
    type: 'Table',
    firstRowAsHeader: true,
    columns: columns.map(() => ({ width: 1 })),
    rows: [
      { type: 'TableRow', cells: columns.map((c) => cell(c, true)) },
      ...rows.map((row) => ({ type: 'TableRow', cells: row.map((c) => cell(c)) })),
    ],
  };
}

function submitAction(button: Button): CardElement {
  return {
    type: 'Action.Submit',
    title: teamsPlain(button.label),
    data: { verb: button.verb, ...(button.data ?? {}) },
    ...(button.style === 'primary' ? { style: 'positive' } : button.style === 'danger' ? { style: 'destructive' } : {}),
  };
}

function renderField(field: Field): CardElement {
  const common = {
    id: field.id,
    label: teamsPlain(field.label),
    isRequired: Boolean(field.required),
    ...(field.required ? { errorMessage: `${teamsPlain(field.label)} is required` } : {}),
  };
  switch (field.kind) {
    case 'text':
      return {
        type: 'Input.Text',
        ...common,
        value: field.value === undefined ? undefined : teamsPlain(field.value),
        placeholder: field.placeholder === undefined ? undefined : teamsPlain(field.placeholder),
        isMultiline: Boolean(field.multiline),
        maxLength: 2000,
      };
    case 'date':
      return { type: 'Input.Date', ...common, value: field.value };
    case 'choice':
      return {
        type: 'Input.ChoiceSet',
        ...common,
        style: field.options.length > FILTERED_CHOICES ? 'filtered' : 'compact',
        value: field.value,
        choices: field.options.map((o) => ({ title: teamsPlain(o.label), value: o.value })),
      };
  }
}
