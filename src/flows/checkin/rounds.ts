/**
 * Round use cases, shared by the leader's commands and the scheduler's due work (one use case,
 * many callers): start or schedule, open with invitations, remind those not finished, close
 * with the summary to the SEND leaders, and plan the next round.
 */
import { parseWeeklyRule, type WeeklyRule } from '../../calendar';
import type { CampaignProgress } from '../../core/campaign';
import type { Cadence, CheckinRound } from '../../core/checkin/model';
import type { RoundSummary } from '../../core/checkin/summary';
import type { OutboundMessage } from '../../core/message';
import type { Person, School } from '../../core/model';
import { fail, ok, type Result } from '../../core/result';
import { campaignProgress, closeCampaign, openCampaign, remindWaiting, waitingUnits } from '../campaigns/engine';
import { checkinCampaign } from './campaign';
import { roundFacts } from './round-content';
import { DEFAULT_RULE, planNextRound, planRound, type RoundPlan } from './schedule';
import type { CheckinSvc } from './services';
import { sencosOf } from './view';

export { reminderTimes, roundFacts, roundSummary } from './round-content';

export function ruleOf(text: string | null): WeeklyRule {
  const parsed = parseWeeklyRule(text ?? DEFAULT_RULE);
  if (parsed.ok) return parsed.rule;
  const fallback = parseWeeklyRule(DEFAULT_RULE);
  if (!fallback.ok) throw new Error('DEFAULT_RULE does not parse');
  return fallback.rule;
}

export interface RoundPreview {
  plan: RoundPlan;
  schools: School[];
  sencos: number;
  /** Schools with no SENCO on the roster (no check-in for them). */
  missing: string[];
}

export async function previewRound(
  svc: CheckinSvc,
  trustId: string,
  cadence: Cadence,
  rule: WeeklyRule | null,
): Promise<Result<RoundPreview, 'no-term'>> {
  const now = svc.clock.now();
  const calendar = await svc.checkin.calendar(trustId, now);
  const plan = planRound(calendar, now, cadence, rule);
  if (!plan.ok) return plan;
  const [schools, people] = await Promise.all([svc.roster.repo.listSchools(trustId), svc.roster.repo.listPeople(trustId)]);
  const staffed = schools.filter((s) => sencosOf(people, s.id).length > 0);
  const sencos = new Set(staffed.flatMap((s) => sencosOf(people, s.id).map((p) => p.id)));
  return ok({ plan: plan.value, schools, sencos: sencos.size, missing: schools.filter((s) => !staffed.includes(s)).map((s) => s.name) });
}

export type StartError = 'no-term' | 'exists';

/**
 * Starts a round now (rule null) or schedules it at the rule's next school-day occurrence, and
 * remembers the cadence and rule for the rounds after it. A round due now opens at once.
 */
export async function startRound(
  svc: CheckinSvc,
  trustId: string,
  by: string | null,
  input: { cadence: Cadence; ruleText: string | null },
): Promise<Result<{ round: CheckinRound; invited: number }, StartError> & { existing?: CheckinRound }> {
  const now = svc.clock.now();
  const rule = input.ruleText ? ruleOf(input.ruleText) : null;
  const calendar = await svc.checkin.calendar(trustId, now);
  const plan = planRound(calendar, now, input.cadence, rule);
  if (!plan.ok) return plan;
  const settings = await svc.checkin.repo.settings(trustId);
  await svc.checkin.repo.saveSettings(trustId, { cadence: input.cadence, rule: input.ruleText ?? settings.rule });
  const created = await svc.checkin.repo.createRound({
    trustId,
    period: plan.value.period,
    cadence: input.cadence,
    opensAt: plan.value.opensAt,
    closesAt: plan.value.closesAt,
    rule: input.ruleText,
    createdBy: by,
  });
  if (!created.ok) {
    const existing = (await svc.checkin.repo.listRounds(trustId, 12)).find((r) => samePeriod(r, plan.value.period));
    return { ...fail('exists'), existing };
  }
  await svc.audit.record({
    trustId,
    actorId: by,
    action: 'checkin.round.create',
    subject: created.value.id,
    details: { period: plan.value.period, opensAt: plan.value.opensAt.toISOString() },
  });
  if (created.value.opensAt.getTime() > now.getTime()) return ok({ round: created.value, invited: 0 });
  const opened = await openAndInvite(svc, created.value);
  return ok({ round: opened.round, invited: opened.invited });
}

