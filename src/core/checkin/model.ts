/**
 * Light-touch compliance check-ins (issue 5): the model. A trust's checklist is versioned data;
 * a round asks each school's SENCO the items due for that school; answers keep the checklist
 * version they were given under, so a later checklist change never rewrites history.
 */
import type { LocalDate } from '../dates';
import type { SchoolPhase, SencoProfile } from '../model';

/** Yes / partly / no / not applicable. */
export const CHOICES = ['yes', 'partly', 'no', 'na'] as const;
export type Choice = (typeof CHOICES)[number];

/**
 * How an item is answered: a choice, a date ('YYYY-MM-DD'), a whole number, or two whole
 * numbers on one card ('counts', stored '2/5': e.g. overdue, then due soon).
 */
export const ANSWER_TYPES = ['choice', 'date', 'number', 'counts'] as const;
export type AnswerType = (typeof ANSWER_TYPES)[number];

/** The Code of Practice's own distinction: "must" = a legal duty, "should" = guidance. */
export type Strength = 'must' | 'should';

export const TERM_NAMES = ['autumn', 'spring', 'summer'] as const;
/** The same names as src/calendar (the core may not import it). */
export type TermName = (typeof TERM_NAMES)[number];

/**
 * How often an item is asked:
 * - every-term: once in each term (with half-termly rounds, in the first round of the term);
 * - once-a-year: in the given term (and in a school's first round, as a baseline);
 * - on-change: in a school's first round, then only when the school's SENCO has changed.
 */
export type Frequency =
  /** `alsoOnChange`: asked again, out of turn, when the school's SENCO has changed. */
  { kind: 'every-term'; alsoOnChange?: boolean } | { kind: 'once-a-year'; term: TermName; alsoOnChange?: boolean } | { kind: 'on-change' };

/** Which answers get the one follow-up question ("what would help, and by when?"). */
export type FollowUpRule =
  | { kind: 'none' }
  | { kind: 'choices'; values: readonly Choice[] }
  /** A date more than `months` ago (e.g. a report not reviewed within 12 months). */
  | { kind: 'date-older-than'; months: number }
  /** A number above `value` (e.g. any overdue reviews); for 'counts', the first number. */
  | { kind: 'number-above'; value: number }
  /** An end date already passed (e.g. an accessibility plan that has run out). */
  | { kind: 'date-passed' };

export interface ChecklistItem {
  /** Stable across versions: answers are matched to items by id. */
  id: string;
  /** A few words naming the item on buttons and in summaries ("SEN information report"). */
  title: string;
  /** The question, worded for reflection, not inspection. */
  question: string;
  /** A short line of context shown under the question. */
  hint: string | null;
  strength: Strength;
  /** Legal basis or guidance reference, e.g. 'Children and Families Act 2014 s.67'. */
  basis: string;
  /** School phases the item applies to. */
  phases: readonly SchoolPhase[];
  frequency: Frequency;
  answer: AnswerType;
  followUp: FollowUpRule;
  /**
   * True when the answer is a standing fact that should not change between rounds (a policy
   * exists, a report date): last round's answer is offered for one-tap confirmation.
   */
  prefill: boolean;
  /** Date items: the date renews after this many months (feeds "due soon"). */
  renewMonths: number | null;
  /** Number items: the answer counts things falling due soon (feeds "due soon"). */
  countsDueSoon: boolean;
  /** Item whose context comes from the SENCO profile (the mandatory qualification). */
  derived: 'qualification' | null;
  /**
   * Date items: true when the date is when something ends (may be in the future, e.g. the
   * current accessibility plan's end); otherwise it is when something was done (not future).
   * Optional so versions stored before it existed read as before.
   */
  endDate?: boolean;
  /** Switched off by the trust: kept in the version so old answers still have their wording. */
  enabled: boolean;
  origin: 'default' | 'trust';
}

/** One version of a trust's checklist. Version 1 is the shipped default until a trust edits it. */
export interface Checklist {
  /** The shipped default this version started from, e.g. 'checklist-v1'. */
  base: string;
  version: number;
  items: readonly ChecklistItem[];
  /** What changed from the version before (shown in history). */
  note: string | null;
}

/** Which part of the school year a round covers. `half` is null for a termly round. */
export interface RoundPeriod {
  /** Academic year label, e.g. '2026-27'. */
  year: string;
  term: TermName;
  half: 1 | 2 | null;
}

export type Cadence = 'termly' | 'half-termly';

export type RoundStatus = 'scheduled' | 'open' | 'closed';

export interface CheckinRound {
  id: string;
  trustId: string;
  period: RoundPeriod;
  cadence: Cadence;
  /** The checklist version the round asks (fixed when the round is created). */
  checklistVersion: number;
  status: RoundStatus;
  opensAt: Date;
  closesAt: Date;
  /** The weekly rule the round was scheduled with ("Tuesdays at 15:45"), if any. */
  rule: string | null;
  createdBy: string | null;
  openedAt: Date | null;
  closedAt: Date | null;
  /** Who closed it early; null when it closed at its closing time (or is not closed). */
  closedBy: string | null;
}

/** A last-round answer offered for one-tap confirmation, or a value taken from the SENCO profile. */
export interface Prefill {
  value: string;
  source: 'last-round' | 'profile';
}

/** One school's check-in within a round. */
export interface SchoolCheckin {
  id: string;
  roundId: string;
  trustId: string;
  schoolId: string;
  /** The SENCOs at the time the round opened. */
  sencoIds: readonly string[];
  /** Items asked, in order (fixed when the round opened). */
  itemIds: readonly string[];
  prefill: Readonly<Record<string, Prefill>>;
  completedAt: Date | null;
}

export interface FollowUp {
  /** What would help. */
  help: string;
  /** By when, if said. */
  by: LocalDate | null;
}

/**
 * - answered: the SENCO gave this answer;
 * - unchanged: the SENCO confirmed last round's answer (or the profile's) with one tap.
 */
export type AnswerSource = 'answered' | 'unchanged';

export interface CheckinAnswer {
  checkinId: string;
  itemId: string;
  checklistVersion: number;
  value: string;
  note: string | null;
  followUp: FollowUp | null;
  source: AnswerSource;
  answeredBy: string | null;
  answeredAt: Date;
}

/** What a school answered for an item in an earlier round: the input to due-item selection. */
export interface PastAnswer {
  itemId: string;
  value: string;
  period: RoundPeriod;
  /** The SENCOs when that round opened (for on-change items). */
  sencoIds: readonly string[];
  answeredAt: Date;
}

/** The SENCO-profile facts the qualification item needs ('YYYY-MM-DD' dates). */
export type SencoFacts = { personId: string; name: string } & Omit<SencoProfile, 'tags'>;
