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

/**
 * A file sent with a message (CSV, .ics, Markdown or HTML, PNG). The bytes are base64 so a
 * message stays plain JSON (outbox rows keep it). Each adapter delivers it its own way: Slack
 * uploads it to the conversation, Teams asks for consent in a personal chat and otherwise
 * links to a short-lived signed download served by the bot.
 */
export interface OutboundFile {
  /** File name shown to the person, with its extension (e.g. `checkin-answers.csv`). */
  name: string;
  /** MIME type, e.g. `text/csv`, `text/calendar`, `text/markdown`, `text/html`, `image/png`. */
  mediaType: string;
  base64: string;
}

/** Largest file a message may carry: well under what both platforms accept, and kept in the database. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

export interface OutboundMessage {
  /** Plain-text summary: notification preview, screen readers, and the fallback text. */
  summary: string;
  blocks: Block[];
  /**
   * Files delivered with the message (e.g. a digest document and its chart PNGs); the blocks
   * say what they are. Each at most MAX_FILE_BYTES.
   */
  files?: OutboundFile[];
  /**
   * In a reply to a card action: replace the card the button was pressed on (Teams
   * updateActivity on the replyToId, Slack chat.update of the container) instead of posting
   * a new message. Where the platform cannot, the message is posted as usual.
   */
  replaceSource?: boolean;
}

/** A file for a message, from text (UTF-8) or bytes. */
export function outboundFile(name: string, mediaType: string, content: string | Uint8Array): OutboundFile {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
  if (bytes.length > MAX_FILE_BYTES) throw new Error(`file ${name} is ${bytes.length} bytes; the limit is ${MAX_FILE_BYTES}`);
  return { name, mediaType, base64: bytes.toString('base64') };
}

/** The bytes of a file carried by a message. */
export function fileBytes(file: OutboundFile): Buffer {
  return Buffer.from(file.base64, 'base64');
}

/** A message that is only text. */
export function textMessage(text: string): OutboundMessage {
  return { summary: text, blocks: [{ type: 'text', text }] };
}
