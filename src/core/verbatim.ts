/**
 * Text from people or the roster (names, notes, anything typed) is carried inside a message
 * between two private-use marks, so each adapter's renderer can escape exactly that text for
 * its platform (Slack mrkdwn, Teams markdown) while the bot's own **bold** still works.
 * The marks never leave the renderers; the strict test fakes refuse any payload that has one.
 */
const OPEN = '\uE000';
const CLOSE = '\uE001';
const MARKS = /[\uE000\uE001]/g;

/** Characters some platform reads as formatting: only text with one of these needs marking. */
const SPECIAL = /[&<>*_~`|\\[\]#]/;

/** Marks `text` as written by people (shown exactly as typed on every platform). */
export function verbatim(text: string): string {
  const clean = text.replace(MARKS, '');
  return SPECIAL.test(clean) ? `${OPEN}${clean}${CLOSE}` : clean;
}

/** The text without marks, for plain-text places (button labels, notification previews, files). */
export function stripVerbatim(text: string): string {
  return text.replace(MARKS, '');
}

/** Splits text into the bot's own parts and people's parts, in order. Unbalanced marks are dropped. */
export function splitVerbatim(text: string): Array<{ text: string; verbatim: boolean }> {
  const parts: Array<{ text: string; verbatim: boolean }> = [];
  let rest = text;
  while (rest) {
    const open = rest.indexOf(OPEN);
    const close = open < 0 ? -1 : rest.indexOf(CLOSE, open + 1);
    if (open < 0 || close < 0) {
      parts.push({ text: stripVerbatim(rest), verbatim: false });
      break;
    }
    if (open > 0) parts.push({ text: stripVerbatim(rest.slice(0, open)), verbatim: false });
    parts.push({ text: stripVerbatim(rest.slice(open + 1, close)), verbatim: true });
    rest = rest.slice(close + 1);
  }
  return parts.filter((p) => p.text);
}

/** Renders text by escaping people's parts with `escapeVerbatim` and the bot's parts with `escapeOwn`. */
export function renderVerbatim(text: string, escapeOwn: (s: string) => string, escapeVerbatim: (s: string) => string): string {
  return splitVerbatim(text)
    .map((p) => (p.verbatim ? escapeVerbatim(p.text) : escapeOwn(p.text)))
    .join('');
}
