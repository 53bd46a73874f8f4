/**
 * The buddy matcher (issue 12): an assignment problem, not first-come greedy. Each buddy's
 * free places become slots; every mentee is a row; the Hungarian method (assignment.ts) finds
 * the assignment that first matches as many people as possible, then maximises the total
 * score (score.ts), then breaks remaining ties towards less-used buddies and earlier ids.
 *
 * Order of solving: fresh pairs for everyone; then, only if the SEND leader agreed, repeat
 * pairs for those still without a buddy (so a repeat is never proposed while a fresh pairing
 * exists). Anyone left over is returned in `unmatched` with the reason, never dropped.
 *
 * Clusters (groupSize 3 or 4) add one rule the assignment cannot express: two mentees of one
 * school never share a cluster. A clash is resolved by branch and bound (one branch per
 * mentee kept out of that cluster), which stays exact within a budget of solves.
 */
import { solveAssignment } from './assignment';
import { freePlaces, pairSet, pairVerdict, type PairVerdict } from './eligibility';
import type { Buddy, MatchInput, MatchReason, MatchResult, Mentee, Proposal, Unmatched, UnmatchedReason } from './model';
import { MAX_PAIR_SCORE, maxSlotPenalty, scorePair, slotPenalty } from './score';

const byId = <T extends { personId: string }>(a: T, b: T): number => (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0);

/** Solves allowed for resolving cluster clashes before falling back to dropping the weaker fit. */
const CLUSTER_SOLVE_BUDGET = 64;

const VERDICTS: readonly PairVerdict[] = ['ok', 'repeat', 'same-school', 'self', 'opted-out', 'blocked'];
const OK = 0;
const REPEAT = 1;

interface Assigned {
  mentee: number;
  buddy: number;
  repeat: boolean;
}

/** Everything the solving passes share; pair facts in flat arrays (mentee * buddies + buddy). */
interface Problem {
  mentees: Mentee[];
  buddies: Buddy[];
  verdict: Uint8Array;
  points: Int32Array;
  places: number[];
  /** Ties: a buddy's position by (activeLoad, pastPicks, id). */
  tieRank: number[];
  groupSize: number;
}

function buildProblem(input: MatchInput): Problem {
  const groupSize = input.groupSize ?? 2;
  const mentees = [...input.mentees].sort(byId);
  const buddies = [...input.buddies].sort(byId);
  const history = pairSet(input.history);
  const blocked = pairSet(input.blocked);
  const strengths = buddies.map((b) => new Set<string>(b.strengths));
  const B = buddies.length;
  const verdict = new Uint8Array(mentees.length * B);
  const points = new Int32Array(mentees.length * B);
  mentees.forEach((m, i) => {
    buddies.forEach((b, j) => {
      const v = VERDICTS.indexOf(pairVerdict(m, b, history, blocked));
      verdict[i * B + j] = v;
      if (v === OK || v === REPEAT) points[i * B + j] = scorePair(m, b, null, strengths[j]);
    });
  });
  const order = buddies
    .map((b, i) => ({ b, i }))
    .sort((x, y) => x.b.activeLoad - y.b.activeLoad || x.b.pastPicks - y.b.pastPicks || byId(x.b, y.b));
  const tieRank = new Array<number>(B);
  order.forEach(({ i }, rank) => (tieRank[i] = rank));
  return { mentees, buddies, verdict, points, places: buddies.map((b) => freePlaces(b, groupSize)), tieRank, groupSize };
}

/**
 * One solving pass: `rows` (mentee indexes) against the buddies' remaining places, using only
 * pairs whose verdict is in `allowed` and whose key (mentee * buddies + buddy) is not forbidden.
 */
