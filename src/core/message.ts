import type { ChartSpec } from './chart';

/**
 * The neutral outbound message. Adapters render it as an Adaptive Card (Teams) or Block Kit
 * (Slack); the core never knows which. Keep it small: what both platforms can show well.
 */

export interface Button {
  label: string;
  verb: string;
  data?: Record<string, string>;
  style?: 'primary' | 'danger';
}

export interface ChoiceOption {
  label: string;
  value: string;
}

export type Field =
  | { kind: 'text'; id: string; label: string; value?: string; placeholder?: string; multiline?: boolean; required?: boolean }
  | { kind: 'date'; id: string; label: string; value?: string; required?: boolean }
  | { kind: 'choice'; id: string; label: string; options: ChoiceOption[]; value?: string; required?: boolean };

export type Block =
  | { type: 'heading'; text: string }
  | { type: 'text'; text: string; muted?: boolean }
  | { type: 'facts'; facts: Array<{ label: string; value: string }> }
  | { type: 'table'; columns: string[]; rows: string[][] }
  /** Preformatted text shown as is, in a monospaced font (e.g. a JSON document). */
  | { type: 'code'; text: string }
  | { type: 'buttons'; buttons: Button[] }
  /** A chart; Teams draws it, elsewhere its figures are shown as text (and may follow as a PNG file). */
  | { type: 'chart'; chart: ChartSpec }
  /**
   * Inputs with a submit button. `more` are further submit buttons that also carry the inputs
   * (e.g. Yes / Partly / No with an optional note), shown between submit and cancel.
   */
  | { type: 'form'; fields: Field[]; submit: Button; more?: Button[]; cancel?: Button };

export interface OutboundMessage {
  /** Plain-text summary: notification preview, screen readers, and the fallback text. */
  summary: string;
  blocks: Block[];
}

/** A message that is only text. */
export function textMessage(text: string): OutboundMessage {
  return { summary: text, blocks: [{ type: 'text', text }] };
}
