/**
 * The hard constraints of a pair (issue 12): never the same school, never someone who opted
 * out, never a blocked pair (line manager, reviewer), never over capacity (the solver's slots),
 * and never a pair that has been together before unless the leader agrees and nothing else is
 * possible (match.ts solves fresh pairs first, then repeats for those still without a buddy).
 */
import type { Buddy, Mentee } from './model';

export type PairVerdict = 'ok' | 'repeat' | 'same-school' | 'self' | 'opted-out' | 'blocked';

/**
 * A set of unordered pairs of people. Looked up per person (no key string built per look-up:
 * the matcher asks mentees x buddies times a round).
 */
export class PairIndex {
  private readonly partners = new Map<string, Set<string>>();

  constructor(pairs: readonly (readonly [string, string])[] = []) {
    for (const [a, b] of pairs) {
      this.add(a, b);
      this.add(b, a);
    }
  }

  private add(a: string, b: string): void {
    const set = this.partners.get(a);
    if (set) set.add(b);
    else this.partners.set(a, new Set([b]));
  }

  has(a: string, b: string): boolean {
    return this.partners.get(a)?.has(b) ?? false;
  }
}

export function pairSet(pairs: readonly (readonly [string, string])[] | undefined): PairIndex {
  return new PairIndex(pairs);
}

/** Free places a buddy has this round. */
export function freePlaces(buddy: Buddy, groupSize: number): number {
  if (buddy.optedOut) return 0;
  const free = Math.max(0, buddy.capacity - buddy.activeLoad);
  // A cluster is one buddy with up to groupSize - 1 mentees: one new cluster per buddy a round.
  return groupSize > 2 ? Math.min(free, groupSize - 1) : free;
}

export function pairVerdict(mentee: Mentee, buddy: Buddy, history: PairIndex, blocked: PairIndex): PairVerdict {
  if (mentee.personId === buddy.personId) return 'self';
  if (mentee.optedOut || buddy.optedOut) return 'opted-out';
  if (mentee.schoolId === buddy.schoolId) return 'same-school';
  if (blocked.has(mentee.personId, buddy.personId)) return 'blocked';
  if (history.has(mentee.personId, buddy.personId)) return 'repeat';
  return 'ok';
}
