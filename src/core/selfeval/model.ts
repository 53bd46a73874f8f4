/**
 * Self-evaluation against the MAT SEND review framework (issue 13; domain brief §3): five
 * areas, each a handful of statements a school rates itself on, with evidence and what would
 * help. Frameworks are versioned data: answers keep the version they were given under.
 */

/** The rating scale, weakest first; the index is the level used in roll-ups (0-3). */
export const RATINGS = ['not-yet', 'developing', 'established', 'strong'] as const;
export type Rating = (typeof RATINGS)[number];

export interface RatingLevel {
  id: Rating;
  label: string;
  /** What the level looks like, so two schools mean the same by it. */
  descriptor: string;
}

export interface Statement {
  /** Stable across versions while the meaning holds (used to compare cycles). */
  id: string;
  text: string;
  /** Asked after the rating: optional one line of evidence. */
  evidencePrompt: string;
  /** Asked after a weak rating (not yet in place, developing). */
  helpPrompt: string;
}

export interface Area {
  id: string;
  title: string;
  /** One line shown before the first statement of the area. */
  intro: string;
  statements: Statement[];
}

export interface Framework {
  /** The shipped framework it started from, e.g. 'selfeval-v1'. */
  base: string;
  version: number;
  ratings: RatingLevel[];
  areas: Area[];
  note: string | null;
}

/** One school's answer to one statement in one cycle. */
export interface SelfEvalAnswer {
  cycleId: string;
  schoolId: string;
  statementId: string;
  frameworkVersion: number;
  rating: Rating;
  evidence: string | null;
  /** What would help, after a weak rating. */
  help: string | null;
  answeredBy: string | null;
  answeredAt: Date;
}

export type CycleStatus = 'open' | 'closed';

/** One self-evaluation cycle of a trust (e.g. yearly), compared with the one before. */
export interface SelfEvalCycle {
  id: string;
  trustId: string;
  /** e.g. '2026-27' */
  label: string;
  frameworkVersion: number;
  status: CycleStatus;
  previousCycleId: string | null;
  openedAt: Date;
  closedAt: Date | null;
}

export function ratingLevel(rating: Rating): number {
  return RATINGS.indexOf(rating);
}

/** Not yet in place or developing: the SENCO is asked what would help. */
export function isWeak(rating: Rating): boolean {
  return ratingLevel(rating) <= 1;
}

export function isRating(value: string): value is Rating {
  return (RATINGS as readonly string[]).includes(value);
}
