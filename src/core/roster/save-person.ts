import { randomUUID } from 'node:crypto';
import type { Actor, Person, Role, RoleGrant } from '../model';
import { isLeader } from '../permissions';
import { fail, ok, type Result } from '../result';
import type { PersonRecord, RosterRepo } from '../roster-port';
import { audit } from './audit';

export interface PersonInput {
  name: string;
  email: string;
  roles: Role[];
  schoolId: string | null;
}

export type PersonError =
  'forbidden' | 'not-found' | 'unknown-school' | 'school-required' | 'duplicate-email' | 'email-claimed' | 'last-leader' | 'conflict';

export const EMPTY_PROFILE = {
  appointedOn: null,
  priorSencoMonths: null,
  qualification: null,
  qualificationStartedOn: null,
  qualificationCompletedOn: null,
  tags: [],
};

/** A SENCO's role is tied to their school; other roles are trust-wide. */
export function grantsFor(roles: Role[], schoolId: string | null): RoleGrant[] {
  return roles.map((role) => ({ role, schoolId: role === 'senco' ? schoolId : null }));
}

export function toRecord(person: Person): PersonRecord {
  const { erased: _erased, ...record } = person;
  return record;
}

/**
 * Adds a person (no `id`) or edits one of the actor's trust: name, email, roles, school.
 * A role change gets its own audit entry. Leaders only; nobody can remove the trust's last
 * SEND leader or admin.
 */
export async function savePerson(
  ports: { repo: RosterRepo },
  actor: Actor,
  id: string | null,
  input: PersonInput,
): Promise<Result<Person, PersonError>> {
  if (!isLeader(actor) || !actor.trustId) return fail('forbidden');
  const trustId = actor.trustId;
  const existing = id ? await ports.repo.getPerson(trustId, id) : null;
  if (id && !existing) return fail('not-found');
  if (input.schoolId) {
    const school = await ports.repo.getSchool(trustId, input.schoolId);
    if (!school || school.archived) return fail('unknown-school');
  }
  if (input.roles.includes('senco') && !input.schoolId) return fail('school-required');
  if (existing && (await removesLastLeader(ports.repo, trustId, existing, input.roles, false))) return fail('last-leader');
  const person: PersonRecord = {
    ...(existing ? toRecord(existing) : { id: randomUUID(), trustId, preferredPlatform: null, profile: EMPTY_PROFILE, archived: false }),
    name: input.name,
    email: input.email.trim().toLowerCase(),
    schoolId: input.schoolId,
    roles: grantsFor(input.roles, input.schoolId),
  };
  const entries = [];
  if (!existing) entries.push(audit(actor, 'person.add', person.id, { roles: input.roles }));
  else {
    const fields = (['name', 'email', 'schoolId'] as const).filter((k) => existing[k] !== person[k]);
    if (fields.length) entries.push(audit(actor, 'person.edit', person.id, { fields }));
    const before = existing.roles.map((r) => r.role).sort();
    const after = [...input.roles].sort();
    if (before.join() !== after.join() || fields.includes('schoolId'))
      entries.push(audit(actor, 'role.change', person.id, { from: before, to: after }));
  }
  if (entries.length === 0) return ok(existing!);
  const written = await ports.repo.write(trustId, { people: [person], linkByEmail: true, audit: entries });
  if (!written.ok)
    return fail(
      written.error === 'duplicate-email' || written.error === 'last-leader' || written.error === 'email-claimed'
        ? written.error
        : 'conflict',
    );
  return ok({ ...person, erased: false });
}

/** Archives (or restores) a person: they keep their data but lose access and nudges. */
export async function setPersonArchived(
  ports: { repo: RosterRepo },
  actor: Actor,
  id: string,
  archived: boolean,
): Promise<Result<Person, PersonError>> {
  if (!isLeader(actor) || !actor.trustId) return fail('forbidden');
  const existing = await ports.repo.getPerson(actor.trustId, id);
  if (!existing) return fail('not-found');
  if (existing.archived === archived) return ok(existing);
  if (archived && (await removesLastLeader(ports.repo, actor.trustId, existing, [], true))) return fail('last-leader');
  const person = { ...toRecord(existing), archived };
  const written = await ports.repo.write(actor.trustId, {
    people: [person],
    linkByEmail: !archived,
    audit: [audit(actor, archived ? 'person.archive' : 'person.restore', id)],
  });
  // The repository re-checks the last-leader rule under the trust's lock (a parallel archive).
  if (!written.ok) return fail(written.error === 'last-leader' ? 'last-leader' : 'conflict');
  return ok({ ...person, erased: false });
}

const LEADS: Role[] = ['send-leader', 'admin'];

async function removesLastLeader(
  repo: RosterRepo,
  trustId: string,
  person: Person,
  newRoles: Role[],
  archiving: boolean,
): Promise<boolean> {
  const wasLead = !person.archived && person.roles.some((r) => LEADS.includes(r.role));
  const staysLead = !archiving && newRoles.some((r) => LEADS.includes(r));
  if (!wasLead || staysLead) return false;
  const leads = (await repo.listPeople(trustId)).filter((p) => p.id !== person.id && p.roles.some((r) => LEADS.includes(r.role)));
  return leads.length === 0;
}
