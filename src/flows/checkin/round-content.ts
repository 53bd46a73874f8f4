/**
 * What a round contains and reports: the check-ins it opens with, when its reminders go, and
 * its facts and summary. Pure of sending; src/flows/checkin/campaign.ts and rounds.ts use it.
 */
import { localDateOf, localTimeOf, toInstant, type SchoolCalendar } from '../../calendar';
import { findItem } from '../../core/checkin/checklist';
import { prefillFor, selectDueItems } from '../../core/checkin/due';
import type { CheckinRound, Checklist } from '../../core/checkin/model';
import { summariseRound, type RoundSummary, type SchoolRoundData } from '../../core/checkin/summary';
import type { NewSchoolCheckin } from '../../core/checkin-port';
import { londonDate } from '../../core/dates';
import type { OutboundMessage } from '../../core/message';
import { roundSummaryMessage, type SummaryLabels } from '../../digest/checkin-summary';
import type { CheckinSvc } from './services';
import { answerLabel, periodLabel } from './text';
import { sencoFacts, sencosOf } from './view';

/** One check-in per school with a SENCO: the items due for it, pre-filled where they should not have changed. */
export async function buildCheckins(svc: CheckinSvc, round: CheckinRound, checklist: Checklist): Promise<NewSchoolCheckin[]> {
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
  // Batched: a query or two for every school's previous check-in, one per checklist version.
  const previousOf = await repo.previousCheckins(
    trustId,
    checkins.map((c) => c.schoolId),
    round.id,
  );
  const versions = new Map<number, ReturnType<typeof repo.checklistVersion>>();
  const versionOf = (version: number) => {
    if (!versions.has(version)) versions.set(version, repo.checklistVersion(trustId, version));
    return versions.get(version)!;
  };
  const checkinOf = new Map(checkins.map((c) => [c.schoolId, c]));
  const answersOf = new Map<string, typeof answers>();
  for (const a of answers) answersOf.set(a.checkinId, [...(answersOf.get(a.checkinId) ?? []), a]);
  const data: SchoolRoundData[] = [];
  for (const school of schools) {
    const checkin = checkinOf.get(school.id) ?? null;
    if (!checkin && school.archived) continue;
    const previous = checkin ? (previousOf.get(school.id) ?? null) : null;
    const previousChecklist = previous ? await versionOf(previous.round.checklistVersion) : null;
    data.push({
      schoolId: school.id,
      schoolName: school.name,
      phase: school.phase,
      checkin,
      answers: checkin ? (answersOf.get(checkin.id) ?? []) : [],
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
