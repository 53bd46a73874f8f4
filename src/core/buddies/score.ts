/**
 * The weighed preferences of a pair (domain brief §6, "suggested matching weights"), in whole
 * points so that totals are exact and ties are real ties. Hard constraints are not here: see
 * eligibility.ts.
 */
import type { SchoolPhase } from '../model';
import type { Buddy, MatchReason, Mentee } from './model';

export const WEIGHTS = {
  /** Per year the buddy has over the mentee, up to EXPERIENCE_CAP_YEARS. */
  experiencePerYear: 6,
  experienceCapYears: 5,
  /** A qualified buddy for a mentee who does not hold the qualification yet. */
  qualified: 8,
  /** Every edge of a new SENCO: matching them comes first when places are short. */
  newSenco: 40,
  /** Per tag the mentee asked for that the buddy offers, up to NEEDS_CAP_TAGS. */
  perNeed: 20,
  needsCapTags: 3,
  sameLa: 15,
  samePhase: 12,
  /** Primary or secondary with all-through: close enough to share most practice. */
  nearPhase: 6,
  specialist: 25,
  /** Per round waited, up to WAITED_CAP_ROUNDS. */
  perRoundWaited: 5,
  waitedCapRounds: 4,
  /** Subtracted per earlier pick of this buddy, up to PAST_PICKS_CAP. */
  perPastPick: 8,
  pastPicksCap: 10,
  /** Subtracted per mentee the buddy already has, now or in this round (see slotPenalty). */
  perLoad: 10,
} as const;

/** The highest score a pair can get: keeps every assignment cost non-negative. */
export const MAX_PAIR_SCORE =
  WEIGHTS.experiencePerYear * WEIGHTS.experienceCapYears +
  WEIGHTS.qualified +
  WEIGHTS.newSenco +
  WEIGHTS.perNeed * WEIGHTS.needsCapTags +
  WEIGHTS.sameLa +
  WEIGHTS.samePhase +
  WEIGHTS.specialist +
  WEIGHTS.perRoundWaited * WEIGHTS.waitedCapRounds;

function isNearPhase(a: SchoolPhase, b: SchoolPhase): boolean {
  return (a === 'all-through' && (b === 'primary' || b === 'secondary')) || (b === 'all-through' && (a === 'primary' || a === 'secondary'));
}

export interface PairScore {
  points: number;
  reasons: MatchReason[];
}

/**
 * Points for mentee + buddy before the buddy's load is counted; pushes the reasons when given
 * an array. One function for both so the points and the words can never disagree; the matcher
 * scores every pair without reasons (no allocation) and words only the proposals.
 */
export function scorePair(mentee: Mentee, buddy: Buddy, reasons: MatchReason[] | null, strengths?: ReadonlySet<string>): number {
  let points = 0;
  const gap = Math.min(buddy.yearsInRole - mentee.yearsInRole, WEIGHTS.experienceCapYears);
  if (gap > 0) {
    points += gap * WEIGHTS.experiencePerYear;
    reasons?.push({ code: 'experience', buddyYears: buddy.yearsInRole, menteeYears: mentee.yearsInRole });
  }
  if (mentee.isNew) {
    points += WEIGHTS.newSenco;
    reasons?.push({ code: 'new-senco' });
    if (buddy.qualified) {
      points += WEIGHTS.qualified;
      reasons?.push({ code: 'qualified' });
    }
  }
  let shared = 0;
  for (let i = 0; i < mentee.needs.length; i++) {
    const tag = mentee.needs[i]!;
    if ((strengths ? strengths.has(tag) : buddy.strengths.includes(tag)) && mentee.needs.indexOf(tag) === i) shared++;
  }
  if (shared > 0) {
    points += Math.min(shared, WEIGHTS.needsCapTags) * WEIGHTS.perNeed;
    if (reasons) {
      const tags = [...new Set(mentee.needs)].filter((t) => buddy.strengths.includes(t)).sort();
      reasons.push({ code: 'needs', tags });
    }
  }
  if (mentee.localAuthority !== null && mentee.localAuthority === buddy.localAuthority) {
    points += WEIGHTS.sameLa;
    reasons?.push({ code: 'same-la', localAuthority: mentee.localAuthority });
  }
  if (mentee.phase === buddy.phase) {
    points += WEIGHTS.samePhase;
    reasons?.push({ code: 'same-phase', phase: mentee.phase });
  } else {
    if (isNearPhase(mentee.phase, buddy.phase)) points += WEIGHTS.nearPhase;
    reasons?.push({ code: 'cross-phase', menteePhase: mentee.phase, buddyPhase: buddy.phase });
  }
  if (mentee.wantsSpecialist && buddy.specialist) {
    points += WEIGHTS.specialist;
    reasons?.push({ code: 'specialist' });
  }
  const waited = Math.min(mentee.roundsWaiting, WEIGHTS.waitedCapRounds);
  if (waited > 0) {
    points += waited * WEIGHTS.perRoundWaited;
    reasons?.push({ code: 'waited', rounds: mentee.roundsWaiting });
  }
  points -= Math.min(buddy.pastPicks, WEIGHTS.pastPicksCap) * WEIGHTS.perPastPick;
  if (buddy.pastPicks === 0 && buddy.activeLoad === 0) reasons?.push({ code: 'light-load', pastPicks: 0 });
  return points;
}

/** Points and reasons for mentee + buddy, before the buddy's load is counted. */
export function pairScore(mentee: Mentee, buddy: Buddy): PairScore {
  const reasons: MatchReason[] = [];
  return { points: scorePair(mentee, buddy, reasons), reasons };
}

/**
 * What taking one more mentee costs a buddy: the k-th new mentee (0-based) of a buddy who
 * already has `activeLoad` costs more than the one before, so the solver fills two buddies'
 * first places before anyone's second (spreading the load) unless the fit is much better.
 */
export function slotPenalty(buddy: Pick<Buddy, 'activeLoad'>, k: number): number {
  return (buddy.activeLoad + k) * WEIGHTS.perLoad;
}

/** The highest slot penalty any buddy can have, for cost bounds. */
export function maxSlotPenalty(buddies: readonly Pick<Buddy, 'activeLoad' | 'capacity'>[]): number {
  let max = 0;
  for (const b of buddies) max = Math.max(max, slotPenalty(b, Math.max(0, b.capacity - b.activeLoad - 1)));
  return max + WEIGHTS.perPastPick * WEIGHTS.pastPicksCap;
}
