/**
 * The hard constraints of a pair (issue 12): never the same school, never someone who opted
 * out, never a blocked pair (line manager, reviewer), never over capacity (the solver's slots),
 * and never a pair that has been together before unless the leader agrees and nothing else is
 * possible (match.ts solves fresh pairs first, then repeats for those still without a buddy).
 */
import type { Buddy, Mentee } from './model';

export type PairVerdict = 'ok' | 'repeat' | 'same-school' | 'self' | 'opted-out' | 'blocked';

/** Keys a pair the same way whichever order its ids come in. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

export function pairSet(pairs: readonly (readonly [string, string])[] | undefined): Set<string> {
  return new Set((pairs ?? []).map(([a, b]) => pairKey(a, b)));
}

/** Free places a buddy has this round. */
export function freePlaces(buddy: Buddy, groupSize: number): number {
  if (buddy.optedOut) return 0;
  const free = Math.max(0, buddy.capacity - buddy.activeLoad);
  // A cluster is one buddy with up to groupSize - 1 mentees: one new cluster per buddy a round.
  return groupSize > 2 ? Math.min(free, groupSize - 1) : free;
}

export function pairVerdict(mentee: Mentee, buddy: Buddy, history: Set<string>, blocked: Set<string>): PairVerdict {
  if (mentee.personId === buddy.personId) return 'self';
  if (mentee.optedOut || buddy.optedOut) return 'opted-out';
  if (mentee.schoolId === buddy.schoolId) return 'same-school';
  const key = pairKey(mentee.personId, buddy.personId);
  if (blocked.has(key)) return 'blocked';
  if (history.has(key)) return 'repeat';
  return 'ok';
}
