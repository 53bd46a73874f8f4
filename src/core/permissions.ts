import type { Actor, Role } from './model';

/**
 * Who may use a command or action. 'anyone' includes people not yet on the roster (help,
 * first-run set-up); 'linked' means any person on a trust's roster; a role list means any of
 * those roles. Admins may do everything a SEND leader may. Checked on the server for every
 * command and every card action, whatever a button claimed.
 */
export type Audience = 'anyone' | 'linked' | readonly Role[];

export function isAllowed(actor: Pick<Actor, 'roles' | 'personId'>, audience: Audience): boolean {
  if (audience === 'anyone') return true;
  if (actor.personId === null) return false;
  if (audience === 'linked') return true;
  return actor.roles.some((grant) => audience.includes(grant.role) || (grant.role === 'admin' && audience.includes('send-leader')));
}

/**
 * Data-level rules, applied after the audience check and after the repository has limited
 * every read to the actor's own trust. A SENCO sees their own school; SEND leaders, admins
 * and trust leaders see the whole trust (trust leaders read only).
 */
type Who = Pick<Actor, 'roles' | 'personId'>;

/** MAT SEND leader or admin: may change the roster. */
export function isLeader(actor: Who): boolean {
  return actor.personId !== null && actor.roles.some((g) => g.role === 'send-leader' || g.role === 'admin');
}

/** May read every school of the trust (leaders, admins, trust leaders). */
export function readsWholeTrust(actor: Who): boolean {
  return isLeader(actor) || (actor.personId !== null && actor.roles.some((g) => g.role === 'trust-leader'));
}

/** Schools the actor is SENCO of. */
export function ownSchoolIds(actor: Who): string[] {
  return actor.roles.filter((g) => g.role === 'senco' && g.schoolId).map((g) => g.schoolId!);
}

export function canReadSchool(actor: Who, schoolId: string): boolean {
  return readsWholeTrust(actor) || ownSchoolIds(actor).includes(schoolId);
}

/** Oneself, anyone at one's own school, or anyone for whole-trust readers. */
export function canReadPerson(actor: Who, person: { id: string; schoolId: string | null }): boolean {
  if (actor.personId === null) return false;
  if (person.id === actor.personId || readsWholeTrust(actor)) return true;
  return person.schoolId !== null && ownSchoolIds(actor).includes(person.schoolId);
}

/** Oneself, or a leader for anyone in the trust. */
export function canEditProfile(actor: Who, personId: string): boolean {
  return actor.personId !== null && (actor.personId === personId || isLeader(actor));
}

/** True when reading data of `schoolId` is a read of "another school" (audited). */
export function isOtherSchool(actor: Who, schoolId: string | null): boolean {
  return schoolId !== null && !ownSchoolIds(actor).includes(schoolId);
}
