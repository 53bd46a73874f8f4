/**
 * The buddy matcher (issue 12): an assignment problem, not first-come greedy. Each buddy's
 * free places become slots; every mentee is a row; the Hungarian method (assignment.ts) finds
 * the assignment that first matches as many people as possible, then maximises the total
 * score (score.ts), then breaks remaining ties towards less-used buddies and earlier ids.
 *
 * Order of solving: fresh pairs for everyone; then, only if the SEND leader agreed, repeat
 * pairs for those still without a buddy (so a repeat is never proposed while a fresh pairing
 * exists). Anyone left over is returned in `unmatched` with the reason, never dropped.
 */
import { solveAssignment } from './assignment';
import { freePlaces, pairSet, pairVerdict, type PairVerdict } from './eligibility';
import type { Buddy, MatchInput, MatchReason, MatchResult, Mentee, Proposal, Unmatched, UnmatchedReason } from './model';
import { MAX_PAIR_SCORE, maxSlotPenalty, pairScore, slotPenalty, type PairScore } from './score';

const byId = <T extends { personId: string }>(a: T, b: T): number => (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0);

/** Cluster repairs tried before giving up on a same-school pair of mentees in one cluster. */
const MAX_REPAIRS = 50;

interface Edge {
  verdict: PairVerdict;
  score: PairScore;
}

interface Slot {
  buddy: number;
  /** 0-based index among this round's new places of the buddy. */
  k: number;
}

interface Assigned {
  mentee: number;
  buddy: number;
  repeat: boolean;
}

/** Everything the two solving passes share. */
interface Problem {
  mentees: Mentee[];
  buddies: Buddy[];
  edges: Edge[][];
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
  const edges = mentees.map((m) =>
    buddies.map((b) => {
      const verdict = pairVerdict(m, b, history, blocked);
      return { verdict, score: verdict === 'ok' || verdict === 'repeat' ? pairScore(m, b) : { points: 0, reasons: [] } };
    }),
  );
  const order = buddies
    .map((b, i) => ({ b, i }))
    .sort((x, y) => x.b.activeLoad - y.b.activeLoad || x.b.pastPicks - y.b.pastPicks || byId(x.b, y.b));
  const tieRank = new Array<number>(buddies.length);
  order.forEach(({ i }, rank) => (tieRank[i] = rank));
  return { mentees, buddies, edges, places: buddies.map((b) => freePlaces(b, groupSize)), tieRank, groupSize };
}

/**
 * One solving pass: `rows` (mentee indexes) against the buddies' remaining places, using only
 * edges whose verdict is in `allowed` and not in `forbidden` ("mentee:buddy").
 */
function solvePass(p: Problem, rows: number[], used: number[], allowed: ReadonlySet<PairVerdict>, forbidden: Set<string>): Assigned[] {
  const slots: Slot[] = [];
  p.buddies.forEach((_, b) => {
    for (let k = used[b]!; k < p.places[b]!; k++) slots.push({ buddy: b, k });
  });
  const usable = rows.filter((m) => slots.some((s) => allowed.has(p.edges[m]![s.buddy]!.verdict) && !forbidden.has(`${m}:${s.buddy}`)));
  if (usable.length === 0) return [];
  // Lexicographic costs in exact integers: score first, then the tie rank (which can never add
  // up to one point of score), and a "no buddy" column dearer than any set of real pairs.
  const tieUnit = usable.length * p.buddies.length + 1;
  const worst = (MAX_PAIR_SCORE + maxSlotPenalty(p.buddies) + 1) * tieUnit;
  const dummy = usable.length * worst + 1;
  if (usable.length * dummy > Number.MAX_SAFE_INTEGER / 4) throw new Error('buddy matching too large for exact costs');
  const cols = slots.length + usable.length;
  const cost = new Float64Array(usable.length * cols);
  usable.forEach((m, r) => {
    const row = r * cols;
    slots.forEach((s, c) => {
      const edge = p.edges[m]![s.buddy]!;
      const ok = allowed.has(edge.verdict) && !forbidden.has(`${m}:${s.buddy}`);
      const points = edge.score.points - slotPenalty(p.buddies[s.buddy]!, s.k);
      cost[row + c] = ok ? (MAX_PAIR_SCORE - points) * tieUnit + p.tieRank[s.buddy]! : Infinity;
    });
    for (let c = slots.length; c < cols; c++) cost[row + c] = dummy;
  });
  const colOf = solveAssignment({ rows: usable.length, cols, cost });
  const out: Assigned[] = [];
  usable.forEach((m, r) => {
    const slot = slots[colOf[r]!];
    if (slot) out.push({ mentee: m, buddy: slot.buddy, repeat: p.edges[m]![slot.buddy]!.verdict === 'repeat' });
  });
  return out;
}

