/**
 * Which job a command belongs to, for grouping `help` (issue 10: a flat list of 30 commands is
 * unreadable on a phone). A command may say its `group`; one that does not (a feature added in
 * parallel) is placed by its first word, and anything still unknown goes under "More".
 */
import type { Command, CommandGroup } from './registry';

const BY_FIRST_WORD: Record<string, CommandGroup> = {
  help: 'start',
  setup: 'roster',
  schools: 'roster',
  school: 'roster',
  people: 'roster',
  person: 'roster',
  profile: 'roster',
  import: 'roster',
  reach: 'roster',
  requests: 'roster',
  audit: 'roster',
  join: 'roster',
  checkin: 'checkins',
  checklist: 'checkins',
  terms: 'terms',
  term: 'terms',
  meeting: 'meetings',
  meetings: 'meetings',
  bulletin: 'bulletins',
  bulletins: 'bulletins',
  buddy: 'buddies',
  buddies: 'buddies',
  selfeval: 'self-evaluation',
  'self-evaluation': 'self-evaluation',
  sef: 'self-evaluation',
  digest: 'digest',
  snooze: 'reminders',
  pause: 'reminders',
  resume: 'reminders',
  nudges: 'reminders',
  my: 'privacy',
  erase: 'privacy',
  privacy: 'privacy',
};

export function groupOf(command: Pick<Command, 'id' | 'group'>): CommandGroup {
  if (command.group) return command.group;
  const first = command.id.split(' ')[0] ?? command.id;
  return BY_FIRST_WORD[first] ?? 'more';
}