function samePeriod(round: CheckinRound, period: CheckinRound['period']): boolean {
  return round.period.year === period.year && round.period.term === period.term && round.period.half === period.half;
}

/**
 * Opens a scheduled round (check-ins created in one transaction) and queues each SENCO's
 * invitation. Safe to run again: an open round is not reopened and invitation keys repeat.
 */
export async function openAndInvite(
  svc: CheckinSvc,
  round: CheckinRound,
): Promise<{ round: CheckinRound; opened: boolean; invited: number }> {
  const { campaign, opened, sent } = await openCampaign(svc, checkinCampaign(svc), round);
  return { round: campaign, opened, invited: sent.queued + sent.duplicates };
}

export interface Straggler {
  checkinId: string;
  schoolName: string;
  people: Person[];
}

/** SENCOs of schools that have not finished (their current SENCOs, who can answer). */
export async function stragglers(svc: CheckinSvc, round: CheckinRound): Promise<Straggler[]> {
  const waiting = await waitingUnits(checkinCampaign(svc), round);
  return waiting.map((u) => ({ checkinId: u.id, schoolName: u.label, people: u.people as Person[] }));
}

/** Queues a reminder to each SENCO who has not finished; `occasion` makes the keys (one per occasion). */
export async function remindStragglers(
  svc: CheckinSvc,
  round: CheckinRound,
  occasion: string,
): Promise<{ queued: number; duplicates: number; schools: string[] }> {
  const sent = await remindWaiting(svc, checkinCampaign(svc), round, occasion);
  return { queued: sent.queued, duplicates: sent.duplicates, schools: sent.waiting };
}

/** Live progress of a round: schools finished, and SENCOs who could not be reached and why. */
export function roundProgress(svc: CheckinSvc, round: CheckinRound): Promise<CampaignProgress> {
  return campaignProgress(svc, checkinCampaign(svc), round);
}

/** Plans the round after this one (scheduled), unless the trust already has it. */
export async function planNext(svc: CheckinSvc, round: CheckinRound): Promise<CheckinRound | null> {
  const settings = await svc.checkin.repo.settings(round.trustId);
  const calendar = await svc.checkin.calendar(round.trustId, svc.clock.now());
  const plan = planNextRound(calendar, round.period, settings.cadence, ruleOf(settings.rule));
  if (!plan) return null;
  const created = await svc.checkin.repo.createRound({
    trustId: round.trustId,
    period: plan.period,
    cadence: settings.cadence,
    opensAt: plan.opensAt,
    closesAt: plan.closesAt,
    rule: settings.rule,
    createdBy: null,
  });
  if (created.ok) return created.value;
  return (await svc.checkin.repo.listRounds(round.trustId, 12)).find((r) => samePeriod(r, plan.period)) ?? null;
}

/**
 * Closes the round (if still open), sends the summary to the SEND leaders (except `by`, who
 * gets it as the reply) and plans the next round. Safe to run again.
 */
export async function closeAndSummarise(
  svc: CheckinSvc,
  round: CheckinRound,
  by: string | null,
): Promise<{ closed: boolean; summary: OutboundMessage; next: CheckinRound | null }> {
  const result = await closeCampaign(svc, checkinCampaign(svc), round, by);
  const next = await planNext(svc, result.campaign);
  return { closed: result.closed, summary: result.summary, next };
}

/**
 * The trust's check-in flags for the weekly digest (issue 5: "flags also feed the weekly
 * digest"): the latest closed round's concerns and what falls due within 60 days, computed
 * today. Null before any round has closed.
 */
export async function latestFlags(
  svc: CheckinSvc,
  trustId: string,
): Promise<{ round: CheckinRound; concerns: RoundSummary['concerns']; dueSoon: RoundSummary['dueSoon'] } | null> {
  const round = (await svc.checkin.repo.listRounds(trustId, 12)).find((r) => r.status === 'closed');
  if (!round) return null;
  const { summary } = await roundFacts(svc, round);
  return { round, concerns: summary.concerns, dueSoon: summary.dueSoon };
}
