import { randomUUID } from 'node:crypto';
import type { Actor, School, SchoolPhase } from '../model';
import { isLeader } from '../permissions';
import { fail, ok, type Result } from '../result';
import type { RosterRepo } from '../roster-port';
import { audit } from './audit';

export interface SchoolInput {
  name: string;
  phase: SchoolPhase;
  localAuthority: string | null;
  region: string | null;
  hasResourceBase: boolean;
  /** The school's own day ('HH:MM'); null = the default. Absent: unchanged. */
  dayStart?: string | null;
  dayEnd?: string | null;
}

export type SchoolError = 'forbidden' | 'not-found' | 'duplicate-school' | 'conflict';

/** Adds a school (no `id`) or edits one of the actor's trust. Leaders only. */
export async function saveSchool(
  ports: { repo: RosterRepo },
  actor: Actor,
  id: string | null,
  input: SchoolInput,
): Promise<Result<School, SchoolError>> {
  if (!isLeader(actor) || !actor.trustId) return fail('forbidden');
  const existing = id ? await ports.repo.getSchool(actor.trustId, id) : null;
  if (id && !existing) return fail('not-found');
  const school: School = {
    id: existing?.id ?? randomUUID(),
    trustId: actor.trustId,
    archived: existing?.archived ?? false,
    dayStart: existing?.dayStart ?? null,
    dayEnd: existing?.dayEnd ?? null,
    ...input,
  };
  const changed = existing ? changedFields(existing, school) : [];
  if (existing && changed.length === 0) return ok(existing);
  const written = await ports.repo.write(actor.trustId, {
    schools: [school],
    audit: [audit(actor, existing ? 'school.edit' : 'school.add', school.id, existing ? { fields: changed } : { phase: school.phase })],
  });
  if (!written.ok) return fail(written.error === 'duplicate-school' ? 'duplicate-school' : 'conflict');
  return ok(school);
}

/** Archives (or restores) a school of the actor's trust. Its people stay on the roster. */
export async function setSchoolArchived(
  ports: { repo: RosterRepo },
  actor: Actor,
  id: string,
  archived: boolean,
): Promise<Result<School, SchoolError>> {
  if (!isLeader(actor) || !actor.trustId) return fail('forbidden');
  const existing = await ports.repo.getSchool(actor.trustId, id);
  if (!existing) return fail('not-found');
  if (existing.archived === archived) return ok(existing);
  const school = { ...existing, archived };
  const written = await ports.repo.write(actor.trustId, {
    schools: [school],
    audit: [audit(actor, archived ? 'school.archive' : 'school.restore', id)],
  });
  return written.ok ? ok(school) : fail('conflict');
}

function changedFields(a: School, b: School): string[] {
  const keys = ['name', 'phase', 'localAuthority', 'region', 'hasResourceBase'] as const;
  const changed: string[] = keys.filter((k) => a[k] !== b[k]);
  if ((a.dayStart ?? null) !== (b.dayStart ?? null) || (a.dayEnd ?? null) !== (b.dayEnd ?? null)) changed.push('hours');
  return changed;
}
