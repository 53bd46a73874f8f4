import type { Block, Button, Field, OutboundMessage } from '../../src/core/message';
import { renderChart } from './render-chart';

/** Adaptive Cards schema 1.5: what Teams desktop, web and mobile render today. */
const CARD_VERSION = '1.5';

type CardElement = Record<string, unknown>;

/**
 * Renders the neutral message as a Teams message: plain text when that is all it is,
 * otherwise one Adaptive Card with a `speak` summary for screen readers.
 */
export function renderTeamsMessage(message: OutboundMessage): Record<string, unknown> {
  const only = message.blocks.length === 1 ? message.blocks[0] : undefined;
  if (only?.type === 'text') return { type: 'message', text: only.text, textFormat: 'markdown' };
  return {
    type: 'message',
    summary: message.summary.slice(0, 200),
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: renderCard(message) }],
  };
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
    speak: message.summary,
    fallbackText: message.summary,
    msteams: { width: 'Full' },
    body,
    ...(actions.length ? { actions } : {}),
  };
}

function renderBlock(block: Block): { body: CardElement[]; actions: CardElement[] } {
  switch (block.type) {
    case 'heading':
      return {
        body: [{ type: 'TextBlock', text: block.text, size: 'Medium', weight: 'Bolder', wrap: true, style: 'heading' }],
        actions: [],
      };
    case 'text':
      return {
        body: [{ type: 'TextBlock', text: block.text, wrap: true, ...(block.muted ? { isSubtle: true, size: 'Small' } : {}) }],
        actions: [],
      };
    case 'facts':
      return { body: [{ type: 'FactSet', facts: block.facts.map((f) => ({ title: f.label, value: f.value })) }], actions: [] };
    case 'table':
      return { body: [renderTable(block.columns, block.rows)], actions: [] };
    case 'code':
      // A TextRun is never read as markdown, so JSON underscores and asterisks stay as they are.
      return {
        body: [{ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: block.text, fontType: 'Monospace', size: 'Small' }] }],
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
    items: [{ type: 'TextBlock', text, wrap: true, ...(bold ? { weight: 'Bolder' } : {}) }],
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
    title: button.label,
    data: { verb: button.verb, ...(button.data ?? {}) },
    ...(button.style === 'primary' ? { style: 'positive' } : button.style === 'danger' ? { style: 'destructive' } : {}),
  };
}

function renderField(field: Field): CardElement {
  const common = {
    id: field.id,
    label: field.label,
    isRequired: Boolean(field.required),
    ...(field.required ? { errorMessage: `${field.label} is required` } : {}),
  };
  switch (field.kind) {
    case 'text':
      return {
        type: 'Input.Text',
        ...common,
        value: field.value,
        placeholder: field.placeholder,
        isMultiline: Boolean(field.multiline),
        maxLength: 2000,
      };
    case 'date':
      return { type: 'Input.Date', ...common, value: field.value };
    case 'choice':
      return {
        type: 'Input.ChoiceSet',
        ...common,
        style: 'compact',
        value: field.value,
        choices: field.options.map((o) => ({ title: o.label, value: o.value })),
      };
  }
}
