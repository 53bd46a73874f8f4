/**
 * Buddying (issue 12): who can be paired with whom, and what a matching round proposes.
 * Pure data; the matcher is src/core/buddies/match.ts and storage is src/core/buddies-port.ts.
 */
import type { SchoolPhase } from '../model';

/** What a mentee can ask for help with, and what a buddy can offer (lower-case tags). */
export const BUDDY_TAGS = [
  'ehcp-applications',
  'annual-reviews',
  'provision-mapping',
  'semh',
  'communication-interaction',
  'local-authority',
  'staff-training',
  'parents',
  'graduated-approach',
  'transition',
  'npq',
] as const;
export type BuddyTag = (typeof BUDDY_TAGS)[number] | (string & {});

/** Settings with specialist expertise a mentee may ask for. */
export const SPECIALIST_PHASES: readonly SchoolPhase[] = ['special', 'alternative-provision'];

/** Someone asking for a buddy in this round. */
export interface Mentee {
  personId: string;
  schoolId: string;
  phase: SchoolPhase;
  localAuthority: string | null;
  /** Whole years as a SENCO (0 in the first year). */
  yearsInRole: number;
  /** New to the role (appointed within 12 months, or marked new by the SEND leader). */
  isNew: boolean;
  needs: readonly BuddyTag[];
  /** Asked for someone from a special school, AP or resource base. */
  wantsSpecialist: boolean;
  /** Rounds already spent on the waiting list (earlier requests come first on equal terms). */
  roundsWaiting: number;
  /** Opted out of buddying: never matched. */
  optedOut: boolean;
}

/** An experienced SENCO who opted in as a buddy. */
export interface Buddy {
  personId: string;
  schoolId: string;
  phase: SchoolPhase;
  localAuthority: string | null;
  yearsInRole: number;
  /** Holds the mandatory SENCO qualification (NPQ or NASENCO). */
  qualified: boolean;
  /** Works in a special school, AP or a resource base. */
  specialist: boolean;
  strengths: readonly BuddyTag[];
  /** How many mentees at once. */
  capacity: number;
  /** Mentees they have now (pairs still running). */
  activeLoad: number;
  /** Mentees they were given in earlier rounds (spreads the load across rounds). */
  pastPicks: number;
  /** Opted out (or paused): never matched. */
  optedOut: boolean;
}

export interface MatchInput {
  mentees: readonly Mentee[];
  buddies: readonly Buddy[];
  /** Every pair that has been together before, as [menteeId, buddyId] in either order. */
  history: readonly (readonly [string, string])[];
  /** Pairs that must never be proposed (e.g. line manager or reviewer of the mentee). */
  blocked?: readonly (readonly [string, string])[];
  /**
   * The SEND leader agrees to a repeat pair for someone who would otherwise have no buddy.
   * Repeats are still never proposed while a fresh pairing exists for that person.
   */
  allowRepeats?: boolean;
  /** 2 = pairs (default); 3 or 4 = small clusters of one buddy with up to 2 or 3 mentees. */
  groupSize?: 2 | 3 | 4;
}

/** Why a pair was proposed, as facts the i18n layer words for the leader and the pair. */
export type MatchReason =
  | { code: 'experience'; buddyYears: number; menteeYears: number }
  | { code: 'qualified' }
  | { code: 'new-senco' }
  | { code: 'needs'; tags: readonly string[] }
  | { code: 'same-la'; localAuthority: string }
  | { code: 'same-phase'; phase: SchoolPhase }
  | { code: 'cross-phase'; menteePhase: SchoolPhase; buddyPhase: SchoolPhase }
  | { code: 'specialist' }
  | { code: 'light-load'; pastPicks: number }
  | { code: 'waited'; rounds: number }
  | { code: 'repeat-agreed' };

export interface Proposal {
  menteeId: string;
  buddyId: string;
  /** Points for this pair (the matcher maximises the total). */
  score: number;
  /** A pair that has been together before (only with the leader's agreement). */
  repeat: boolean;
  /** Same as another proposal's groupId when they form one cluster (the buddy's id). */
  groupId: string;
  reasons: MatchReason[];
}

/** Why someone was not given a buddy; they are told and go on the leader's waiting list. */
export type UnmatchedReason =
  | 'opted-out'
  /** No buddy has opted in with a free place. */
  | 'no-buddies'
  /** Every buddy with room is in the same school. */
  | 'same-school-only'
  /** Every buddy with room is in the same school or ruled out by the leader (e.g. line manager). */
  | 'no-eligible-buddy'
  /** Only buddies they have had before have room; the leader can agree to a repeat. */
  | 'only-previous-buddies'
  /** The buddies who could help were all taken by others this round. */
  | 'no-capacity';

export interface Unmatched {
  menteeId: string;
  reason: UnmatchedReason;
}

export interface MatchResult {
  proposals: Proposal[];
  unmatched: Unmatched[];
  /** Sum of proposal scores. */
  totalScore: number;
}
