/** What the buddy handlers share: the repository, names, the end of the school year. */
import { defaultAcademicYear } from '../../calendar/default-pattern';
import { startYearOfLabel, type AcademicYear } from '../../calendar/term-dates';
import type { BuddyPair } from '../../core/buddies-port';
import { londonDate } from '../../core/dates';
import type { OutboundMessage } from '../../core/message';
import type { Person, School } from '../../core/model';
import type { FlowDeps } from '../deps';
import { academicYearOf } from '../terms/terms';
import type { BuddiesDeps } from './deps';
import './deps';

export function buddies(deps: FlowDeps): BuddiesDeps {
  return deps.buddies;
}

export interface TrustPeople {
  people: Map<string, Person>;
  schools: Map<string, School>;
  name(id: string): string;
  schoolName(personId: string): string;
}

export async function trustPeople(deps: FlowDeps, trustId: string): Promise<TrustPeople> {
  const people = new Map((await deps.roster.repo.listPeople(trustId, { includeArchived: true })).map((p) => [p.id, p]));
  const schools = new Map((await deps.roster.repo.listSchools(trustId, { includeArchived: true })).map((s) => [s.id, s]));
  return {
    people,
    schools,
    name: (id) => people.get(id)?.name ?? 'someone who has left',
    schoolName: (id) => {
      const schoolId = people.get(id)?.schoolId;
      return (schoolId && schools.get(schoolId)?.name) || 'no school';
    },
  };
}

/**
 * The last day of the summer term of the school year `today` falls in: the trust's own term
 * dates where stored, else the usual English pattern. Buddying ends there by default.
 */
export async function endOfSchoolYear(deps: FlowDeps, trustId: string, today: string): Promise<string> {
  const label = academicYearOf(today);
  const stored = await deps.termDates.load(trustId, null);
  const own = (stored.trustYears as AcademicYear[]).find((y) => y?.label === label);
  const year = own ?? defaultAcademicYear(startYearOfLabel(label)!);
  const end = year.terms[2].end;
  // Approved in the summer holiday: run to the end of the next school year.
  return end >= today ? end : defaultAcademicYear(startYearOfLabel(label)! + 1).terms[2].end;
}

export function todayOf(deps: FlowDeps): string {
  return londonDate(deps.clock.now());
}

/** Sends to one person through the outbox, once per key (the notifier adds the person to it). */
export async function sendTo(deps: FlowDeps, trustId: string, personId: string, key: string, message: OutboundMessage): Promise<boolean> {
  const notifier = deps.roster.notifier;
  if (!notifier) return false;
  const sent = await notifier.notify(trustId, [personId], key, message);
  return sent.queued > 0;
}

export function otherSide(pair: BuddyPair, personId: string): string {
  return pair.menteeId === personId ? pair.buddyId : pair.menteeId;
}

export function sideOf(pair: BuddyPair, personId: string): 'mentee' | 'buddy' | null {
  if (pair.menteeId === personId) return 'mentee';
  if (pair.buddyId === personId) return 'buddy';
  return null;
}
