/**
 * Which items a school is asked in a round, and which of them can be offered pre-filled for
 * one-tap confirmation. Pure: the caller passes the school's past answers and SENCO facts.
 */
import type { LocalDate } from '../dates';
import type { SchoolPhase } from '../model';
import { needsFollowUp } from './answers';
import { enabledItems } from './checklist';
import type { Checklist, ChecklistItem, PastAnswer, Prefill, RoundPeriod, SencoFacts } from './model';
import { qualificationStatus, type QualificationStatus } from '../qualification';

export interface DueInput {
  checklist: Checklist;
  phase: SchoolPhase;
  period: RoundPeriod;
  /** This school's answers in earlier rounds (any order). */
  history: readonly PastAnswer[];
  /** The school's SENCOs now. */
  sencoIds: readonly string[];
}

function latest(history: readonly PastAnswer[], itemId: string): PastAnswer | undefined {
  let best: PastAnswer | undefined;
  for (const answer of history) {
    if (answer.itemId === itemId && (!best || answer.answeredAt > best.answeredAt)) best = answer;
  }
  return best;
}

function sameSencos(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
}

function isDue(item: ChecklistItem, input: DueInput): boolean {
  const mine = input.history.filter((h) => h.itemId === item.id);
  if (mine.length === 0) return true; // the first time a school sees an item: a baseline
  const { period } = input;
  const frequency = item.frequency;
  if (frequency.kind !== 'on-change' && frequency.alsoOnChange && !sameSencos(latest(mine, item.id)!.sencoIds, input.sencoIds)) return true;
  switch (frequency.kind) {
    case 'every-term':
      return !mine.some((h) => h.period.year === period.year && h.period.term === period.term);
    case 'once-a-year': {
      const term = frequency.term;
      return period.term === term && !mine.some((h) => h.period.year === period.year);
    }
    case 'on-change':
      return !sameSencos(latest(mine, item.id)!.sencoIds, input.sencoIds);
  }
}

/** The enabled items for the school's phase that are due this round, in checklist order. */
export function selectDueItems(input: DueInput): ChecklistItem[] {
  return enabledItems(input.checklist).filter((item) => item.phases.includes(input.phase) && isDue(item, input));
}

/**
 * Pre-fills for due items whose answer should not have changed: last round's answer when it
 * raised nothing (a "no" is asked again, with last time shown), or for the qualification the
 * SENCO profile when it settles the question for every SENCO at the school.
 */
export function prefillFor(
  items: readonly ChecklistItem[],
  history: readonly PastAnswer[],
  sencos: readonly SencoFacts[],
  today: LocalDate,
): Record<string, Prefill> {
  const prefill: Record<string, Prefill> = {};
  for (const item of items) {
    if (!item.prefill) continue;
    if (item.derived === 'qualification' && sencos.length > 0) {
      const statuses = sencos.map((s) => qualificationStatus(s, today));
      const values = statuses.map(profileAnswer);
      if (values.every((v) => v !== null)) {
        prefill[item.id] = { value: values.includes('yes') ? 'yes' : 'na', source: 'profile' };
        continue;
      }
      // The profile shows a deadline or a gap: ask, unless the profile simply does not say.
      if (statuses.some((s) => s.status !== 'unknown' && s.status !== 'met' && s.status !== 'not-required')) continue;
    }
    const last = latest(history, item.id);
    if (last && !needsFollowUp(item, last.value, today)) prefill[item.id] = { value: last.value, source: 'last-round' };
  }
  return prefill;
}

/** The qualification item's answer when the profile settles it: held, or the rule does not apply. */
export function profileAnswer(status: QualificationStatus): 'yes' | 'na' | null {
  if (status.status === 'met') return 'yes';
  if (status.status === 'not-required') return 'na';
  return null;
}
