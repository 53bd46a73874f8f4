/**
 * Buddying wording (issue 12): the reasons behind a proposed pair and why someone is on the
 * waiting list, in plain en-GB for the SEND leader and the pair. Kept apart from en-GB.ts
 * until the buddy flows register their keys there.
 */
import type { MatchReason, UnmatchedReason } from '../core/buddies/model';
import type { SchoolPhase } from '../core/model';

export const BUDDY_TAG_LABELS: Record<string, string> = {
  'ehcp-applications': 'EHCP applications',
  'annual-reviews': 'annual reviews',
  'provision-mapping': 'provision mapping',
  semh: 'SEMH',
  'communication-interaction': 'communication and interaction',
  'local-authority': 'working with the local authority',
  'staff-training': 'leading staff training',
  parents: 'working with parents',
  'graduated-approach': 'the graduated approach',
  transition: 'transition',
  npq: 'the NPQ for SENCOs',
};

const PHASE_LABELS: Record<SchoolPhase, string> = {
  primary: 'primary',
  secondary: 'secondary',
  'all-through': 'all-through',
  special: 'special school',
  'alternative-provision': 'alternative provision',
  nursery: 'nursery school',
};

export function tagLabel(tag: string): string {
  return BUDDY_TAG_LABELS[tag] ?? tag.replace(/-/g, ' ');
}

function years(n: number): string {
  return n === 1 ? '1 year' : `${n} years`;
}

function list(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export interface PairNames {
  buddy: string;
  mentee: string;
}

/** One reason as a short sentence, e.g. "Sam has 8 years as a SENCO; Alex has 1 year." */
export function describeReason(reason: MatchReason, names: PairNames): string {
  switch (reason.code) {
    case 'experience':
      return `${names.buddy} has ${years(reason.buddyYears)} as a SENCO; ${names.mentee} has ${years(reason.menteeYears)}.`;
    case 'qualified':
      return `${names.buddy} holds the SENCO qualification and can talk through the NPQ.`;
    case 'new-senco':
      return `${names.mentee} is new to the role, so comes first for a buddy.`;
    case 'needs':
      return `${names.buddy} can help with what ${names.mentee} asked about: ${list(reason.tags.map(tagLabel))}.`;
    case 'same-la':
      return `Both work with ${reason.localAuthority}, so the paperwork is the same.`;
    case 'same-phase':
      return `Both work in ${PHASE_LABELS[reason.phase]} settings.`;
    case 'cross-phase':
      return `Different phases (${PHASE_LABELS[reason.menteePhase]} and ${PHASE_LABELS[reason.buddyPhase]}): useful for transition and a fresh view.`;
    case 'specialist':
      return `${names.buddy} brings special school or AP expertise, as ${names.mentee} asked.`;
    case 'light-load':
      return `${names.buddy} has no one to buddy at the moment.`;
    case 'waited':
      return `${names.mentee} has been waiting for ${reason.rounds === 1 ? 'one round' : `${reason.rounds} rounds`}.`;
    case 'repeat-agreed':
      return `They have been paired before; you agreed to a repeat as no one else was free.`;
  }
}

/** Why someone has no buddy this round, for them and for the leader's waiting list. */
export function describeUnmatched(reason: UnmatchedReason): string {
  switch (reason) {
    case 'opted-out':
      return 'They have opted out of buddying, so no buddy was looked for.';
    case 'no-buddies':
      return 'No buddy has a free place at the moment. They are on the waiting list and come first next time.';
    case 'same-school-only':
      return 'The only buddies with room work in the same school. They are on the waiting list.';
    case 'no-eligible-buddy':
      return 'The buddies with room are in the same school or ruled out (for example their line manager). They are on the waiting list.';
    case 'only-previous-buddies':
      return 'The only buddies with room have buddied them before. You can agree to a repeat, or they wait for someone new.';
    case 'no-capacity':
      return 'Everyone who could help was needed by others this round. They are on the waiting list and come first next time.';
  }
}
