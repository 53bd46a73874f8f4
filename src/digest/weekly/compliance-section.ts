/**
 * The compliance part of the weekly digest, from the latest check-in round: completion by
 * school (with the change since last week), open "no"/"partly" answers, overdue and due-soon
 * deadlines (EHCP review counts, SENCO qualification), and the schools worth a look.
 */
import type { ChartSpec } from '../../core/chart';
import type { CompletionRow, Concern, DueSoon } from '../../core/checkin/summary';
import { formatDate } from '../../core/dates';
import type { DigestContribution, LookAtReason } from '../../core/digest/model';
import { t } from '../../i18n/en-GB';

export interface ComplianceFacts {
  /** 'Autumn term 2026' */
  period: string;
  open: boolean;
  completion: readonly CompletionRow[];
  concerns: readonly Concern[];
  due: readonly DueSoon[];
  /** Schools that finished, as of a week ago (null: no round a week ago). */
  completeLastWeek: number | null;
  /** Ids and names of schools with no finished check-in in either of the last two rounds. */
  missedTwoRounds: ReadonlyArray<{ schoolId: string; schoolName: string }>;
}

/** Open answers per school at which a school is worth a look. */
export const SEVERAL_OPEN = 3;

function completionChart(facts: ComplianceFacts): ChartSpec {
  const finished = facts.completion.filter((r) => r.complete).length;
  const started = facts.completion.filter((r) => !r.complete && !r.missing && r.answered > 0).length;
  const notStarted = facts.completion.filter((r) => !r.complete && !r.missing && r.answered === 0).length;
  const missing = facts.completion.filter((r) => r.missing).length;
  const slices = [
    [t('digest.compliance.finished'), finished],
    [t('digest.compliance.started'), started],
    [t('digest.compliance.notStarted'), notStarted],
    [t('digest.compliance.noSenco'), missing],
  ].filter(([, n]) => (n as number) > 0) as Array<[string, number]>;
  return {
    id: 'compliance-completion',
    kind: 'donut',
    title: t('digest.compliance.chartTitle', { period: facts.period }),
    categories: slices.map(([label]) => label),
    series: [{ name: t('digest.compliance.schools'), values: slices.map(([, n]) => n) }],
    unit: 'schools',
  };
}

function schoolIdByName(facts: ComplianceFacts): Map<string, string> {
  return new Map(facts.completion.map((r) => [r.schoolName, r.schoolId]));
}

function lookAtOf(facts: ComplianceFacts): LookAtReason[] {
  const ids = schoolIdByName(facts);
  const out: LookAtReason[] = [];
  const openBySchool = new Map<string, number>();
  for (const c of facts.concerns) openBySchool.set(c.schoolName, (openBySchool.get(c.schoolName) ?? 0) + 1);
  for (const [schoolName, count] of openBySchool) {
    if (count >= SEVERAL_OPEN)
      out.push({ schoolId: ids.get(schoolName) ?? schoolName, schoolName, reason: t('digest.lookAt.open', { count }), weight: count });
  }
  for (const school of facts.missedTwoRounds) out.push({ ...school, reason: t('digest.lookAt.missed'), weight: 4 });
  for (const d of facts.due) {
    if (d.kind === 'qualification' && d.overdue)
      out.push({
        schoolId: ids.get(d.schoolName) ?? d.schoolName,
        schoolName: d.schoolName,
        reason: t('digest.lookAt.qualification'),
        weight: 3,
      });
  }
  return out;
}

/** The deadline lines, overdue first; also used for one school in the drill-down. */
export function dueLines(facts: Pick<ComplianceFacts, 'due'>): { overdue: string[]; soon: string[] } {
  const overdue: string[] = [];
  const soon: string[] = [];
  for (const d of facts.due) {
    switch (d.kind) {
      case 'review-date':
        (d.overdue ? overdue : soon).push(
          t(d.overdue ? 'digest.due.reviewOverdue' : 'digest.due.review', { school: d.schoolName, date: formatDate(d.due) }),
        );
        break;
      case 'count':
        overdue.push(t('digest.due.count', { school: d.schoolName, count: d.count, question: d.question }));
        break;
      case 'qualification':
        (d.overdue ? overdue : soon).push(
          t(d.overdue ? 'digest.due.qualificationOverdue' : 'digest.due.qualification', { school: d.schoolName, date: formatDate(d.due) }),
        );
        break;
      case 'enrol':
        soon.push(t('digest.due.enrol', { school: d.schoolName }));
        break;
    }
  }
  return { overdue, soon };
}

/** Null section when there has never been a round (nothing to say). */
export function complianceSection(facts: ComplianceFacts | null): DigestContribution {
  if (!facts || facts.completion.length === 0) return { section: null, lookAt: [] };
  const schools = facts.completion.filter((r) => !r.missing).length;
  const complete = facts.completion.filter((r) => r.complete).length;
  const change = facts.completeLastWeek === null ? '' : changeText(complete - facts.completeLastWeek);
  const { overdue, soon } = dueLines(facts);
  const lines = [
    ...(facts.concerns.length > 0
      ? [t('digest.compliance.open', { count: facts.concerns.length, schools: new Set(facts.concerns.map((c) => c.schoolName)).size })]
      : []),
    ...overdue,
    ...soon,
  ];
  return {
    section: {
      id: 'compliance',
      title: t('digest.compliance.title', { period: facts.period }),
      headline: t(facts.open ? 'digest.compliance.headlineOpen' : 'digest.compliance.headlineClosed', { complete, schools, change }),
      lines,
      chart: completionChart(facts),
    },
    lookAt: lookAtOf(facts),
  };
}

function changeText(delta: number): string {
  if (delta === 0) return t('digest.change.same');
  return t(delta > 0 ? 'digest.change.up' : 'digest.change.down', { count: Math.abs(delta) });
}
