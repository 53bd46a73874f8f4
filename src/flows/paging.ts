import type { Block, Button, ChoiceOption, Field } from '../core/message';
import { t } from '../i18n/en-GB';

/**
 * Long lists and pickers that scale to a large trust (120 schools, 600 people). A list shows
 * one page and says so ("Showing 1–25 of 120") with a Show more button, never a silent cut;
 * a picker with more choices than Slack's 100-option menu becomes a type-part-of-the-name step.
 */

/** Rows per page: about 15 KB in a Teams card and 3,000 characters in Slack at roster sizes. */
export const PAGE_SIZE = 25;
/** Slack's static_select holds at most 100 options; above that we ask for part of the name. */
export const MAX_CHOICES = 100;

export interface Page<T> {
  items: T[];
  offset: number;
  total: number;
}

export function pageOf<T>(all: T[], offset: number, size = PAGE_SIZE): Page<T> {
  const start = Math.max(0, Math.min(Number.isFinite(offset) ? Math.floor(offset) : 0, Math.max(0, all.length - 1)));
  return { items: all.slice(start, start + size), offset: start, total: all.length };
}

/** An offset from a button or typed text: a whole number, else 0. */
export function offsetOf(text: string | undefined): number {
  const n = Number(text ?? 0);
  return Number.isInteger(n) && n >= 0 ? n : 0;
}

/**
 * "Showing 26–50 of 120." and how to see the rest, plus a Show more button carrying the next
 * offset in `more.data.offset`. Nothing when the whole list fits on one page.
 */
export function pageFooter(page: Page<unknown>, more: Button, hint?: string): Block[] {
  if (page.total <= page.items.length && page.offset === 0) return [];
  const from = page.total === 0 ? 0 : page.offset + 1;
  const to = page.offset + page.items.length;
  const next = to < page.total;
  const lines = [t('list.showing', { from, to, total: page.total }), ...(hint ? [hint] : [])];
  return [
    { type: 'text', text: lines.join(' '), muted: true },
    ...(next ? [{ type: 'buttons' as const, buttons: [{ ...more, data: { ...(more.data ?? {}), offset: String(to) } }] }] : []),
  ];
}

/** Case-insensitive "contains" on each item's name, ignoring extra spaces. */
export function matchingName<T>(items: T[], name: (item: T) => string, query: string): T[] {
  const needle = normalise(query);
  if (!needle) return items;
  const exact = items.filter((i) => normalise(name(i)) === needle);
  return exact.length ? exact : items.filter((i) => normalise(name(i)).includes(needle));
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * A choice field when the options fit one menu on every platform; otherwise a text field for
 * part of the name, resolved by `resolvePick` when the form comes back.
 */
export function pickerField(input: {
  id: string;
  label: string;
  options: ChoiceOption[];
  value?: string;
  required?: boolean;
  searchLabel: string;
}): Field {
  if (input.options.length <= MAX_CHOICES)
    return { kind: 'choice', id: input.id, label: input.label, options: input.options, value: input.value, required: input.required };
  const current = input.options.find((o) => o.value === input.value)?.label;
  return {
    kind: 'text',
    id: input.id,
    label: input.searchLabel,
    value: current,
    placeholder: t('list.typePart'),
    required: input.required,
  };
}

/**
 * What came back from a `pickerField`: an option's value as is, else the options whose label
 * contains the text (exact label first). Empty when nothing matches.
 */
export function resolvePick(options: ChoiceOption[], answer: string): ChoiceOption[] {
  const byValue = options.find((o) => o.value === answer);
  if (byValue) return [byValue];
  return matchingName(options, (o) => o.label, answer);
}

/** Characters of CSV shown per message: under Slack's practical 12,000 and Teams' 28 KB with room for the rest. */
export const CSV_PAGE_CHARS = 8000;

/**
 * One page of a CSV document shown as text: the header line, then whole data lines from
 * `offset` up to about `maxChars`. `page` counts data lines (the header is not a row).
 */
export function csvPage(csv: string, offset: number, maxChars = CSV_PAGE_CHARS): { text: string; page: Page<string> } {
  const [header = '', ...lines] = csv.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');
  const start = Math.min(offset, Math.max(0, lines.length - 1));
  const items: string[] = [];
  let size = header.length;
  for (const line of lines.slice(start)) {
    if (items.length > 0 && size + line.length + 1 > maxChars) break;
    items.push(line);
    size += line.length + 1;
  }
  return { text: [header, ...items].join('\n'), page: { items, offset: start, total: lines.length } };
}
