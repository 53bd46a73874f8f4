import { verbatim } from '../core/verbatim';
import { buddyMessages } from './buddies';
import { checkinMessages } from './checkin';
import { digestMessages } from './digest';
import { plumbingMessages } from './plumbing';
import { fileMessages } from './files';
import { homeMessages } from './home';
import { meetingAgendaMessages } from './meeting-agenda';
import { meetingsMessages } from './meetings';
import { rosterMessages } from './roster';
import { selfevalMessages } from './selfeval';
import { termsMessages } from './terms';

/**
 * Every user-facing sentence, in British English. Flows ask for text by key so the wording
 * lives in one place and reads consistently ("organise", "programme", dates as 3 March 2027).
 */
const messages = {
  'help.title': 'What I can do for you',
  'help.intro': 'Type a command, or press a button. Commands work the same in Teams and Slack (in Slack, also as /senco <command>).',
  'help.example': 'e.g. {example}',
  'help.group.start': 'Getting started',
  'help.group.roster': 'Set-up and roster',
  'help.group.checkins': 'Check-ins',
  'help.group.terms': 'Term dates',
  'help.group.meetings': 'Meetings',
  'help.group.bulletins': 'Bulletins',
  'help.group.buddies': 'Buddies',
  'help.group.self-evaluation': 'Self-evaluation',
  'help.group.digest': 'Weekly digest',
  'help.group.reminders': 'Reminders',
  'help.group.privacy': 'Your data and privacy',
  'help.group.more': 'More',
  'help.none': 'There is nothing you can do yet until you are on the trust roster. Ask your MAT SEND leader to add you.',
  'unknown.suggest': 'Sorry, I did not recognise "{input}". Did you mean **{suggestion}**?',
  'unknown.nosuggest': 'Sorry, I did not recognise "{input}". Type **help** to see what I can do.',
  'unknown.action': 'That button has expired or is not one I know. Type **help** to start again.',
  'input.tooLong': 'That message is too long for me ({length} characters; the limit is {limit}). Please send something shorter.',
  'input.empty': 'I did not catch anything there. Type **help** to see what I can do.',
  'denied.role': 'Sorry, **{command}** is for {roles} only. Ask your MAT SEND leader if you think you need it.',
  'denied.unlinked': 'I do not know who you are yet, so I cannot do that. Ask your MAT SEND leader to add you to the roster.',
  'invoke.done': 'Done.',
  'invoke.unsupported': 'The SENCO Network bot does not support this action. Type **help** to see what it can do.',
  'rate.limited': "You've asked for this a lot in the last minute; try again at {time}.",
  'error.generic': 'Sorry, something went wrong on my side and nothing was changed. Please try again in a minute.',
  'error.unavailable': 'Sorry, I cannot reach my records just now, so nothing was done. Please try again in a minute.',
  'role.senco': 'SENCOs',
  'role.send-leader': 'MAT SEND leaders',
  'role.trust-leader': 'trust leaders',
  'role.admin': 'administrators',
  ...plumbingMessages,
  'list.showing': 'Showing {from}–{to} of {total}.',
  'list.more': 'Show more',
  'list.typePart': 'Type part of the name',
  'list.matches': '{count} match "{query}". Pick one, or type more of the name.',
  'list.noMatch': 'Nothing matches "{query}". Check the spelling, or type less of the name.',
  ...rosterMessages,
  ...checkinMessages,
  ...termsMessages,
  ...digestMessages,
  ...fileMessages,
  ...meetingsMessages,
  ...meetingAgendaMessages,
  ...buddyMessages,
  ...selfevalMessages,
  ...homeMessages,
  'snooze.button.tomorrow': 'Snooze until tomorrow',
  'snooze.button.nextWeek': 'Snooze until next week',
  'snooze.choose': 'Which reminders would you like to snooze?',
  'snooze.all': 'All reminders',
  'snooze.pauseHint': 'Away for longer? Type **pause until** and a date, for example pause until 6 April 2027.',
  'snooze.done': 'Snoozed: {what} until {until}. Type **resume** to have them back sooner.',
  'snooze.usage': 'Type **snooze** to choose, or **snooze tomorrow** or **snooze next week** to snooze all reminders.',
  'snooze.badButton': 'That snooze button is not one I know. Type **snooze** to choose again.',
  'pause.usage': 'Until when? For example **pause until 6 April 2027** or **pause until 06/04/2027**.',
  'pause.badDate': 'I could not read "{input}" as a date. Write it like 6 April 2027 or 06/04/2027.',
  'pause.past': 'That date is not in the future. Pick a date from tomorrow onwards.',
  'pause.tooFar': 'I can pause reminders for up to {days} days. Pick an earlier date.',
  'pause.done': 'Paused all reminders until {until}. Type **resume** to have them back sooner.',
  'resume.done': 'Reminders are back on. Anything held for you will arrive during school hours.',
  'resume.nothing': 'Your reminders were not paused or snoozed, so nothing has changed.',
} as const;

export type MessageKey = keyof typeof messages;

/**
 * Looks up a message and fills `{name}` placeholders. Filled-in text is data (a school's name,
 * what someone typed), so it is marked verbatim: the renderers show it exactly as written.
 */
/** Text the bot made itself (a signed link, a command hint): filled in as it is, not escaped. */
export interface OwnText {
  own: string;
}

export function ownText(text: string): OwnText {
  return { own: text };
}

/**
 * The message for `key` with its `{placeholders}` filled. Values are people's text, marked to
 * be shown exactly as written on each platform (src/core/verbatim.ts), unless given as ownText.
 */
export function t(key: MessageKey, params: Record<string, string | number | OwnText> = {}): string {
  return messages[key].replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!(name in params)) return whole;
    const value = params[name]!;
    return typeof value === 'object' ? value.own : verbatim(String(value));
  });
}

/** "SENCOs and MAT SEND leaders" */
/** '1 SENCO', '3 SENCOs', '1 school'. */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export function joinList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