function solvePass(p: Problem, rows: number[], used: number[], allowed: ReadonlySet<number>, forbidden: ReadonlySet<number>): Assigned[] {
  const B = p.buddies.length;
  const slotBuddy: number[] = [];
  const slotK: number[] = [];
  p.buddies.forEach((_, b) => {
    for (let k = used[b]!; k < p.places[b]!; k++) {
      slotBuddy.push(b);
      slotK.push(k);
    }
  });
  const open = p.buddies.map((_, b) => used[b]! < p.places[b]!);
  const can = (m: number, b: number): boolean => open[b]! && allowed.has(p.verdict[m * B + b]!) && !forbidden.has(m * B + b);
  const usable = rows.filter((m) => p.buddies.some((_, b) => can(m, b)));
  if (usable.length === 0) return [];
  // Lexicographic costs in exact integers: score first, then the tie rank (which can never add
  // up to one point of score), and a "no buddy" column dearer than any set of real pairs.
  const tieUnit = usable.length * B + 1;
  const worst = (MAX_PAIR_SCORE + maxSlotPenalty(p.buddies) + 1) * tieUnit;
  const dummy = usable.length * worst + 1;
  if (usable.length * dummy > Number.MAX_SAFE_INTEGER / 4) throw new Error('buddy matching too large for exact costs');
  const S = slotBuddy.length;
  const cols = S + usable.length;
  const cost = new Float64Array(usable.length * cols);
  usable.forEach((m, r) => {
    const row = r * cols;
    for (let c = 0; c < S; c++) {
      const b = slotBuddy[c]!;
      const value = p.points[m * B + b]! - slotPenalty(p.buddies[b]!, slotK[c]!);
      cost[row + c] = can(m, b) ? (MAX_PAIR_SCORE - value) * tieUnit + p.tieRank[b]! : Infinity;
    }
    cost.fill(dummy, row + S, row + cols);
  });
  const colOf = solveAssignment({ rows: usable.length, cols, cost });
  const out: Assigned[] = [];
  usable.forEach((m, r) => {
    const c = colOf[r]!;
    if (c < S) out.push({ mentee: m, buddy: slotBuddy[c]!, repeat: p.verdict[m * B + slotBuddy[c]!] === REPEAT });
  });
  return out;
}

/** The first two mentees of one school in one cluster (new ones only; `fixed` stay), or null. */
function firstClash(p: Problem, fixed: readonly Assigned[], assigned: readonly Assigned[]): [Assigned, Assigned] | null {
  if (p.groupSize <= 2) return null;
  const seen = new Map<string, Assigned>(fixed.map((a) => [`${a.buddy}:${p.mentees[a.mentee]!.schoolId}`, a]));
  for (const a of assigned) {
    const key = `${a.buddy}:${p.mentees[a.mentee]!.schoolId}`;
    const other = seen.get(key);
    if (other) return [other, a];
    seen.set(key, a);
  }
  return null;
}

/** (people matched, total score): what the matcher maximises, in that order. */
function valueOf(p: Problem, assigned: readonly Assigned[], used: readonly number[]): [number, number] {
  const B = p.buddies.length;
  const count = new Map<number, number>();
  let score = 0;
  for (const a of assigned) {
    const k = count.get(a.buddy) ?? 0;
    count.set(a.buddy, k + 1);
    score += p.points[a.mentee * B + a.buddy]! - slotPenalty(p.buddies[a.buddy]!, used[a.buddy]! + k);
  }
  return [assigned.length, score];
}

function solveClusters(
  p: Problem,
  rows: number[],
  used: number[],
  allowed: ReadonlySet<number>,
  fixed: readonly Assigned[] = [],
): Assigned[] {
  const B = p.buddies.length;
  const fixedSet = new Set(fixed);
  let budget = CLUSTER_SOLVE_BUDGET;
  const search = (forbidden: Set<number>): Assigned[] => {
    budget--;
    const assigned = solvePass(p, rows, used, allowed, forbidden);
    const clash = firstClash(p, fixed, assigned);
    if (!clash) return assigned;
    const [a, b] = clash;
    if (budget <= 0) {
      // Out of budget: keep the better fit (or the one placed earlier) and drop the other.
      const drop = fixedSet.has(a) || p.points[a.mentee * B + a.buddy]! >= p.points[b.mentee * B + b.buddy]! ? b : a;
      return search(new Set([...forbidden, drop.mentee * B + drop.buddy]));
    }
    const branches = [b, a].filter((x) => !fixedSet.has(x)).map((x) => search(new Set([...forbidden, x.mentee * B + x.buddy])));
    let best = branches[0]!;
    for (const other of branches.slice(1)) {
      const [bc, bs] = valueOf(p, best, used);
      const [oc, os] = valueOf(p, other, used);
      if (oc > bc || (oc === bc && os > bs)) best = other;
    }
    return best;
  };
  return search(new Set());
}

