/** Loading a check-in with everything its cards show. */
import type { CheckinAnswer, PastAnswer, SencoFacts } from '../../core/checkin/model';
import { londonDate } from '../../core/dates';
import type { Person } from '../../core/model';
import type { CheckinView } from './cards';
import type { CheckinSvc } from './services';

/** People holding the SENCO role at this school. */
export function sencosOf(people: readonly Person[], schoolId: string): Person[] {
  return people.filter((p) => !p.archived && p.roles.some((r) => r.role === 'senco' && r.schoolId === schoolId));
}

export function sencoFacts(person: Person): SencoFacts {
  const { tags: _tags, ...profile } = person.profile;
  return { personId: person.id, name: person.name, ...profile };
}

/** The latest earlier answer per item. */
export function lastAnswers(history: readonly PastAnswer[]): Map<string, string> {
  const latest = new Map<string, PastAnswer>();
  for (const answer of history) {
    const seen = latest.get(answer.itemId);
    if (!seen || answer.answeredAt > seen.answeredAt) latest.set(answer.itemId, answer);
  }
  return new Map([...latest].map(([id, a]) => [id, a.value]));
}

export async function loadView(svc: CheckinSvc, trustId: string, checkinId: string): Promise<CheckinView | null> {
  const { repo } = svc.checkin;
  const roster = svc.roster.repo;
  const found = await repo.getCheckin(trustId, checkinId);
  if (!found) return null;
  const { checkin, round } = found;
  const [checklist, answers, school, people, history] = await Promise.all([
    repo.checklistVersion(trustId, round.checklistVersion),
    repo.answers(trustId, checkin.id),
    roster.getSchool(trustId, checkin.schoolId),
    roster.listPeople(trustId),
    repo.history(trustId, checkin.schoolId, round.id),
  ]);
  return {
    checkin,
    round,
    checklist: checklist ?? (await repo.checklist(trustId)),
    schoolName: school?.name ?? '',
    answers: answers as CheckinAnswer[],
    last: lastAnswers(history),
    sencos: sencosOf(people, checkin.schoolId).map(sencoFacts),
    today: londonDate(svc.clock.now()),
  };
}
