/**
 * Round use cases, shared by the leader's commands and the scheduler's due work (one use case,
 * many callers): start or schedule, open with invitations, remind those not finished, close
 * with the summary to the SEND leaders, and plan the next round.
 */
import { localDateOf, localTimeOf, parseWeeklyRule, toInstant, type SchoolCalendar, type WeeklyRule } from '../../calendar';
import { findItem } from '../../core/checkin/checklist';
import { prefillFor, selectDueItems } from '../../core/checkin/due';
import type { Cadence, CheckinRound, Checklist } from '../../core/checkin/model';
import { nextStep, progressOf } from '../../core/checkin/progress';
import { summariseRound, type RoundSummary, type SchoolRoundData } from '../../core/checkin/summary';
import type { NewSchoolCheckin } from '../../core/checkin-port';
import { londonDate } from '../../core/dates';
import type { OutboundMessage } from '../../core/message';
import type { Person, School } from '../../core/model';
import { fail, ok, type Result } from '../../core/result';
import { roundSummaryMessage, type SummaryLabels } from '../../digest/checkin-summary';
import { snoozeButtons } from '../nudges/snooze-buttons';
import { invitationMessage, reminderMessage } from './cards';
import { deliver, INVITE_KIND, REMINDER_KIND, type Delivery } from './delivery';
import { DEFAULT_RULE, planNextRound, planRound, type RoundPlan } from './schedule';
import type { CheckinSvc } from './services';
import { answerLabel, periodLabel } from './text';
import { loadView, sencoFacts, sencosOf } from './view';

export function ruleOf(text: string | null): WeeklyRule {
  const parsed = parseWeeklyRule(text ?? DEFAULT_RULE);
  if (parsed.ok) return parsed.rule;
  const fallback = parseWeeklyRule(DEFAULT_RULE);
  if (!fallback.ok) throw new Error('DEFAULT_RULE does not parse');
  return fallback.rule;
}