/** Mentees from one school in one cluster: the weaker fit of each clash, to forbid and re-solve. */
function clusterClashes(p: Problem, fixed: readonly Assigned[], assigned: Assigned[]): Assigned[] {
  if (p.groupSize <= 2) return [];
  const seen = new Map<string, Assigned>(fixed.map((a) => [`${a.buddy}:${p.mentees[a.mentee]!.schoolId}`, a]));
  const pinned = new Set(fixed);
  const clashes: Assigned[] = [];
  for (const a of assigned) {
    const key = `${a.buddy}:${p.mentees[a.mentee]!.schoolId}`;
    const other = seen.get(key);
    if (!other) {
      seen.set(key, a);
      continue;
    }
    const weaker =
      pinned.has(other) || p.edges[a.mentee]![a.buddy]!.score.points <= p.edges[other.mentee]![other.buddy]!.score.points ? a : other;
    clashes.push(weaker);
    if (weaker === other) seen.set(key, a);
  }
  return clashes;
}

function solveWithClusters(
  p: Problem,
  rows: number[],
  used: number[],
  allowed: ReadonlySet<PairVerdict>,
  fixed: readonly Assigned[] = [],
): Assigned[] {
  const forbidden = new Set<string>();
  for (let attempt = 0; ; attempt++) {
    const assigned = solvePass(p, rows, used, allowed, forbidden);
    const clashes = clusterClashes(p, fixed, assigned);
    if (clashes.length === 0) return assigned;
    if (attempt >= MAX_REPAIRS) {
      const drop = new Set(clashes);
      return assigned.filter((a) => !drop.has(a));
    }
    for (const c of clashes) forbidden.add(`${c.mentee}:${c.buddy}`);
  }
}

function unmatchedReason(p: Problem, m: number, used: number[], repeatsAllowed: boolean): UnmatchedReason {
  const mentee = p.mentees[m]!;
  if (mentee.optedOut) return 'opted-out';
  const open = p.buddies.map((_, b) => b).filter((b) => p.places[b]! > 0 && !p.buddies[b]!.optedOut);
  if (open.length === 0) return 'no-buddies';
  const verdicts = open.map((b) => p.edges[m]![b]!.verdict);
  if (verdicts.includes('ok')) return 'no-capacity';
  if (verdicts.includes('repeat')) {
    const repeatFree = open.some((b) => p.edges[m]![b]!.verdict === 'repeat' && used[b]! < p.places[b]!);
    return repeatsAllowed && !repeatFree ? 'no-capacity' : 'only-previous-buddies';
  }
  return verdicts.every((v) => v === 'same-school' || v === 'self') ? 'same-school-only' : 'no-eligible-buddy';
}

function proposalsOf(p: Problem, assigned: Assigned[]): Proposal[] {
  // The best fit of each buddy takes their first (cheapest) place; the total is the same.
  const byBuddy = new Map<number, Assigned[]>();
  for (const a of assigned) byBuddy.set(a.buddy, [...(byBuddy.get(a.buddy) ?? []), a]);
  const out: Proposal[] = [];
  for (const [b, group] of byBuddy) {
    const buddy = p.buddies[b]!;
    group.sort((x, y) => p.edges[y.mentee]![b]!.score.points - p.edges[x.mentee]![b]!.score.points || x.mentee - y.mentee);
    group.forEach((a, k) => {
      const mentee = p.mentees[a.mentee]!;
      const edge = p.edges[a.mentee]![b]!;
      const reasons: MatchReason[] = [...edge.score.reasons];
      if (a.repeat) reasons.push({ code: 'repeat-agreed' });
      out.push({
        menteeId: mentee.personId,
        buddyId: buddy.personId,
        score: edge.score.points - slotPenalty(buddy, k),
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
  const assigned = solveWithClusters(p, wanting, used, new Set(['ok']));
  for (const a of assigned) used[a.buddy]!++;
  if (input.allowRepeats) {
    const matched = new Set(assigned.map((a) => a.mentee));
    const rest = wanting.filter((m) => !matched.has(m));
    const repeats = solveWithClusters(p, rest, used, new Set(['ok', 'repeat']), assigned);
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
