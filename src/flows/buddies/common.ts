/** What the buddy handlers share: the repository, names, the end of the school year. */
import { defaultAcademicYear } from '../../calendar/default-pattern';
import { startYearOfLabel, type AcademicYear } from '../../calendar/term-dates';
import type { BuddyPair } from '../../core/buddies-port';
import { londonDate } from '../../core/dates';
import { deliverToPeople, pickContact } from '../../core/deliver-to-people';
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

export type Delivered = 'queued' | 'duplicate' | 'unreachable';

/**
 * One message to one person through the outbox, keyed `<key>:<person>` (as `sendTo`), saying
 * whether it is new. With a `kind` it is a nudge (a follow-up): the recipient school's days and
 * hours, a snooze of that kind and a pause hold it at send time.
 */
export async function deliverOnce(
  deps: FlowDeps,
  trustId: string,
  personId: string,
  key: string,
  message: OutboundMessage,
  kind: string | null = null,
): Promise<Delivered> {
  const person = await deps.roster.repo.getPerson(trustId, personId);
  if (!person || person.archived) return 'unreachable';
  const contacts = await deps.roster.identities.contacts(trustId, [personId]);
  const report = await deliverToPeople(deps.outbox, trustId, contacts, [{ person, key: `${key}:${personId}`, content: message }], kind);
  return report.queued > 0 ? 'queued' : report.duplicates > 0 ? 'duplicate' : 'unreachable';
}

export async function sendNudge(
  deps: FlowDeps,
  trustId: string,
  personId: string,
  key: string,
  message: OutboundMessage,
  kind: string,
): Promise<boolean> {
  return (await deliverOnce(deps, trustId, personId, key, message, kind)) !== 'unreachable';
}

/**
 * One message to these people together, in one conversation with the bot, where their
 * platform lets the bot open one (a Slack group DM). False when it does not (Teams, people on
 * different platforms, someone unreachable or archived): the caller then sends to each.
 */
export async function sendToGroup(
  deps: FlowDeps,
  trustId: string,
  personIds: string[],
  key: string,
  message: OutboundMessage,
): Promise<boolean> {
  const people = await Promise.all(personIds.map((id) => deps.roster.repo.getPerson(trustId, id)));
  if (people.some((p) => !p || p.archived)) return false;
  const contacts = await deps.roster.identities.contacts(trustId, personIds);
  const picked = people.map((p) => pickContact(p!, contacts));
  const platforms = new Set(picked.map((c) => c?.platform));
  if (picked.some((c) => !c) || platforms.size !== 1) return false;
  const platform = picked[0]!.platform;
  const target =
    deps.outbox.groupAddress?.(
      platform,
      picked.map((c) => c!.address),
    ) ?? null;
  if (!target) return false;
  await deps.outbox.enqueue([{ key, trustId, personId: null, platform, target, content: message }]);
  return true;
}

export function otherSide(pair: BuddyPair, personId: string): string {
  return pair.menteeId === personId ? pair.buddyId : pair.menteeId;
}

export function sideOf(pair: BuddyPair, personId: string): 'mentee' | 'buddy' | null {
  if (pair.menteeId === personId) return 'mentee';
  if (pair.buddyId === personId) return 'buddy';
  return null;
}
