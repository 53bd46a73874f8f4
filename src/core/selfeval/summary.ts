/**
 * A school's self-evaluation, summarised for the MAT SEND leader (issue 13): ratings per
 * statement, strengths, development areas, what the SENCO says would help, the evidence
 * offered, and change since the last cycle. Extractive and deterministic: every line comes
 * from an answer; nothing is generated. src/digest turns it into a message.
 */
import { findArea } from './framework';
import { isWeak, ratingLevel, type Framework, type Rating, type SelfEvalAnswer } from './model';

export type Change = 'up' | 'down' | 'same' | 'new';

export interface StatementRow {
  statementId: string;
  text: string;
  /** Null when not answered yet. */
  rating: Rating | null;
  previous: Rating | null;
  /** Null when not answered now. */
  change: Change | null;
  evidence: string | null;
  help: string | null;
}

export interface AreaSummary {
  areaId: string;
  title: string;
  answered: number;
  total: number;
  complete: boolean;
  rows: StatementRow[];
  /** Rated strong or established, strongest first. */
  strengths: StatementRow[];
  /** Rated not yet in place or developing, weakest first. */
  development: StatementRow[];
  /** What would help, from weak ratings, in framework order. */
  help: Array<{ statementId: string; text: string }>;
  evidence: Array<{ statementId: string; text: string }>;
  /** Mean level 0-3 of the answered statements (null when none). */
  level: number | null;
}

export interface SchoolSummaryInput {
  framework: Framework;
  answers: readonly SelfEvalAnswer[];
  /** The school's answers in the previous cycle (statement ids compare across versions). */
  previous: readonly SelfEvalAnswer[];
}

function changeOf(now: Rating, before: Rating | null): Change {
  if (before === null) return 'new';
  const d = ratingLevel(now) - ratingLevel(before);
  return d > 0 ? 'up' : d < 0 ? 'down' : 'same';
}

function byStrength(a: StatementRow, b: StatementRow, order: Map<string, number>): number {
  return ratingLevel(b.rating!) - ratingLevel(a.rating!) || order.get(a.statementId)! - order.get(b.statementId)!;
}

/** One area's summary; null for an area id the framework does not have. */
export function summariseArea(input: SchoolSummaryInput, areaId: string): AreaSummary | null {
  const area = findArea(input.framework, areaId);
  if (!area) return null;
  const now = new Map(input.answers.map((a) => [a.statementId, a]));
  const before = new Map(input.previous.map((a) => [a.statementId, a]));
  const order = new Map(area.statements.map((s, i) => [s.id, i]));
  const rows: StatementRow[] = area.statements.map((s) => {
    const answer = now.get(s.id);
    const previous = before.get(s.id)?.rating ?? null;
    return {
      statementId: s.id,
      text: s.text,
      rating: answer?.rating ?? null,
      previous,
      change: answer ? changeOf(answer.rating, previous) : null,
      evidence: answer?.evidence ?? null,
      help: answer?.help ?? null,
    };
  });
  const rated = rows.filter((r) => r.rating !== null);
  return {
    areaId: area.id,
    title: area.title,
    answered: rated.length,
    total: rows.length,
    complete: rated.length === rows.length,
    rows,
    strengths: rated.filter((r) => !isWeak(r.rating!)).sort((a, b) => byStrength(a, b, order)),
    development: rated
      .filter((r) => isWeak(r.rating!))
      .sort((a, b) => ratingLevel(a.rating!) - ratingLevel(b.rating!) || order.get(a.statementId)! - order.get(b.statementId)!),
    help: rated.filter((r) => isWeak(r.rating!) && r.help).map((r) => ({ statementId: r.statementId, text: r.help! })),
    evidence: rated.filter((r) => r.evidence).map((r) => ({ statementId: r.statementId, text: r.evidence! })),
    level: rated.length ? rated.reduce((sum, r) => sum + ratingLevel(r.rating!), 0) / rated.length : null,
  };
}

export interface SchoolSummary {
  areas: AreaSummary[];
  answered: number;
  total: number;
  complete: boolean;
}

/** Every area of the framework for one school. */
export function summariseSchool(input: SchoolSummaryInput): SchoolSummary {
  const areas = input.framework.areas.map((a) => summariseArea(input, a.id)!);
  const answered = areas.reduce((n, a) => n + a.answered, 0);
  const total = areas.reduce((n, a) => n + a.total, 0);
  return { areas, answered, total, complete: answered === total };
}
