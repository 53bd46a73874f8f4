/**
 * An exhaustive solver for tiny matching instances, written independently of the Hungarian
 * method in src/core/buddies: it tries every assignment and keeps the best by (people
 * matched, total score). It shares only the scoring and the pair rules, which define what
 * "best" means. Used to check that the matcher reaches the optimum.
 */
import { freePlaces, pairSet, pairVerdict } from '../../src/core/buddies/eligibility';
import type { MatchInput } from '../../src/core/buddies/model';
import { pairScore, slotPenalty } from '../../src/core/buddies/score';

export interface ExactResult {
  matched: number;
  score: number;
}

export function solveExactly(input: MatchInput): ExactResult {
  const groupSize = input.groupSize ?? 2;
  const history = pairSet(input.history);
  const blocked = pairSet(input.blocked);
  const mentees = input.mentees;
  const buddies = input.buddies;
  const places = buddies.map((b) => freePlaces(b, groupSize));
  const taken: number[][] = buddies.map(() => []);
  let best: ExactResult = { matched: -1, score: -Infinity };

  function total(): ExactResult {
    let matched = 0;
    let score = 0;
    taken.forEach((group, b) => {
      group.forEach((m, k) => {
        matched++;
        score += pairScore(mentees[m]!, buddies[b]!).points - slotPenalty(buddies[b]!, k);
      });
    });
    return { matched, score };
  }

  function visit(m: number): void {
    if (m === mentees.length) {
      const t = total();
      if (t.matched > best.matched || (t.matched === best.matched && t.score > best.score)) best = t;
      return;
    }
    visit(m + 1);
    const mentee = mentees[m]!;
    buddies.forEach((buddy, b) => {
      if (taken[b]!.length >= places[b]!) return;
      if (pairVerdict(mentee, buddy, history, blocked) !== 'ok') return;
      if (groupSize > 2 && taken[b]!.some((other) => mentees[other]!.schoolId === mentee.schoolId)) return;
      taken[b]!.push(m);
      visit(m + 1);
      taken[b]!.pop();
    });
  }
  visit(0);
  return best;
}
