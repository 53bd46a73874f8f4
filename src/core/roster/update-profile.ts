import type { Actor, Person, Platform, SencoProfile } from '../model';
import { canEditProfile, isLeader } from '../permissions';
import { fail, ok, type Result } from '../result';
import type { RosterRepo } from '../roster-port';
import { audit } from './audit';
import { toRecord } from './save-person';

export interface ProfileInput {
  profile: SencoProfile;
  preferredPlatform: Platform | null;
  /** Whether the person's school has a resource base; undefined = leave it. */
  schoolHasResourceBase?: boolean;
}

export type ProfileError = 'forbidden' | 'not-found' | 'dates-order' | 'conflict';

/**
 * Updates a SENCO profile: the person themselves, or a leader for anyone in the trust. The
 * school's resource-base flag may be set by its own SENCO or a leader.
 */
export async function updateProfile(
  ports: { repo: RosterRepo },
  actor: Actor,
  personId: string,
  input: ProfileInput,
): Promise<Result<Person, ProfileError>> {
  if (!actor.trustId || !canEditProfile(actor, personId)) return fail('forbidden');
  const person = await ports.repo.getPerson(actor.trustId, personId);
  if (!person) return fail('not-found');
  const p = input.profile;
  if (p.qualificationStartedOn && p.qualificationCompletedOn && p.qualificationCompletedOn < p.qualificationStartedOn)
    return fail('dates-order');
  const fields = (Object.keys(p) as Array<keyof SencoProfile>).filter((k) => JSON.stringify(p[k]) !== JSON.stringify(person.profile[k]));
  if (input.preferredPlatform !== person.preferredPlatform) fields.push('preferredPlatform' as keyof SencoProfile);
  const school = person.schoolId ? await ports.repo.getSchool(actor.trustId, person.schoolId) : null;
  const mayEditSchool = school !== null && (isLeader(actor) || person.roles.some((r) => r.role === 'senco' && r.schoolId === school.id));
  const schoolChange = mayEditSchool && input.schoolHasResourceBase !== undefined && input.schoolHasResourceBase !== school.hasResourceBase;
  if (fields.length === 0 && !schoolChange) return ok(person);
  const updated = { ...toRecord(person), profile: p, preferredPlatform: input.preferredPlatform };
  const written = await ports.repo.write(actor.trustId, {
    people: fields.length ? [updated] : [],
    schools: schoolChange ? [{ ...school, hasResourceBase: input.schoolHasResourceBase! }] : [],
    audit: [
      ...(fields.length ? [audit(actor, 'profile.edit', personId, { fields })] : []),
      ...(schoolChange ? [audit(actor, 'school.edit', school.id, { fields: ['hasResourceBase'] })] : []),
    ],
  });
  return written.ok ? ok({ ...updated, erased: false }) : fail('conflict');
}
