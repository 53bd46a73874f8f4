/**
 * The compliance section's facts from the check-in data: the latest round (the open one, else
 * the latest closed), its completion, open "no"/"partly" answers and deadlines (overdue and due
 * soon), the schools with no finished check-in in the last two closed rounds, and last week's
 * completion from the digest's weekly snapshot (told only within the same round).
 */
import { addDays } from '../../calendar';
import type { CheckinRound } from '../../core/checkin/model';
import type { DigestFigures } from '../../core/digest-port';
import type { DigestContribution } from '../../core/digest/model';
import { complianceSection, type ComplianceFacts } from '../../digest/weekly/compliance-section';
import { roundFacts } from '../checkin/rounds';
import { periodLabel } from '../checkin/text';
import type { FlowDeps } from '../deps';
import type { DigestSectionInput, DigestSectionProvider } from './section-provider';
import './deps';
import '../checkin/deps';

type ComplianceSvc = Pick<FlowDeps, 'checkin' | 'digest' | 'roster' | 'outbox' | 'clock' | 'audit' | 'logger'>;

/** The round the digest reports: the open one, else the latest closed. */
export function reportedRound(rounds: readonly CheckinRound[]): CheckinRound | null {
  return rounds.find((r) => r.status === 'open') ?? rounds.find((r) => r.status === 'closed') ?? null;
}

async function missedTwoRounds(
  svc: ComplianceSvc,
  trustId: string,
  rounds: readonly CheckinRound[],
): Promise<ComplianceFacts['missedTwoRounds']> {
  const closed = rounds.filter((r) => r.status === 'closed').slice(0, 2);
  if (closed.length < 2) return [];
  const finished = new Set<string>();
  for (const round of closed) {
    for (const c of await svc.checkin.repo.checkinsOfRound(trustId, round.id)) if (c.completedAt) finished.add(c.schoolId);
  }
  const schools = await svc.roster.repo.listSchools(trustId);
  return schools.filter((s) => !finished.has(s.id)).map((s) => ({ schoolId: s.id, schoolName: s.name }));
}

/** The facts, and this week's figures to keep; null before any round has opened. */
export async function complianceFacts(
  svc: ComplianceSvc,
  trustId: string,
  weekOf: string,
): Promise<{ facts: ComplianceFacts; figures: DigestFigures } | null> {
  const rounds = await svc.checkin.repo.listRounds(trustId, 12);
  const round = reportedRound(rounds);
  if (!round) return null;
  const [{ summary }, lastWeek, missed] = await Promise.all([
    roundFacts(svc, round),
    svc.digest.repo.snapshot(trustId, addDays(weekOf, -7)),
    missedTwoRounds(svc, trustId, rounds),
  ]);
  const facts: ComplianceFacts = {
    period: periodLabel(round.period),
    open: round.status === 'open',
    completion: summary.completion,
    concerns: summary.concerns,
    due: summary.dueSoon,
    completeLastWeek: lastWeek && lastWeek.roundId === round.id ? lastWeek.complete : null,
    missedTwoRounds: missed,
  };
  return { facts, figures: { roundId: round.id, complete: summary.complete, schools: summary.schools } };
}

/** The compliance section, registered by the digest feature itself. */
export const complianceProvider: DigestSectionProvider = {
  id: 'compliance',
  async contribute(deps: FlowDeps, input: DigestSectionInput): Promise<DigestContribution> {
    const found = await complianceFacts(deps, input.trustId, input.weekOf);
    if (found && input.record) await deps.digest.repo.saveSnapshot(input.trustId, input.weekOf, found.figures, deps.clock.now());
    return complianceSection(found?.facts ?? null);
  },
};