function unmatchedReason(p: Problem, m: number, used: number[], repeatsAllowed: boolean): UnmatchedReason {
  const B = p.buddies.length;
  if (p.mentees[m]!.optedOut) return 'opted-out';
  const open = p.buddies.map((_, b) => b).filter((b) => p.places[b]! > 0);
  if (open.length === 0) return 'no-buddies';
  const verdicts = open.map((b) => VERDICTS[p.verdict[m * B + b]!]!);
  if (verdicts.includes('ok')) return 'no-capacity';
  if (verdicts.includes('repeat')) {
    const repeatFree = open.some((b) => p.verdict[m * B + b] === REPEAT && used[b]! < p.places[b]!);
    return repeatsAllowed && !repeatFree ? 'no-capacity' : 'only-previous-buddies';
  }
  return verdicts.every((v) => v === 'same-school' || v === 'self') ? 'same-school-only' : 'no-eligible-buddy';
}

function proposalsOf(p: Problem, assigned: Assigned[]): Proposal[] {
  const B = p.buddies.length;
  // The best fit of each buddy takes their first (cheapest) place; the total is the same.
  const byBuddy = new Map<number, Assigned[]>();
  for (const a of assigned) byBuddy.set(a.buddy, [...(byBuddy.get(a.buddy) ?? []), a]);
  const out: Proposal[] = [];
  for (const [b, group] of byBuddy) {
    const buddy = p.buddies[b]!;
    group.sort((x, y) => p.points[y.mentee * B + b]! - p.points[x.mentee * B + b]! || x.mentee - y.mentee);
    group.forEach((a, k) => {
      const mentee = p.mentees[a.mentee]!;
      const reasons: MatchReason[] = [];
      const points = scorePair(mentee, buddy, reasons);
      if (a.repeat) reasons.push({ code: 'repeat-agreed' });
      out.push({
        menteeId: mentee.personId,
        buddyId: buddy.personId,
        score: points - slotPenalty(buddy, k),
        repeat: a.repeat,
        groupId: p.groupSize > 2 ? buddy.personId : `${buddy.personId}:${mentee.personId}`,
        reasons,
      });
    });
  }
  return out.sort((x, y) => byId({ personId: x.menteeId }, { personId: y.menteeId }));
}

/** Proposes buddies for this round's mentees. Pure and deterministic: input order does not matter. */
export function matchBuddies(input: MatchInput): MatchResult {
  const p = buildProblem(input);
  const used = p.buddies.map(() => 0);
  const wanting = p.mentees.map((_, m) => m).filter((m) => !p.mentees[m]!.optedOut);
  const assigned = solveClusters(p, wanting, used, new Set([OK]));
  for (const a of assigned) used[a.buddy]!++;
  if (input.allowRepeats) {
    const matched = new Set(assigned.map((a) => a.mentee));
    const rest = wanting.filter((m) => !matched.has(m));
    const repeats = solveClusters(p, rest, used, new Set([OK, REPEAT]), assigned);
    for (const a of repeats) used[a.buddy]!++;
    assigned.push(...repeats);
  }
  const matched = new Set(assigned.map((a) => a.mentee));
  const unmatched: Unmatched[] = p.mentees
    .map((_, m) => m)
    .filter((m) => !matched.has(m))
    .map((m) => ({ menteeId: p.mentees[m]!.personId, reason: unmatchedReason(p, m, used, input.allowRepeats ?? false) }));
  const proposals = proposalsOf(p, assigned);
  return { proposals, unmatched, totalScore: proposals.reduce((sum, x) => sum + x.score, 0) };
}
