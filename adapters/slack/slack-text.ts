import { renderVerbatim, stripVerbatim } from '../../src/core/verbatim';

/**
 * The one place Slack text is escaped. Slack reads `& < >` as control characters in mrkdwn
 * (links, mentions) and shows them only as `&amp; &lt; &gt;`; it has no backslash escape for
 * `* _ ~ \``, so in text from people those are fenced with zero-width spaces, which stops
 * Slack pairing them into bold or italic while the reader sees the name as written.
 */
const ZWSP = '\u200B';

/** Escapes the three characters Slack's mrkdwn and plain `text` reserve. */
export function escapeSlackEntities(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Text from people or the roster: shown exactly as written, never read as formatting. */
export function escapeSlackVerbatim(text: string): string {
  return escapeSlackEntities(text).replace(/[*_~`]/g, (c) => `${ZWSP}${c}${ZWSP}`);
}

/**
 * The bot's own Markdown subset (and a leader's bulletin body) in Slack's words: links
 * `[text](https://...)` -> `<https://...|text>`, "- " list lines -> "• " (Slack has no lists).
 */
function slackOwn(text: string): string {
  return escapeSlackEntities(text)
    .replace(/\[([^\]\n|]+)\]\((https?:\/\/[^\s)|]+)\)/g, '<$2|$1>')
    .replace(/^(\s*)- /gm, '$1• ');
}

/** A neutral text (the bot's markdown subset with people's text marked) as Slack mrkdwn. */
export function slackMrkdwn(text: string): string {
  return renderVerbatim(text, slackOwn, escapeSlackVerbatim).replace(/\*\*(.+?)\*\*/g, '*$1*');
}

/** For plain_text objects (buttons, headers, labels, options): no escaping, no marks. */
export function slackPlain(text: string): string {
  return stripVerbatim(text);
}