export function leadersOf(people: readonly Person[]): Person[] {
  return people.filter((p) => !p.archived && p.roles.some((r) => r.role === 'send-leader'));
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

/** One check-in per school with a SENCO: the items due for it, pre-filled where they should not have changed. */
async function buildCheckins(svc: CheckinSvc, round: CheckinRound, checklist: Checklist): Promise<NewSchoolCheckin[]> {
  const { repo } = svc.checkin;
  const trustId = round.trustId;
  const [schools, people] = await Promise.all([svc.roster.repo.listSchools(trustId), svc.roster.repo.listPeople(trustId)]);
  const today = londonDate(svc.clock.now());
  const checkins: NewSchoolCheckin[] = [];
  for (const school of schools) {
    const sencos = sencosOf(people, school.id);
    if (sencos.length === 0) continue;
    const sencoIds = sencos.map((s) => s.id);
    const history = await repo.history(trustId, school.id, round.id);
    const items = selectDueItems({ checklist, phase: school.phase, period: round.period, history, sencoIds });
    if (items.length === 0) continue;
    checkins.push({
      schoolId: school.id,
      sencoIds,
      itemIds: items.map((i) => i.id),
      prefill: prefillFor(items, history, sencos.map(sencoFacts), today),
    });
  }
  return checkins;
}

/**
 * Opens a scheduled round (check-ins created in one transaction) and queues each SENCO's
 * invitation. Safe to run again: an open round is not reopened and invitation keys repeat.
 */
export async function openAndInvite(
  svc: CheckinSvc,
  round: CheckinRound,
): Promise<{ round: CheckinRound; opened: boolean; invited: number }> {
  const now = svc.clock.now();
  let opened = false;
  if (round.status === 'scheduled') {
    // The checklist in force when the round opens, even if it changed after the round was planned.
    const checklist = await svc.checkin.repo.checklist(round.trustId);
    opened = await svc.checkin.repo.openRound(round.trustId, round.id, checklist.version, await buildCheckins(svc, round, checklist), now);
    if (opened) svc.logger.info('check-in round opened', { trustId: round.trustId, roundId: round.id });
  }
  const current = (await svc.checkin.repo.getRound(round.trustId, round.id)) ?? round;
  if (current.status !== 'open') return { round: current, opened, invited: 0 };
  const people = await svc.roster.repo.listPeople(round.trustId);
  const deliveries: Delivery[] = [];
  for (const checkin of await svc.checkin.repo.checkinsOfRound(round.trustId, round.id)) {
    const view = await loadView(svc, round.trustId, checkin.id);
    if (!view) continue;
    const step = nextStep(view.checkin, view.answers);
    for (const person of sencosOf(people, checkin.schoolId)) {
      deliveries.push({ person, key: `checkin-invite:${round.id}:${person.id}`, content: invitationMessage(view, person.name, step) });
    }
  }
  const sent = await deliver(svc, round.trustId, INVITE_KIND, deliveries);
  return { round: current, opened, invited: sent.queued + sent.duplicates };
}

export interface Straggler {
  checkinId: string;
  schoolName: string;
  people: Person[];
}

/** SENCOs of schools that have not finished (their current SENCOs, who can answer). */
export async function stragglers(svc: CheckinSvc, round: CheckinRound): Promise<Straggler[]> {
  const [checkins, answers, schools, people] = await Promise.all([
    svc.checkin.repo.checkinsOfRound(round.trustId, round.id),
    svc.checkin.repo.answersOfRound(round.trustId, round.id),
    svc.roster.repo.listSchools(round.trustId, { includeArchived: true }),
    svc.roster.repo.listPeople(round.trustId),
  ]);
  return checkins
    .filter(
      (c) =>
        !progressOf(
          c,
          answers.filter((a) => a.checkinId === c.id),
        ).complete,
    )
    .map((c) => ({
      checkinId: c.id,
      schoolName: schools.find((s) => s.id === c.schoolId)?.name ?? '',
      people: sencosOf(people, c.schoolId),
    }))
    .filter((s) => s.people.length > 0)
    .sort((a, b) => a.schoolName.localeCompare(b.schoolName, 'en-GB'));
}

/** Queues a reminder to each SENCO who has not finished; `occasion` makes the keys (one per occasion). */
export async function remindStragglers(
  svc: CheckinSvc,
  round: CheckinRound,
  occasion: string,
): Promise<{ queued: number; duplicates: number; schools: string[] }> {
  const deliveries: Delivery[] = [];
  const waiting = await stragglers(svc, round);
  for (const s of waiting) {
    const view = await loadView(svc, round.trustId, s.checkinId);
    if (!view) continue;
    const message = reminderMessage(view, nextStep(view.checkin, view.answers), [snoozeButtons(REMINDER_KIND)]);
    for (const person of s.people)
      deliveries.push({ person, key: `checkin-reminder:${round.id}:${person.id}:${occasion}`, content: message });
  }
  const sent = await deliver(svc, round.trustId, REMINDER_KIND, deliveries);
  return { queued: sent.queued, duplicates: sent.duplicates, schools: waiting.map((s) => s.schoolName) };
}

/**
 * When a round's automatic reminders go: on the fifth school day after opening and on the last
 * school day before the closing day, at the opening's time of day within school hours.
 */
export function reminderTimes(round: CheckinRound, calendar: SchoolCalendar): Array<{ occasion: 'first' | 'last'; at: Date }> {
  const time = localTimeOf(round.opensAt);
  const at = time >= '08:00' && time < '17:00' ? time : '09:00';
  const openDay = localDateOf(round.opensAt);
  const closeDay = localDateOf(round.closesAt);
  const days: string[] = [];
  for (let day = calendar.nextSchoolDayAfter(openDay); day && day < closeDay && days.length < 60; day = calendar.nextSchoolDayAfter(day))
    days.push(day);
  const out: Array<{ occasion: 'first' | 'last'; at: Date }> = [];
  const last = days.at(-1);
  const first = days[4];
  if (first && first !== last) out.push({ occasion: 'first', at: toInstant(first, at) });
  if (last) out.push({ occasion: 'last', at: toInstant(last, at) });
  return out.filter((r) => r.at > round.opensAt && r.at < round.closesAt);
}

/** The facts of a round so far (completion, concerns, due soon, changes) and how to label them. */
export async function roundFacts(svc: CheckinSvc, round: CheckinRound): Promise<{ summary: RoundSummary; labels: SummaryLabels }> {
  const { repo } = svc.checkin;
  const trustId = round.trustId;
  const [checklist, checkins, answers, schools, people] = await Promise.all([
    repo.checklistVersion(trustId, round.checklistVersion),
    repo.checkinsOfRound(trustId, round.id),
    repo.answersOfRound(trustId, round.id),
    svc.roster.repo.listSchools(trustId, { includeArchived: true }),
    svc.roster.repo.listPeople(trustId),
  ]);
  const list = checklist ?? (await repo.checklist(trustId));
  const data: SchoolRoundData[] = [];
  for (const school of schools) {
    const checkin = checkins.find((c) => c.schoolId === school.id) ?? null;
    if (!checkin && school.archived) continue;
    const previous = checkin ? await repo.previousCheckin(trustId, school.id, round.id) : null;
    const previousChecklist = previous ? await repo.checklistVersion(trustId, previous.round.checklistVersion) : null;
    data.push({
      schoolId: school.id,
      schoolName: school.name,
      phase: school.phase,
      checkin,
      answers: checkin ? answers.filter((a) => a.checkinId === checkin.id) : [],
      previous: previous ? { answers: previous.answers, checklist: previousChecklist ?? list } : null,
      sencos: sencosOf(people, school.id).map(sencoFacts),
    });
  }
  const summary = summariseRound(list, data, londonDate(svc.clock.now()));
  const labels: SummaryLabels = {
    period: periodLabel(round.period),
    title: (id) => findItem(list, id)?.title ?? id,
    answer: (id, value) => answerLabel(findItem(list, id), value),
  };
  return { summary, labels };
}

/** The closing summary of a round, as the SEND leader reads it. */
export async function roundSummary(svc: CheckinSvc, round: CheckinRound): Promise<OutboundMessage> {
  const facts = await roundFacts(svc, round);
  return roundSummaryMessage(facts.summary, facts.labels);
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
  const now = svc.clock.now();
  const closed = round.status === 'open' ? await svc.checkin.repo.closeRound(round.trustId, round.id, now) : false;
  if (closed) await svc.audit.record({ trustId: round.trustId, actorId: by, action: 'checkin.round.close', subject: round.id });
  const current = (await svc.checkin.repo.getRound(round.trustId, round.id)) ?? round;
  const summary = await roundSummary(svc, current);
  const leaders = leadersOf(await svc.roster.repo.listPeople(round.trustId)).filter((p) => p.id !== by);
  await deliver(
    svc,
    round.trustId,
    null,
    leaders.map((person) => ({ person, key: `checkin-summary:${round.id}:${person.id}`, content: summary })),
  );
  const next = await planNext(svc, current);
  return { closed, summary, next };
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
