import { renderVerbatim, stripVerbatim } from '../../src/core/verbatim';

/**
 * The one place Teams text is escaped. Teams reads card and message text as Markdown and
 * drops what looks like an HTML tag (`<date>`), so `<` and `>` are backslash-escaped in all
 * text, and in text from people every Markdown character is, so `Under_score *Star* Academy`
 * arrives as written.
 */
export function escapeTeamsOwn(text: string): string {
  return text.replace(/[<>]/g, (c) => `\\${c}`);
}

/** Text from people or the roster: every Markdown character escaped. */
export function escapeTeamsVerbatim(text: string): string {
  return text.replace(/[\\*_~`[\]<>#|]/g, (c) => `\\${c}`);
}

/** A neutral text (the bot's **bold** with people's text marked) as Teams Markdown. */
export function teamsMarkdown(text: string): string {
  return renderVerbatim(text, escapeTeamsOwn, escapeTeamsVerbatim);
}

/** For plain places (button titles, choices, labels, previews): no escaping, no marks. */
export function teamsPlain(text: string): string {
  return stripVerbatim(text);
}
